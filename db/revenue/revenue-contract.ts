// API methods for self-pay revenue: prices, good-faith estimates, payments, refunds, packages, daily close
// and revenue reports. Pure: shared with the renderer.
import { z } from 'zod';
import { businessDate, cents, changeReason, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { clinicalStaff, managersOnly, readers } from '../api/roles';
import type { SessionView } from '../sessions/sessions-contract';

export const paymentMethods = ['cash', 'card', 'hsa_fsa', 'check'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentMethodLabels: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', hsa_fsa: 'HSA/FSA card', check: 'Check' };

const positiveCents = cents.refine((v) => v > 0, 'must be more than zero');

export interface PriceView {
  id: number;
  effectiveFrom: string;
  priceCents: number;
  recordedAt: string;
}

export interface PaymentView {
  id: number;
  kind: 'payment' | 'refund';
  sessionId: number | null;
  packageId: number | null;
  refundOfPaymentId: number | null;
  chartNumber: string;
  method: PaymentMethod;
  amountCents: number;
  paidOn: string;
  note: string;
  status: 'recorded' | 'voided';
  voidReason: string | null;
  afterCloseReason: string | null;
  recordedAt: string;
  recordedByName: string;
  /** For a payment: how much of it has been refunded so far. */
  refundedCents: number;
}

export interface PackageView {
  id: number;
  chartNumber: string;
  name: string;
  visitsTotal: number;
  visitsUsed: number;
  visitsLeft: number;
  priceCents: number;
  paidCents: number;
  balanceCents: number;
  soldOn: string;
  status: 'active' | 'voided';
}

export interface DayCloseSummary {
  date: string;
  sessionsByKind: { plan_of_care: number; self_pay: number };
  paymentsByMethod: Record<PaymentMethod, number>;
  refundsByMethod: Record<PaymentMethod, number>;
  cashExpectedCents: number;
  totalCollectedCents: number;
  countMismatches: Array<{ sessionId: number; chartNumber: string; opened: number; disposed: number; reason: string }>;
  unpaidSelfPay: Array<{ sessionId: number; chartNumber: string; balanceCents: number }>;
  precautionExceptions: Array<{ sessionId: number; chartNumber: string; missing: string[] }>;
  adverseEvents: Array<{ sessionId: number; chartNumber: string; event: string }>;
  lateEntries: Array<{ entity: 'session' | 'payment'; id: number; reason: string }>;
}

export interface DayCloseView {
  summary: DayCloseSummary;
  closed: null | {
    closedAt: string;
    closedByName: string;
    cashCountedCents: number;
    cashExpectedCents: number;
    note: string;
    chainEventCount: number;
    chainHeadHash: string;
    /** The signed checkpoint {clinicId, eventCount, headHash, at} as canonical JSON, its Ed25519 signature
     * (base64) and the signing key's fingerprint: the same checkpoint export bundles carry. */
    checkpointJson: string;
    checkpointSignature: string;
    signingKeyFingerprint: string;
    summaryAtClose: DayCloseSummary;
  };
}

export interface RevenuePeriod {
  period: string;
  /** Earned self-pay revenue: the price of each visit, or its share of the package that paid for it. */
  revenueCents: number;
  priorYearRevenueCents: number;
  selfPayVisits: number;
  averagePerVisitCents: number;
  collectedCents: number;
  refundedCents: number;
  /** Prepaid visits not yet used at the end of the period, valued at their package price. */
  packageLiabilityCents: number;
  sessions: number;
  needles: number;
  needlesPerSession: number;
  supplyCostCents: number;
  /** Self-pay revenue less the supply cost of self-pay visits. */
  selfPayMarginCents: number;
  selfPaySupplyCostCents: number;
}

const range = z
  .strictObject({ from: businessDate, to: businessDate })
  .refine((r) => r.from <= r.to, { message: 'must not be after the end date', path: ['from'] });

export const revenueMethods = {
  'revenue.listPrices': method<PriceView[]>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: readers,
    summary: 'The self-pay price list with effective dates, newest first.',
  }),
  'revenue.setPrice': method<PriceView[]>()({
    input: z.strictObject({ effectiveFrom: businessDate, priceCents: cents }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Adds a self-pay price from a date on; past sessions keep the price they were recorded with.',
  }),
  'revenue.recordGoodFaithEstimate': method<{ id: number }>()({
    input: z.strictObject({ chartNumber: requiredText(40), givenOn: businessDate, amountCents: cents, validUntil: businessDate.optional() }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records that a good-faith estimate was given to a self-pay patient (45 CFR 149.610).',
  }),
  'revenue.recordPayment': method<PaymentView>()({
    input: z.strictObject({
      sessionId: recordId,
      method: z.enum(paymentMethods),
      amountCents: positiveCents,
      paidOn: businessDate,
      note: optionalText(300),
      afterCloseReason: z.string().trim().max(500).default(''),
    }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'A payment against a self-pay session; partial payments allowed, never more than the balance.',
  }),
  'revenue.payWithPackage': method<SessionView>()({
    input: z.strictObject({ sessionId: recordId, packageId: recordId }),
    kind: 'write',
    roles: clinicalStaff,
    summary: "Draws one visit from the chart's prepaid package for a self-pay session.",
  }),
  'revenue.sellPackage': method<PackageView>()({
    input: z.strictObject({
      chartNumber: requiredText(40),
      name: requiredText(60),
      visitsTotal: z.number().int('must be a whole number').min(2, 'a package holds at least 2 visits').max(50, 'at most 50 visits'),
      priceCents: positiveCents,
      soldOn: businessDate,
      payment: z.strictObject({ method: z.enum(paymentMethods), amountCents: positiveCents }).nullable().default(null),
    }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Sells a prepaid package (for example 5 visits for a set price), with its first payment.',
  }),
  'revenue.refund': method<PaymentView>()({
    input: z.strictObject({ paymentId: recordId, amountCents: positiveCents, paidOn: businessDate, reason: changeReason }),
    kind: 'write',
    roles: ['manager', 'therapist'],
    summary: 'Refunds part or all of a payment, by the same method; never more than was paid.',
  }),
  'revenue.voidPayment': method<PaymentView>()({
    input: z.strictObject({ paymentId: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a payment entered by mistake (money that never changed hands); it stays visible as void.',
  }),
  'revenue.listPayments': method<PaymentView[]>()({
    input: range,
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: 'Payments and refunds in a date range.',
  }),
  'revenue.listPackages': method<PackageView[]>()({
    input: z.strictObject({ chartNumber: z.string().trim().max(40).optional() }),
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: 'Prepaid packages with visits left and balance.',
  }),
  'revenue.outstanding': method<{ sessions: SessionView[]; packages: PackageView[]; totalDueCents: number; totalCreditCents: number }>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: 'Self-pay visits with a balance due, credits to refund, and packages not fully paid.',
  }),
  'revenue.dayClose': method<DayCloseView>()({
    input: z.strictObject({ date: businessDate }),
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: "The day's reconciliation: sessions by kind, payments by method, cash, count mismatches, unpaid visits.",
  }),
  'revenue.closeDay': method<DayCloseView>()({
    input: z.strictObject({ date: businessDate, cashCountedCents: cents, note: optionalText(500) }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Closes a day: later changes to it are amendments with a reason; the chain head is kept as a witness.',
  }),
  'revenue.series': method<RevenuePeriod[]>()({
    input: z
      .strictObject({ from: businessDate, to: businessDate, granularity: z.enum(['week', 'month']) })
      .refine((r) => r.from <= r.to, { message: 'must not be after the end date', path: ['from'] }),
    kind: 'read',
    roles: readers,
    summary: 'Self-pay revenue per week or month beside the same period a year before, with visits, packages, needles and supply cost.',
  }),
};
