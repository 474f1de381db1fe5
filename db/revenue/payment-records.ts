// Money records with their rules: payments within the balance, refunds within what was paid, packages drawn
// down one visit at a time, and days that stay closed.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext } from '../api/handler-context';
import { clinicToday } from '../clinic/clinic-store';
import { assertNotFuture } from '../inventory/stock-ledger';
import { findSessionRow, toSessionView } from '../sessions/sessions-store';
import type { SessionKind } from '../sessions/sessions-contract';
import type { PackageView, PaymentMethod, PaymentView } from './revenue-contract';
import { findPackage, findPayment } from './revenue-queries';
import { isDayClosed } from './revenue-store';
import { statementsFor } from '../sql/statement-cache';

const statements = statementsFor((db) => ({
  insertPayment: db.prepare(
    `INSERT INTO payments (kind, session_id, package_id, refund_of_payment_id, chart_number, method, amount_cents, paid_on, note,
       after_close_reason, recorded_at, recorded_by)
     VALUES (@kind, @sessionId, @packageId, @refundOfPaymentId, @chartNumber, @method, @amountCents, @paidOn, @note,
       @afterCloseReason, @at, @by)`,
  ),
  insertPackageUse: db.prepare('INSERT INTO package_uses (package_id, session_id, used_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)'),
  insertPackage: db.prepare(
    `INSERT INTO packages (chart_number, name, visits_total, price_cents, sold_on, recorded_at, recorded_by)
     VALUES (@chartNumber, @name, @visitsTotal, @priceCents, @soldOn, @at, @by)`,
  ),
  sessionPayments: db.prepare<[number], { id: number }>("SELECT id FROM payments WHERE session_id = ? AND kind = 'payment' AND status = 'recorded' ORDER BY id"),
  voidPayment: db.prepare("UPDATE payments SET status = 'voided', void_reason = ? WHERE id = ?"),
}));

interface NewPayment {
  kind: 'payment' | 'refund';
  sessionId: number | null;
  packageId: number | null;
  refundOfPaymentId: number | null;
  chartNumber: string;
  method: PaymentMethod;
  amountCents: number;
  paidOn: string;
  note: string;
  afterCloseReason: string | null;
}

function insertPaymentRow(ctx: HandlerContext, p: NewPayment): number {
  const actor = requireActor(ctx);
  return Number(statements(ctx.db).insertPayment.run({ ...p, at: ctx.nowIso, by: actor.staffId }).lastInsertRowid);
}

function insertPayment(ctx: HandlerContext, p: NewPayment): PaymentView {
  const id = insertPaymentRow(ctx, p);
  const view = findPayment(ctx.db, id) as PaymentView;
  ctx.audit({ action: 'create', entityType: p.kind, entityId: id, after: { ...p }, reason: p.afterCloseReason ? `after close: ${p.afterCloseReason}` : null });
  return view;
}

/** A money record dated on a closed day is a late entry: it needs a reason. */
function lateEntryReason(ctx: HandlerContext, date: string, given: string, fallback?: string): string | null {
  return lateEntryReasonOn(isDayClosed(ctx.db, date), date, given, fallback);
}

function lateEntryReasonOn(isClosed: boolean, date: string, given: string, fallback?: string): string | null {
  if (!isClosed) return null;
  const reason = given || fallback || '';
  if (!reason) throw ruleViolation(`${date} is already closed; say why this is entered after the close.`, 'afterCloseReason');
  return reason;
}

function requireSelfPaySession(ctx: HandlerContext, sessionId: number) {
  const row = findSessionRow(ctx.db, sessionId);
  if (!row) throw notFound(`There is no session #${sessionId}.`, 'sessionId');
  const session = toSessionView(row);
  if (session.status === 'voided') throw new ApiError('conflict', `Session #${sessionId} is voided; nothing is owed on it.`, 'sessionId');
  if (session.kind !== 'self_pay') throw ruleViolation(`Session #${sessionId} is part of a plan of care; it is documented, not charged.`, 'sessionId');
  return session;
}

