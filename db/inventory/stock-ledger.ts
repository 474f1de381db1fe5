// The stock ledger's rules: every change of stock or lot status is an appended movement with its audit event;
// no lot goes below zero; only available, in-date lots are used on patients.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext } from '../api/handler-context';
import { clinicToday } from '../clinic/clinic-store';
import type { LotStatus, MovementKind, MovementView, StockItem, WasteReason } from './inventory-contract';
import {
  findItem,
  findLotRow,
  findMovement,
  insertMovement,
  setLotBalance,
  unitCostOfMovement,
  type LotRow,
  type NewMovement,
} from './inventory-store';

export function requireItem(ctx: HandlerContext, itemId: number, field = 'itemId'): StockItem {
  const item = findItem(ctx.db, itemId);
  if (!item) throw notFound(`There is no stock item #${itemId}.`, field);
  return item;
}

export function requireLot(ctx: HandlerContext, lotId: number, field = 'lotId'): LotRow {
  const lot = findLotRow(ctx.db, lotId);
  if (!lot) throw notFound(`There is no lot #${lotId}.`, field);
  return lot;
}

export function lotLabel(lot: Pick<LotRow, 'lot_number' | 'item_name'>): string {
  return `Lot ${lot.lot_number || '(no lot number)'} of ${lot.item_name}`;
}

/** A business date may not lie in the future: records are made when things happen, or after. */
export function assertNotFuture(ctx: HandlerContext, date: string, field: string): void {
  const today = clinicToday(ctx.db, ctx.now);
  if (date > today) throw ruleViolation(`${field}: ${date} is after today (${today}); record things once they have happened.`, field);
}

/** Why a lot may not be used on a patient on a date, or null when it may. */
export function whyLotUnusable(lot: LotRow, onDate: string): string | null {
  switch (lot.status) {
    case 'recalled':
      return `${lotLabel(lot)} is recalled${lot.recall_reference ? ` (notice ${lot.recall_reference})` : ''} and must not be used on a patient.`;
    case 'quarantined':
      return `${lotLabel(lot)} is quarantined and must not be used until a manager releases it.`;
    case 'on_hold':
      return `${lotLabel(lot)} is on hold (received damaged or awaiting inspection) until a manager releases it.`;
    case 'destroyed':
      return `${lotLabel(lot)} was destroyed.`;
    case 'available':
      if (onDate < lot.first_received_on) return `${lotLabel(lot)} was received on ${lot.first_received_on}, after ${onDate}.`;
      if (lot.expiry_date !== null && lot.expiry_date < onDate) {
        return `${lotLabel(lot)} expired on ${lot.expiry_date}; its sterility claim has ended, so it cannot be used on ${onDate}.`;
      }
      return null;
  }
}

interface MovementRequest extends Omit<NewMovement, 'lotId' | 'itemId' | 'balanceAfter' | 'statusAfter' | 'recordedAt' | 'recordedBy'> {
  statusAfter?: LotStatus;
  /** The input field to name when the quantity would take the lot below zero. */
  quantityField?: string;
  reason?: string | null;
  /** The movement is one row of a larger write (a session) whose own audit event lists it: no event of its own. */
  isAuditedByParent?: boolean;
}

/** Appends one movement to a lot, keeps the lot's balance in step, and records the audit event. */
export function appendMovement(ctx: HandlerContext, lot: LotRow, request: MovementRequest): MovementView {
  return movementView(ctx, appendMovementRow(ctx, lot, request));
}

function movementView(ctx: HandlerContext, id: number): MovementView {
  const view = findMovement(ctx.db, id);
  if (!view) throw new Error(`movement ${id} vanished`);
  return view;
}

/** appendMovement without reading the new movement back: returns its id (a session's stock lines need no view). */
export function appendMovementRow(ctx: HandlerContext, lot: LotRow, request: MovementRequest): number {
  const actor = requireActor(ctx);
  const balanceAfter = lot.on_hand + request.quantity;
  if (balanceAfter < 0) {
    throw ruleViolation(
      `${lotLabel(lot)} holds ${lot.on_hand} ${lot.unit}${lot.on_hand === 1 ? '' : 's'}; it cannot give ${-request.quantity}.`,
      request.quantityField ?? 'quantity',
    );
  }
  const statusAfter = request.statusAfter ?? lot.status;
  const id = insertMovement(ctx.db, { lotId: lot.id, itemId: lot.item_id, balanceAfter, statusAfter, recordedAt: ctx.nowIso, recordedBy: actor.staffId }, request);
  setLotBalance(ctx.db, lot.id, balanceAfter, statusAfter);
  if (!request.isAuditedByParent) ctx.audit({
    action: `stock_${request.kind}`,
    entityType: 'lot',
    entityId: lot.id,
    before: { lotNumber: lot.lot_number, onHand: lot.on_hand, status: lot.status },
    after: { movementId: id, kind: request.kind, quantity: request.quantity, onHand: balanceAfter, status: statusAfter, occurredOn: request.occurredOn, sessionId: request.sessionId ?? null, note: request.note ?? '', reference: request.reference ?? '' },
    reason: request.reason ?? null,
  });
  // The caller's lot row is now stale; refresh it for any following movement in the same call.
  lot.on_hand = balanceAfter;
  lot.status = statusAfter;
  return id;
}

