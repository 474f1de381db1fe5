import { describe, expect, it } from 'vitest';
import type { DayCloseSummary } from '../../../db/revenue/revenue-contract';
import { closeChanges, methodRows } from './day-close';

const summary: DayCloseSummary = {
  date: '2026-11-27',
  sessionsByKind: { plan_of_care: 7, self_pay: 2 },
  paymentsByMethod: { cash: 6500, card: 13000, hsa_fsa: 0, check: 0 },
  refundsByMethod: { cash: 0, card: 6500, hsa_fsa: 0, check: 0 },
  cashExpectedCents: 6500,
  totalCollectedCents: 13000,
  countMismatches: [],
  unpaidSelfPay: [],
  precautionExceptions: [],
  adverseEvents: [],
  lateEntries: [],
};

describe('methodRows', () => {
  it('nets refunds off payments per method, totalling to what the API says was collected', () => {
    const { rows, total } = methodRows(summary);
    expect(rows.find((r) => r.method === 'card')).toEqual({ method: 'card', label: 'Card', paymentsCents: 13000, refundsCents: 6500, netCents: 6500 });
    expect(total).toEqual({ paymentsCents: 19500, refundsCents: 6500, netCents: summary.totalCollectedCents });
  });
});

describe('closeChanges', () => {
  it('finds nothing when the day is as it was closed', () => {
    expect(closeChanges(summary, summary)).toEqual([]);
  });
  it('lists what a late void changed', () => {
    const now = { ...summary, sessionsByKind: { plan_of_care: 7, self_pay: 1 }, refundsByMethod: { ...summary.refundsByMethod, cash: 6500 }, cashExpectedCents: 0 };
    expect(closeChanges(summary, now)).toEqual([
      { what: 'Self-pay sessions', atClose: '2', now: '1' },
      { what: 'Cash refunds', atClose: '$0.00', now: '$65.00' },
      { what: 'Cash expected', atClose: '$65.00', now: '$0.00' },
    ]);
  });
});