/** A payment may not be more than what is still owed on its session. */
function assertWithinBalance(session: { id: number }, balanceCents: number, amountCents: number, field: string): void {
  if (amountCents > balanceCents) {
    throw ruleViolation(`The balance of session #${session.id} is ${formatCents(balanceCents)}; a payment of ${formatCents(amountCents)} is more than that.`, field);
  }
}

function paymentOfSession(
  session: { id: number; chartNumber: string },
  p: { method: PaymentMethod; amountCents: number; paidOn: string; note: string; afterCloseReason: string | null },
): NewPayment {
  return { kind: 'payment', sessionId: session.id, packageId: null, refundOfPaymentId: null, chartNumber: session.chartNumber, ...p };
}

export function recordPayment(
  ctx: HandlerContext,
  input: { sessionId: number; method: PaymentMethod; amountCents: number; paidOn: string; note: string; afterCloseReason: string },
): PaymentView {
  assertNotFuture(ctx, input.paidOn, 'paidOn');
  const session = requireSelfPaySession(ctx, input.sessionId);
  assertWithinBalance(session, session.balanceCents, input.amountCents, 'amountCents');
  const { method, amountCents, paidOn, note } = input;
  return insertPayment(ctx, paymentOfSession(session, { method, amountCents, paidOn, note, afterCloseReason: lateEntryReason(ctx, paidOn, input.afterCloseReason) }));
}

/** What a session's create event records of the payment taken with it: the payment's own create event, as it would be. */
export type PaymentOfNewSession = NewPayment & { id: number };

/**
 * The payment taken as a self-pay session is recorded (the front desk's "pay now"), in the session's transaction.
 * The session is new, so its balance is its price and nothing is read back; the session's create event records
 * the payment (one call, one event), so none is appended here.
 */
export function insertPaymentOfNewSession(
  ctx: HandlerContext,
  session: { id: number; kind: SessionKind; chartNumber: string; priceCents: number; sessionDate: string; isDayClosed: boolean },
  input: { method: PaymentMethod; amountCents: number; afterCloseReason: string },
): PaymentOfNewSession {
  if (session.kind !== 'self_pay') throw ruleViolation('This session is part of a plan of care; it is documented, not charged.', 'payment');
  assertWithinBalance(session, session.priceCents, input.amountCents, 'payment.amountCents');
  const payment = paymentOfSession(session, {
    method: input.method,
    amountCents: input.amountCents,
    paidOn: session.sessionDate,
    note: '',
    afterCloseReason: lateEntryReasonOn(session.isDayClosed, session.sessionDate, input.afterCloseReason),
  });
  return { id: insertPaymentRow(ctx, payment), ...payment };
}

export function payWithPackage(ctx: HandlerContext, sessionId: number, packageId: number): void {
  const actor = requireActor(ctx);
  const session = requireSelfPaySession(ctx, sessionId);
  const pkg = findPackage(ctx.db, packageId);
  if (!pkg || pkg.status !== 'active') throw notFound(`There is no active package #${packageId}.`, 'packageId');
  if (pkg.chartNumber !== session.chartNumber) throw ruleViolation(`Package #${packageId} belongs to chart ${pkg.chartNumber}, not ${session.chartNumber}.`, 'packageId');
  if (pkg.visitsLeft <= 0) throw ruleViolation(`Package #${packageId} has no visits left.`, 'packageId');
  if (session.coveredByPackageId !== null) throw new ApiError('conflict', `Session #${sessionId} is already paid from package #${session.coveredByPackageId}.`, 'sessionId');
  if (session.paidCents !== 0) throw ruleViolation(`Session #${sessionId} already has payments; refund them before drawing on a package.`, 'sessionId');
  const id = Number(statements(ctx.db).insertPackageUse.run(packageId, sessionId, session.sessionDate, ctx.nowIso, actor.staffId).lastInsertRowid);
  ctx.audit({ action: 'create', entityType: 'package_use', entityId: id, after: { packageId, sessionId, visitsLeftAfter: pkg.visitsLeft - 1 } });
}

