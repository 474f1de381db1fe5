// Recording, amending and voiding sessions: the rules, the stock they consume, and their audit events.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext } from '../api/handler-context';
import { instantOfLocal } from '../clinic/business-time';
import { clinicTimeZone } from '../clinic/clinic-store';
import { assertContainerTakesUse, credentialProblemOf, defaultContainerForRoom, openMdrEvaluationForSession } from '../compliance/session-hooks';
import { findItem, findLotRow } from '../inventory/inventory-store';
import type { LotRow } from '../inventory/inventory-store';
import { assertNotFuture, requireLot, reverseMovement, useStockOfLot } from '../inventory/stock-ledger';
import { insertPaymentOfNewSession } from '../revenue/payment-records';
import type { PaymentMethod } from '../revenue/revenue-contract';
import { goodFaithEstimateOn, isDayClosed, packageUseOfSession, selfPayPriceOn } from '../revenue/revenue-store';
import { findStaffMember, type StaffRecord } from '../staff/staff-store';
import type { SessionDetail, SessionFields, SessionStockUse } from './sessions-contract';
import { readSessionDetail } from './sessions-queries';
import {
  amendSessionRow,
  consentOn,
  findSessionRow,
  insertSession,
  insertSessionAmendment,
  sessionRowOfInsert,
  toSessionView,
  voidSessionRow,
  type SessionValues,
} from './sessions-store';

/** Who may be recorded as the needling therapist: an active therapist (or manager who needles) holding a
 * dry-needling credential valid on the session date that meets the clinic's state profile. */
function checkTherapist(ctx: HandlerContext, therapistId: number, date: string): StaffRecord {
  const staff = findStaffMember(ctx.db, therapistId);
  if (!staff) throw notFound(`There is no staff member #${therapistId}.`, 'therapistId');
  if (!staff.isActive) throw ruleViolation(`${staff.name} is inactive and cannot be recorded as the needling therapist.`, 'therapistId');
  if (staff.role !== 'therapist' && staff.role !== 'manager') {
    throw ruleViolation(`${staff.name} is ${staff.role.replace('_', ' ')} staff, not a therapist; only therapists needle.`, 'therapistId');
  }
  const problem = credentialProblemOf(ctx.db, staff, date);
  if (problem) throw ruleViolation(`${problem}; record the credential under Compliance first.`, 'therapistId');
  return staff;
}

interface CheckedSession {
  values: SessionValues;
  warnings: string[];
  /** The lots of the stock lines as checked, one row per lot (consumeStock keeps them in step). */
  lots: Map<number, LotRow>;
  therapistName: string;
  isDayClosed: boolean;
}

