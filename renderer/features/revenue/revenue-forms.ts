// Money forms as they hold their values (text) and as the revenue methods take them: pay now after a session,
// a payment against a balance, a refund, a price, a package sale and the cash count of a daily close. Pure.
import type { MethodInput } from '../../../db/api/contract';
import { contract } from '../../../db/api/contract';
import type { PaymentMethod } from '../../../db/revenue/revenue-contract';
import { checkWithSchema, type FieldErrors } from '../../lib/form-errors';
import { amountHint, formatCents, parseDollarsToCents } from './money';

type Checked<T> = { ok: true; input: T } | { ok: false; fieldErrors: FieldErrors };

/** Dollars typed into `field`, or the message for it; an amount above `maxCents` is refused with what the maximum is. */
function readAmount(text: string, field: string, maxCents: number | null, maxWhat: string): { cents: number } | { error: FieldErrors } {
  const cents = parseDollarsToCents(text);
  if (cents === null) return { error: { [field]: amountHint } };
  if (cents <= 0) return { error: { [field]: 'must be more than zero' } };
  if (maxCents !== null && cents > maxCents) return { error: { [field]: `must not be more than ${maxWhat} (${formatCents(maxCents)})` } };
  return { cents };
}

function withSchema<M extends keyof typeof contract>(method: M, input: MethodInput<M>): Checked<MethodInput<M>> {
  const check = checkWithSchema(contract[method].input, input);
  return check.ok ? { ok: true, input } : { ok: false, fieldErrors: check.fieldErrors };
}

export type PayNowMode = 'later' | 'pay' | 'package';

export interface PayNowValues {
  mode: PayNowMode;
  method: PaymentMethod;
  amount: string;
  packageId: string;
}

export type PayNowPlan = { kind: 'later' } | { kind: 'pay'; method: PaymentMethod; amountCents: number } | { kind: 'package'; packageId: number };

/**
 * How a self-pay visit is paid at the desk: a payment goes with sessions.record (same transaction, dated the
 * session's date); a package visit is drawn right after. Checked before the session is saved.
 */
export function checkPayNow(values: PayNowValues, priceCents: number): { ok: true; plan: PayNowPlan } | { ok: false; fieldErrors: FieldErrors } {
  if (values.mode === 'later') return { ok: true, plan: { kind: 'later' } };
  if (values.mode === 'package') {
    return values.packageId === '' ? { ok: false, fieldErrors: { packageId: 'choose the package' } } : { ok: true, plan: { kind: 'package', packageId: Number(values.packageId) } };
  }
  const amount = readAmount(values.amount, 'payment.amountCents', priceCents, 'the price of the visit');
  if ('error' in amount) return { ok: false, fieldErrors: amount.error };
  return { ok: true, plan: { kind: 'pay', method: values.method, amountCents: amount.cents } };
}

export function toPaymentInput(
  values: { sessionId: number; method: PaymentMethod; amount: string; paidOn: string; note: string; afterCloseReason: string },
  balanceCents: number,
): Checked<MethodInput<'revenue.recordPayment'>> {
  const amount = readAmount(values.amount, 'amountCents', balanceCents, 'the balance');
  if ('error' in amount) return { ok: false, fieldErrors: amount.error };
  return withSchema('revenue.recordPayment', {
    sessionId: values.sessionId,
    method: values.method,
    amountCents: amount.cents,
    paidOn: values.paidOn,
    note: values.note,
    afterCloseReason: values.afterCloseReason,
  });
}

export function toRefundInput(values: { paymentId: number; amount: string; paidOn: string; reason: string }, refundableCents: number): Checked<MethodInput<'revenue.refund'>> {
  const amount = readAmount(values.amount, 'amountCents', refundableCents, 'what is left to refund');
  if ('error' in amount) return { ok: false, fieldErrors: amount.error };
  return withSchema('revenue.refund', { paymentId: values.paymentId, amountCents: amount.cents, paidOn: values.paidOn, reason: values.reason });
}

export function toSetPriceInput(values: { effectiveFrom: string; price: string }): Checked<MethodInput<'revenue.setPrice'>> {
  const cents = parseDollarsToCents(values.price);
  if (cents === null) return { ok: false, fieldErrors: { priceCents: amountHint } };
  return withSchema('revenue.setPrice', { effectiveFrom: values.effectiveFrom, priceCents: cents });
}

export interface SellPackageValues {
  chartNumber: string;
  name: string;
  visitsTotal: string;
  price: string;
  soldOn: string;
  isPaidNow: boolean;
  paymentMethod: PaymentMethod;
  paymentAmount: string;
}

export function toSellPackageInput(values: SellPackageValues): Checked<MethodInput<'revenue.sellPackage'>> {
  const price = parseDollarsToCents(values.price);
  if (price === null) return { ok: false, fieldErrors: { priceCents: amountHint } };
  let payment: MethodInput<'revenue.sellPackage'>['payment'] = null;
  if (values.isPaidNow) {
    const amount = readAmount(values.paymentAmount, 'payment.amountCents', price, 'the package price');
    if ('error' in amount) return { ok: false, fieldErrors: amount.error };
    payment = { method: values.paymentMethod, amountCents: amount.cents };
  }
  const visits = values.visitsTotal.trim() === '' ? Number.NaN : Number(values.visitsTotal);
  return withSchema('revenue.sellPackage', { chartNumber: values.chartNumber, name: values.name, visitsTotal: visits, priceCents: price, soldOn: values.soldOn, payment });
}

/** Cash counted in the drawer against what the day's cash payments and refunds say should be there. */
export function cashDifference(expectedCents: number, countedText: string): { countedCents: number; differenceCents: number; isMismatch: boolean } | null {
  const counted = parseDollarsToCents(countedText);
  if (counted === null) return null;
  return { countedCents: counted, differenceCents: counted - expectedCents, isMismatch: counted !== expectedCents };
}

export function toCloseDayInput(values: { date: string; cashCounted: string; note: string }): Checked<MethodInput<'revenue.closeDay'>> {
  const counted = parseDollarsToCents(values.cashCounted);
  if (counted === null) return { ok: false, fieldErrors: { cashCountedCents: 'enter the cash counted in the drawer, like 120.00 (0 if none)' } };
  return withSchema('revenue.closeDay', { date: values.date, cashCountedCents: counted, note: values.note });
}