export function sellPackage(
  ctx: HandlerContext,
  input: { chartNumber: string; name: string; visitsTotal: number; priceCents: number; soldOn: string; payment: { method: PaymentMethod; amountCents: number } | null },
): PackageView {
  const actor = requireActor(ctx);
  assertNotFuture(ctx, input.soldOn, 'soldOn');
  if (input.payment && input.payment.amountCents > input.priceCents) {
    throw ruleViolation(`The package costs ${formatCents(input.priceCents)}; a payment of ${formatCents(input.payment.amountCents)} is more than that.`, 'payment.amountCents');
  }
  const id = Number(statements(ctx.db).insertPackage.run({ ...input, at: ctx.nowIso, by: actor.staffId }).lastInsertRowid);
  ctx.audit({ action: 'create', entityType: 'package', entityId: id, after: { chartNumber: input.chartNumber, name: input.name, visitsTotal: input.visitsTotal, priceCents: input.priceCents, soldOn: input.soldOn } });
  if (input.payment) {
    insertPayment(ctx, {
      kind: 'payment',
      sessionId: null,
      packageId: id,
      refundOfPaymentId: null,
      chartNumber: input.chartNumber,
      method: input.payment.method,
      amountCents: input.payment.amountCents,
      paidOn: input.soldOn,
      note: `package: ${input.name}`,
      afterCloseReason: lateEntryReason(ctx, input.soldOn, '', 'package sold after the day was closed'),
    });
  }
  return findPackage(ctx.db, id) as PackageView;
}

export function refundPayment(ctx: HandlerContext, input: { paymentId: number; amountCents: number; paidOn: string; reason: string }): PaymentView {
  assertNotFuture(ctx, input.paidOn, 'paidOn');
  const payment = findPayment(ctx.db, input.paymentId);
  if (!payment || payment.kind !== 'payment') throw notFound(`There is no payment #${input.paymentId}.`, 'paymentId');
  if (payment.status === 'voided') throw new ApiError('conflict', `Payment #${input.paymentId} is void; there is nothing to refund.`, 'paymentId');
  const refundable = payment.amountCents - payment.refundedCents;
  if (input.amountCents > refundable) {
    throw ruleViolation(`Payment #${payment.id} has ${formatCents(refundable)} left to refund; ${formatCents(input.amountCents)} is more than was paid.`, 'amountCents');
  }
  return insertPayment(ctx, {
    kind: 'refund',
    sessionId: payment.sessionId,
    packageId: payment.packageId,
    refundOfPaymentId: payment.id,
    chartNumber: payment.chartNumber,
    method: payment.method,
    amountCents: input.amountCents,
    paidOn: input.paidOn,
    note: input.reason,
    afterCloseReason: lateEntryReason(ctx, input.paidOn, '', input.reason),
  });
}

/** When a paid session is voided: refund what is left of each of its payments, by the same method, today. */
export function refundSessionPayments(ctx: HandlerContext, sessionId: number, reason: string): void {
  const payments = statements(ctx.db).sessionPayments.all(sessionId);
  const today = clinicToday(ctx.db, ctx.now);
  for (const { id } of payments) {
    const payment = findPayment(ctx.db, id) as PaymentView;
    const left = payment.amountCents - payment.refundedCents;
    if (left > 0) refundPayment(ctx, { paymentId: id, amountCents: left, paidOn: today, reason: `session voided: ${reason}` });
  }
}

export function voidPayment(ctx: HandlerContext, paymentId: number, reason: string): PaymentView {
  const before = findPayment(ctx.db, paymentId);
  if (!before) throw notFound(`There is no payment #${paymentId}.`, 'paymentId');
  if (before.status === 'voided') throw new ApiError('conflict', `Payment #${paymentId} is already void.`, 'paymentId');
  if (before.kind === 'payment' && before.refundedCents > 0) {
    throw ruleViolation(`Payment #${paymentId} has refunds against it; void those first.`, 'paymentId');
  }
  statements(ctx.db).voidPayment.run(reason, paymentId);
  const after = findPayment(ctx.db, paymentId) as PaymentView;
  ctx.audit({ action: 'void', entityType: before.kind, entityId: paymentId, before, after: { status: 'voided' }, reason });
  return after;
}

export function formatCents(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}
