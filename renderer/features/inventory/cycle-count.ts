// A cycle count sheet as the counter fills it: variance per lot before anything is committed, and the commit call.
import { contract, type MethodInput } from '../../../db/api/contract';
import type { ItemCategory, LotView } from '../../../db/inventory/inventory-contract';
import { checkWithSchema, type FieldErrors } from '../../lib/form-errors';
import { numberFromText } from './form-numbers';

export interface CountRow {
  lot: LotView;
  /** What the counter typed; blank means "not counted yet". */
  countedText: string;
  counted: number | null;
  /** Counted minus expected; null until a valid count is entered. */
  variance: number | null;
  error: string | null;
}

/** The sheet in shelf order: by item, then first expiry first, so a counter walks each item's lots together. */
export function sortCountSheet(sheet: readonly LotView[]): LotView[] {
  return [...sheet].sort((a, b) => a.itemName.localeCompare(b.itemName) || (a.expiryDate ?? '9999').localeCompare(b.expiryDate ?? '9999') || a.id - b.id);
}

/** Reads what was typed for each lot of the sheet (keyed by lot id) and works out its variance. */
export function toCountRows(sheet: readonly LotView[], countedByLot: Readonly<Record<number, string>>): CountRow[] {
  return sheet.map((lot) => {
    const countedText = countedByLot[lot.id] ?? '';
    if (countedText.trim() === '') return { lot, countedText, counted: null, variance: null, error: null };
    const counted = numberFromText(countedText);
    const error =
      counted === null ? 'must be a number' : !Number.isInteger(counted) ? 'must be a whole number' : counted < 0 ? 'must not be negative' : counted > 1_000_000 ? 'must be at most 1,000,000' : null;
    if (error !== null || counted === null) return { lot, countedText, counted: null, variance: null, error };
    return { lot, countedText, counted, variance: counted - lot.onHand, error: null };
  });
}

export interface CountSummary {
  lotCount: number;
  countedCount: number;
  withVariance: number;
  unitsOver: number;
  unitsUnder: number;
  hasErrors: boolean;
}

export function summariseCount(rows: readonly CountRow[]): CountSummary {
  const variances = rows.map((r) => r.variance).filter((v): v is number => v !== null);
  return {
    lotCount: rows.length,
    countedCount: variances.length,
    withVariance: variances.filter((v) => v !== 0).length,
    unitsOver: variances.filter((v) => v > 0).reduce((a, b) => a + b, 0),
    unitsUnder: -variances.filter((v) => v < 0).reduce((a, b) => a + b, 0),
    hasErrors: rows.some((r) => r.error !== null),
  };
}

/** Errors are keyed `count.<lotId>` so they show on that lot's input. */
export function countFieldOfLot(lotId: number): string {
  return `count.${lotId}`;
}

export type CommitCountCheck = { ok: true; input: MethodInput<'inventory.commitCycleCount'> } | { ok: false; fieldErrors: FieldErrors };

/** Only counted lots are committed; a lot left blank keeps its ledger quantity. */
export function toCommitCountInput(category: ItemCategory, countedOn: string, note: string, rows: readonly CountRow[]): CommitCountCheck {
  const fieldErrors: FieldErrors = {};
  for (const row of rows) if (row.error !== null) fieldErrors[countFieldOfLot(row.lot.id)] = row.error;
  const counted = rows.filter((row) => row.counted !== null);
  if (counted.length === 0 && Object.keys(fieldErrors).length === 0) fieldErrors.counts = 'count at least one lot';
  const input: MethodInput<'inventory.commitCycleCount'> = {
    category,
    countedOn,
    note,
    counts: counted.map((row) => ({ lotId: row.lot.id, countedQuantity: row.counted as number })),
  };
  const check = checkWithSchema(contract['inventory.commitCycleCount'].input, input);
  const hasRowErrors = Object.keys(fieldErrors).length > 0;
  if (!check.ok) {
    for (const [field, message] of Object.entries(check.fieldErrors)) {
      // "count at least one lot" says nothing new while a typed count is still wrong.
      if (field === 'counts' && hasRowErrors) continue;
      const index = /^counts\.(\d+)\./.exec(field);
      const lot = index ? counted[Number(index[1])]?.lot : undefined;
      fieldErrors[lot ? countFieldOfLot(lot.id) : field] ??= message;
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, input };
}

/** A refused commit names `counts.<index>.lotId`; show it on that lot's row. */
export function countErrorField(field: string | undefined, sentLotIds: readonly number[]): string | undefined {
  const index = field === undefined ? null : /^counts\.(\d+)\./.exec(field);
  const lotId = index ? sentLotIds[Number(index[1])] : undefined;
  return lotId === undefined ? field : countFieldOfLot(lotId);
}