/** Validates the rules that span fields and other records; returns the row values and the warnings to show. */
function checkSession(ctx: HandlerContext, input: SessionFields): CheckedSession {
  assertNotFuture(ctx, input.sessionDate, 'sessionDate');
  const therapist = checkTherapist(ctx, input.therapistId, input.sessionDate);
  const warnings: string[] = [];

  const dayClosed = isDayClosed(ctx.db, input.sessionDate);
  if (dayClosed && input.afterCloseReason === '') {
    throw ruleViolation(`${input.sessionDate} is already closed; say why this session is entered after the close.`, 'afterCloseReason');
  }
  const consent = consentOn(ctx.db, input.chartNumber, input.sessionDate);
  if (!consent) {
    if (input.consentOverrideReason === '') {
      throw ruleViolation(
        `No dry-needling consent is on file for chart ${input.chartNumber} on ${input.sessionDate}. Record the signed consent, or give a reason to proceed.`,
        'consentOverrideReason',
      );
    }
    warnings.push(`No consent on file for chart ${input.chartNumber}: recorded with the reason given.`);
  }
  if (input.kind === 'self_pay' && !goodFaithEstimateOn(ctx.db, input.chartNumber, input.sessionDate)) {
    warnings.push(`Self-pay chart ${input.chartNumber} has no good-faith estimate on file (No Surprises Act, 45 CFR 149.610).`);
  }

  const lots = new Map<number, LotRow>();
  input.needles.forEach((line, i) => checkStockLine(ctx, lots, line, `needles.${i}`, true));
  input.supplies.forEach((line, i) => checkStockLine(ctx, lots, line, `supplies.${i}`, false));

  // Needles go straight into a sharps container (1910.1030(d)(4)(iii)(A)(1)): by default the room's.
  let sharpsContainerId = input.sharpsContainerId;
  if (sharpsContainerId === null) sharpsContainerId = defaultContainerForRoom(ctx.db, input.room, input.sessionDate);
  else assertContainerTakesUse(ctx.db, sharpsContainerId, 'sharpsContainerId');
  if (sharpsContainerId === null) warnings.push(`No sharps container is in service${input.room ? ` in ${input.room}` : ''}: place one under Compliance.`);

  const needlesOpened = input.needles.reduce((sum, line) => sum + line.quantity, 0);
  if (needlesOpened !== input.needlesDisposed && input.countMismatchReason === '') {
    throw ruleViolation(
      `${needlesOpened} needles were opened but ${input.needlesDisposed} went into the sharps container; find the difference or record why.`,
      'countMismatchReason',
    );
  }
  if (input.adverseEvent !== 'none' && input.adverseEventNote === '') {
    throw ruleViolation('Describe the adverse event and its follow-up.', 'adverseEventNote');
  }
  if (!input.glovesWorn || !input.handHygiene || !input.needlesToSharps || !input.skinPrep) {
    warnings.push('A precaution on the checklist was not ticked; it shows on the daily close.');
  }

  return {
    warnings,
    lots,
    therapistName: therapist.name,
    isDayClosed: dayClosed,
    values: {
      sessionDate: input.sessionDate,
      startTime: input.startTime,
      startedAt: instantOfLocal(input.sessionDate, input.startTime, clinicTimeZone(ctx.db)).toISOString(),
      therapistId: input.therapistId,
      chartNumber: input.chartNumber,
      kind: input.kind,
      room: input.room,
      bodyRegionsJson: JSON.stringify([...new Set(input.bodyRegions)]),
      handHygiene: input.handHygiene ? 1 : 0,
      glovesWorn: input.glovesWorn ? 1 : 0,
      skinPrep: input.skinPrep ? 1 : 0,
      needlesToSharps: input.needlesToSharps ? 1 : 0,
      needlesOpened,
      needlesDisposed: input.needlesDisposed,
      countMismatchReason: needlesOpened === input.needlesDisposed ? null : input.countMismatchReason,
      sharpsContainerId,
      painBefore: input.painBefore,
      painAfter: input.painAfter,
      adverseEvent: input.adverseEvent,
      adverseEventNote: input.adverseEventNote,
      notes: input.notes,
      priceCents: input.kind === 'self_pay' ? selfPayPriceOn(ctx.db, input.sessionDate) : 0,
      consentOverrideReason: consent ? null : input.consentOverrideReason,
      afterCloseReason: input.afterCloseReason || null,
    },
  };
}

function checkStockLine(ctx: HandlerContext, lots: Map<number, LotRow>, line: { itemId: number; lotId: number }, at: string, mustBeNeedle: boolean): void {
  // The lot row carries its item's name and kind: the item is read separately only when the lot is not of it.
  const known = lots.get(line.lotId) ?? findLotRow(ctx.db, line.lotId);
  const item = known?.item_id === line.itemId ? { id: known.item_id, name: known.item_name, kind: known.item_kind } : findItem(ctx.db, line.itemId);
  if (!item) throw notFound(`There is no stock item #${line.itemId}.`, `${at}.itemId`);
  if (mustBeNeedle !== (item.kind === 'needle')) {
    throw ruleViolation(`${item.name} is ${mustBeNeedle ? 'not a needle' : 'a needle; list it under needles'}.`, `${at}.itemId`);
  }
  const lot = known ?? requireLot(ctx, line.lotId, `${at}.lotId`);
  if (lot.item_id !== item.id) throw ruleViolation(`Lot ${lot.lot_number} is a lot of ${lot.item_name}, not of ${item.name}.`, `${at}.lotId`);
  // One row per lot, so two lines drawing on the same lot see each other's use.
  lots.set(lot.id, lot);
}

