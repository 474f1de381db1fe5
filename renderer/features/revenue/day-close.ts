// The daily close sheet's arithmetic: payments by method against refunds, and what changed since the close. Pure.
import { paymentMethodLabels, paymentMethods, type DayCloseSummary, type PaymentMethod } from '../../../db/revenue/revenue-contract';
import { formatCents } from './money';

export interface MethodRow {
  method: PaymentMethod;
  label: string;
  paymentsCents: number;
  refundsCents: number;
  netCents: number;
}

export function methodRows(summary: DayCloseSummary): { rows: MethodRow[]; total: Omit<MethodRow, 'method' | 'label'> } {
  const rows = paymentMethods.map((method) => {
    const paymentsCents = summary.paymentsByMethod[method] ?? 0;
    const refundsCents = summary.refundsByMethod[method] ?? 0;
    return { method, label: paymentMethodLabels[method], paymentsCents, refundsCents, netCents: paymentsCents - refundsCents };
  });
  const total = rows.reduce((t, r) => ({ paymentsCents: t.paymentsCents + r.paymentsCents, refundsCents: t.refundsCents + r.refundsCents, netCents: t.netCents + r.netCents }), {
    paymentsCents: 0,
    refundsCents: 0,
    netCents: 0,
  });
  return { rows, total };
}

/** Figures that differ between the sheet at closing and the day now: what late entries (amendments, voids) changed. */
export function closeChanges(atClose: DayCloseSummary, now: DayCloseSummary): Array<{ what: string; atClose: string; now: string }> {
  const changes: Array<{ what: string; atClose: string; now: string }> = [];
  const compare = (what: string, a: number, b: number, show: (v: number) => string = String) => {
    if (a !== b) changes.push({ what, atClose: show(a), now: show(b) });
  };
  compare('Plan-of-care sessions', atClose.sessionsByKind.plan_of_care, now.sessionsByKind.plan_of_care);
  compare('Self-pay sessions', atClose.sessionsByKind.self_pay, now.sessionsByKind.self_pay);
  for (const m of paymentMethods) {
    compare(`${paymentMethodLabels[m]} payments`, atClose.paymentsByMethod[m] ?? 0, now.paymentsByMethod[m] ?? 0, formatCents);
    compare(`${paymentMethodLabels[m]} refunds`, atClose.refundsByMethod[m] ?? 0, now.refundsByMethod[m] ?? 0, formatCents);
  }
  compare('Cash expected', atClose.cashExpectedCents, now.cashExpectedCents, formatCents);
  compare('Needle count mismatches', atClose.countMismatches.length, now.countMismatches.length);
  compare('Unpaid self-pay visits', atClose.unpaidSelfPay.length, now.unpaidSelfPay.length);
  compare('Adverse events', atClose.adverseEvents.length, now.adverseEvents.length);
  return changes;
}