export interface UseRequest {
  lotId: number;
  quantity: number;
  occurredOn: string;
  sessionId?: number | null;
  note?: string;
  /** Input field names for errors, so a session form can point at its needle line. */
  lotField?: string;
  quantityField?: string;
  isAuditedByParent?: boolean;
}

/** Stock used on a patient: the lot must be available and in date on the day of use. */
export function useStock(ctx: HandlerContext, request: UseRequest): MovementView {
  return movementView(ctx, useStockOfLot(ctx, requireLot(ctx, request.lotId, request.lotField), request));
}

/**
 * useStock on a lot row the caller read in this transaction (and keeps: the row is updated in place, so a second
 * use of the same lot must pass the same object). Returns the movement's id.
 */
export function useStockOfLot(ctx: HandlerContext, lot: LotRow, request: UseRequest): number {
  if (lot.id !== request.lotId) throw new Error(`lot row ${lot.id} passed for lot ${request.lotId}`);
  const problem = whyLotUnusable(lot, request.occurredOn);
  if (problem) throw ruleViolation(problem, request.lotField ?? 'lotId');
  return appendMovementRow(ctx, lot, {
    kind: 'use',
    quantity: -request.quantity,
    unitCostCents: lot.cost_units > 0 ? lot.cost_cents / lot.cost_units : null,
    occurredOn: request.occurredOn,
    sessionId: request.sessionId ?? null,
    note: request.note ?? '',
    quantityField: request.quantityField,
    isAuditedByParent: request.isAuditedByParent,
  });
}

export function wasteStock(
  ctx: HandlerContext,
  request: { lotId: number; quantity: number; occurredOn: string; reason: WasteReason; note: string; sessionId?: number | null },
): MovementView {
  const lot = requireLot(ctx, request.lotId);
  if (lot.status === 'destroyed') throw ruleViolation(`${lotLabel(lot)} was destroyed; nothing is left to waste.`, 'lotId');
  return appendMovement(ctx, lot, {
    kind: 'waste',
    quantity: -request.quantity,
    occurredOn: request.occurredOn,
    wasteReason: request.reason,
    note: request.note,
    sessionId: request.sessionId ?? null,
  });
}

/** Puts a movement back: used or wasted stock returns to its lot when the session that took it is voided. */
export function reverseMovement(ctx: HandlerContext, movementId: number, occurredOn: string, reason: string, isAuditedByParent = false): MovementView {
  const original = findMovement(ctx.db, movementId);
  if (!original) throw notFound(`There is no stock movement #${movementId}.`, 'movementId');
  if (original.kind !== 'use' && original.kind !== 'waste') {
    throw new ApiError('conflict', `Only use and waste movements can be reversed (movement #${movementId} is ${original.kind}).`);
  }
  const alreadyReversed = ctx.db.prepare('SELECT 1 FROM stock_movements WHERE reverses_movement_id = ?').get(movementId);
  if (alreadyReversed) throw new ApiError('conflict', `Movement #${movementId} was already reversed.`);
  const lot = requireLot(ctx, original.lotId);
  return appendMovement(ctx, lot, {
    kind: 'reverse',
    quantity: -original.quantity,
    occurredOn,
    sessionId: original.sessionId,
    reversesMovementId: movementId,
    unitCostCents: unitCostOfMovement(ctx.db, movementId),
    note: reason,
    reason,
    isAuditedByParent,
  });
}

export function setLotStatus(
  ctx: HandlerContext,
  lotId: number,
  change: { kind: Extract<MovementKind, 'quarantine' | 'release' | 'recall'>; occurredOn: string; note: string; reference?: string },
): LotRow {
  const lot = requireLot(ctx, lotId);
  const allowedFrom: Record<typeof change.kind, LotStatus[]> = {
    quarantine: ['available', 'on_hold'],
    release: ['quarantined', 'on_hold'],
    recall: ['available', 'on_hold', 'quarantined'],
  };
  if (!allowedFrom[change.kind].includes(lot.status)) {
    throw new ApiError('conflict', `${lotLabel(lot)} is ${lot.status.replace('_', ' ')}; it cannot be ${pastTense[change.kind]}.`, 'lotId');
  }
  const statusAfter: LotStatus = change.kind === 'release' ? 'available' : change.kind === 'recall' ? 'recalled' : 'quarantined';
  appendMovement(ctx, lot, {
    kind: change.kind,
    quantity: 0,
    occurredOn: change.occurredOn,
    statusAfter,
    note: change.note,
    reference: change.reference ?? '',
    reason: change.kind === 'release' ? change.note : null,
  });
  return lot;
}

const pastTense = { quarantine: 'quarantined', release: 'released', recall: 'recalled' } as const;