/** Writes the session's stock lines; returns them as the session's detail lists them, in the order written. */
function consumeStock(ctx: HandlerContext, sessionId: number, input: SessionFields, lots: Map<number, LotRow>): SessionStockUse[] {
  const lines = [
    ...input.needles.map((line, i) => ({ line, at: `needles.${i}` })),
    ...input.supplies.map((line, i) => ({ line, at: `supplies.${i}` })),
  ];
  return lines.map(({ line, at }) => {
    const lot = lots.get(line.lotId) ?? requireLot(ctx, line.lotId, `${at}.lotId`);
    const movementId = useStockOfLot(ctx, lot, {
      lotId: line.lotId,
      quantity: line.quantity,
      occurredOn: input.sessionDate,
      sessionId,
      lotField: `${at}.lotId`,
      quantityField: `${at}.quantity`,
      // The session's own audit event lists every movement it wrote.
      isAuditedByParent: true,
    });
    const { item_id: itemId, item_name: itemName, item_kind: itemKind, lot_number: lotNumber, expiry_date: expiryDate } = lot;
    return { movementId, itemId, itemName, itemKind, lotId: lot.id, lotNumber, expiryDate, quantity: line.quantity };
  });
}

/** Puts back every unreversed use of the session's stock. */
function returnStock(ctx: HandlerContext, sessionId: number, occurredOn: string, reason: string): void {
  const uses = ctx.db
    .prepare(
      `SELECT m.id FROM stock_movements m WHERE m.session_id = ? AND m.kind = 'use'
       AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_movement_id = m.id)`,
    )
    .all(sessionId) as Array<{ id: number }>;
  for (const use of uses) reverseMovement(ctx, use.id, occurredOn, reason, true);
}

/** The payment taken as the session is recorded (self-pay "pay now"). */
export interface PaymentWithSession {
  method: PaymentMethod;
  amountCents: number;
}

/**
 * Records a session, the stock it used and the payment taken with it, with one audit event listing all three:
 * one call at the front desk, one event (its movements and payment are audited by it, not by events of their own).
 */
export function recordSession(ctx: HandlerContext, input: SessionFields, payment: PaymentWithSession | null = null): { session: SessionDetail; warnings: string[] } {
  const actor = requireActor(ctx);
  const { values, warnings, lots, therapistName, isDayClosed: dayClosed } = checkSession(ctx, input);
  const id = insertSession(ctx.db, values, { at: ctx.nowIso, by: actor.staffId });
  const uses = consumeStock(ctx, id, input, lots);
  // A PT clinic is an FDA device user facility: every adverse event gets an MDR evaluation (21 CFR 803.17).
  if (input.adverseEvent !== 'none') openMdrEvaluationForSession(ctx, id, input.sessionDate, `${input.adverseEvent}: ${input.adverseEventNote}`);
  const paid = payment ? insertPaymentOfNewSession(ctx, { id, ...values, isDayClosed: dayClosed }, { ...payment, afterCloseReason: input.afterCloseReason }) : null;
  // The detail from what was just written, not read back (the busiest write of the day; a test holds them equal).
  const row = sessionRowOfInsert(id, values, { therapistName, recordedAt: ctx.nowIso, recordedByName: actor.name, paidCents: paid?.amountCents ?? 0, isDayClosed: dayClosed });
  const session: SessionDetail = {
    ...toSessionView(row),
    needles: uses.filter((u) => u.itemKind === 'needle'),
    supplies: uses.filter((u) => u.itemKind !== 'needle'),
    amendments: [],
  };
  ctx.audit({
    action: 'create',
    entityType: 'session',
    entityId: id,
    after: paid ? { ...auditSnapshot(session), payment: paid } : auditSnapshot(session),
    reason: values.afterCloseReason ? `entered after the day was closed: ${values.afterCloseReason}` : null,
  });
  return { session, warnings };
}

