import { describe, expect, it } from 'vitest';
import type { RevenuePeriod } from '../../../../db/revenue/revenue-contract';
import type { CountBucket } from '../../../../db/sessions/sessions-contract';
import {
  costAndMarginChart,
  drillFor,
  needlesPerSessionChart,
  packageLiabilityChart,
  revenueVsPriorYearChart,
  seriesTotals,
  sessionsByKindChart,
  sessionsByTherapistChart,
} from './chart-data';
import { chartCsv, formatValue } from './chart-table';

const weeks: CountBucket[] = [
  { period: '2026-10-26', total: 3, planOfCare: 2, selfPay: 1, byTherapist: { '2': 2, '5': 1 } },
  { period: '2026-11-02', total: 4, planOfCare: 1, selfPay: 3, byTherapist: { '5': 4 } },
];
const range = { from: '2026-10-31', to: '2026-11-08' };

function period(p: Partial<RevenuePeriod> & { period: string }): RevenuePeriod {
  return {
    revenueCents: 0,
    priorYearRevenueCents: 0,
    selfPayVisits: 0,
    averagePerVisitCents: 0,
    collectedCents: 0,
    refundedCents: 0,
    packageLiabilityCents: 0,
    sessions: 0,
    needles: 0,
    needlesPerSession: 0,
    supplyCostCents: 0,
    selfPayMarginCents: 0,
    selfPaySupplyCostCents: 0,
    ...p,
  };
}

describe('sessionsByKindChart', () => {
  it('keeps the API counts per period, stacked by kind, with the total in the table only', () => {
    const spec = sessionsByKindChart(weeks, 'week', range);
    expect(spec.rows.map((r) => r.values)).toEqual([
      { planOfCare: 2, selfPay: 1, total: 3 },
      { planOfCare: 1, selfPay: 3, total: 4 },
    ]);
    expect(spec.rows[0]?.label).toBe('Week of Oct 26, 2026');
    expect(spec.series.filter((s) => s.draw === 'bar').map((s) => s.stackId)).toEqual(['kind', 'kind']);
    expect(seriesTotals(spec)).toEqual({ planOfCare: 3, selfPay: 4, total: 7 });
  });

  it('lists the sessions behind a bar for its period (clipped to the range) and kind', () => {
    const spec = sessionsByKindChart(weeks, 'week', range);
    expect(drillFor(spec, spec.rows[0]!, 'selfPay')).toEqual({ from: '2026-10-31', to: '2026-11-01', kind: 'self_pay' });
    expect(drillFor(spec, spec.rows[1]!, 'total')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
  });
});

describe('sessionsByTherapistChart', () => {
  it('makes one series per therapist with sessions, by name, zero where they had none', () => {
    const spec = sessionsByTherapistChart(weeks, [{ id: 5, name: 'Ana Ruiz' }, { id: 2, name: 'Ben Cole' }], 'week', range);
    expect(spec.series.map((s) => s.name)).toEqual(['Ana Ruiz', 'Ben Cole']);
    expect(spec.rows.map((r) => r.values)).toEqual([
      { t5: 1, t2: 2 },
      { t5: 4, t2: 0 },
    ]);
    expect(drillFor(spec, spec.rows[1]!, 't5')).toEqual({ from: '2026-11-02', to: '2026-11-08', therapistId: 5 });
  });

  it('names a therapist missing from the staff list by id rather than dropping their sessions', () => {
    expect(sessionsByTherapistChart(weeks, [], 'week', range).series.map((s) => s.name)).toEqual(['Staff #2', 'Staff #5']);
  });
});

describe('revenue charts', () => {
  const months = [
    period({ period: '2026-10', revenueCents: 130000, priorYearRevenueCents: 120000, selfPayVisits: 20, packageLiabilityCents: 55000, collectedCents: 125000, refundedCents: 6500, selfPaySupplyCostCents: 2500, selfPayMarginCents: 127500, supplyCostCents: 6000, needles: 140, sessions: 21, needlesPerSession: 140 / 21 }),
    period({ period: '2026-11', revenueCents: 6500, selfPayVisits: 1, packageLiabilityCents: 0 }),
  ];
  const monthRange = { from: '2026-10-01', to: '2026-11-29' };

  it('puts revenue beside the prior year, not drilling into last year', () => {
    const spec = revenueVsPriorYearChart(months, 'month', monthRange);
    expect(spec.rows[0]?.values).toEqual({ revenue: 130000, priorYear: 120000, visits: 20 });
    expect(drillFor(spec, spec.rows[0]!, 'priorYear')).toBeNull();
    expect(drillFor(spec, spec.rows[1]!, 'revenue')).toEqual({ from: '2026-11-01', to: '2026-11-29', kind: 'self_pay' });
    expect(seriesTotals(spec)).toEqual({ revenue: 136500, priorYear: 120000, visits: 21 });
  });

  it('does not total a liability (a level, not a flow)', () => {
    expect(seriesTotals(packageLiabilityChart(months, 'month', monthRange)).liability).toBeNull();
  });

  it('stacks supply cost and margin to the revenue', () => {
    const spec = costAndMarginChart(months, 'month', monthRange);
    const first = spec.rows[0]!.values;
    expect((first.selfPayCost ?? 0) + (first.margin ?? 0)).toBe(first.revenue);
  });

  it('writes the CSV with dollars and ratios as numbers', () => {
    const csv = chartCsv(revenueVsPriorYearChart(months.slice(0, 1), 'month', monthRange));
    expect(csv).toBe('\uFEFFPeriod,Label,Self-pay revenue ($),Same period a year before ($),Self-pay visits\r\n2026-10,Oct 2026,1300,1200,20\r\n');
    const needles = chartCsv(needlesPerSessionChart(months.slice(0, 1), 'month', monthRange));
    expect(needles.split('\r\n')[1]).toBe('2026-10,Oct 2026,6.67,140,21');
  });
});

describe('formatValue', () => {
  it('formats each kind of value for the table', () => {
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(6550, 'money')).toBe('$65.50');
    expect(formatValue(6.666, 'decimal')).toBe('6.67');
    expect(formatValue(0.425, 'percent')).toBe('43%');
    expect(formatValue(undefined, 'count')).toBe('—');
  });
});