export function amendSession(ctx: HandlerContext, id: number, reason: string, input: SessionFields): { session: SessionDetail; warnings: string[] } {
  const actor = requireActor(ctx);
  const original = requireRecordedSession(ctx, id);
  const before = readSessionDetail(ctx.db, id);
  const isAfterClose = isDayClosed(ctx.db, original.session_date) || isDayClosed(ctx.db, input.sessionDate);
  returnStock(ctx, id, input.sessionDate, `amended: ${reason}`);
  const { values, warnings, lots } = checkSession(ctx, { ...input, afterCloseReason: input.afterCloseReason || (isAfterClose ? reason : '') });
  amendSessionRow(ctx.db, id, values);
  consumeStock(ctx, id, input, lots);
  if (input.adverseEvent !== 'none') openMdrEvaluationForSession(ctx, id, input.sessionDate, `${input.adverseEvent}: ${input.adverseEventNote}`);
  const after = readSessionDetail(ctx.db, id);
  insertSessionAmendment(ctx.db, {
    sessionId: id,
    beforeJson: JSON.stringify(auditSnapshot(before)),
    afterJson: JSON.stringify(auditSnapshot(after)),
    reason,
    isAfterClose: isAfterClose ? 1 : 0,
    at: ctx.nowIso,
    by: actor.staffId,
  });
  ctx.audit({ action: 'amend', entityType: 'session', entityId: id, before: auditSnapshot(before), after: auditSnapshot(after), reason: isAfterClose ? `after close: ${reason}` : reason });
  return { session: readSessionDetail(ctx.db, id), warnings };
}

export function voidSession(ctx: HandlerContext, id: number, reason: string, refund: (sessionId: number) => void): SessionDetail {
  const actor = requireActor(ctx);
  const row = requireRecordedSession(ctx, id);
  const before = readSessionDetail(ctx.db, id);
  returnStock(ctx, id, row.session_date, `session voided: ${reason}`);
  const packageUse = packageUseOfSession(ctx.db, id);
  if (packageUse) {
    ctx.db.prepare("UPDATE package_uses SET status = 'voided' WHERE id = ?").run(packageUse.id);
    ctx.audit({ action: 'void', entityType: 'package_use', entityId: packageUse.id, before: { packageId: packageUse.packageId, sessionId: id }, reason });
  }
  refund(id);
  voidSessionRow(ctx.db, id, ctx.nowIso, actor.staffId, reason);
  const after = readSessionDetail(ctx.db, id);
  const isAfterClose = isDayClosed(ctx.db, row.session_date);
  ctx.audit({ action: 'void', entityType: 'session', entityId: id, before: auditSnapshot(before), after: { status: 'voided' }, reason: isAfterClose ? `after close: ${reason}` : reason });
  return after;
}

function requireRecordedSession(ctx: HandlerContext, id: number) {
  const row = findSessionRow(ctx.db, id);
  if (!row) throw notFound(`There is no session #${id}.`, 'id');
  if (row.status === 'voided') throw new ApiError('conflict', `Session #${id} is voided; it cannot change.`, 'id');
  return row;
}

/** What the audit log keeps of a session: its recorded fields and stock, not derived balances. */
function auditSnapshot(s: SessionDetail) {
  const { balanceCents: _b, paidCents: _p, isDayClosed: _c, amendments: _a, recordedByName: _r, ...fields } = s;
  return {
    ...fields,
    needles: s.needles.map((n) => ({ lotId: n.lotId, lotNumber: n.lotNumber, quantity: n.quantity, movementId: n.movementId })),
    supplies: s.supplies.map((n) => ({ lotId: n.lotId, lotNumber: n.lotNumber, quantity: n.quantity, movementId: n.movementId })),
  };
}
