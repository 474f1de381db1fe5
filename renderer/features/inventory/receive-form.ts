// The receive-stock form as it holds text, and how it becomes an inventory.receiveDelivery call: blank lines left
// out, costs made consistent, errors keyed by the line the user sees ("lines.1.expiryDate" is line 2's expiry).
import { contract, type MethodInput } from '../../../db/api/contract';
import type { arrivalConditions, StockItem } from '../../../db/inventory/inventory-contract';
import type { Gs1Reading } from '../../../db/inventory/gs1';
import { checkWithSchema, messageForField, type FieldErrors, type ShownError } from '../../lib/form-errors';
import { centsFromText, numberFromText } from './form-numbers';

export type ArrivalCondition = (typeof arrivalConditions)[number];
export type QuantityUnit = 'pack' | 'unit';
export type CostPer = 'pack' | 'unit' | 'line';

export interface ReceiveLineValues {
  /** Stable React key; not sent. */
  key: number;
  scan: string;
  itemId: string;
  lotNumber: string;
  expiryDate: string;
  quantity: string;
  quantityUnit: QuantityUnit;
  /** Dollars as typed. */
  costCents: string;
  costPer: CostPer;
  condition: ArrivalCondition;
  /** The raw GS1 string of the last scan, kept with the receipt. */
  udiRaw: string | null;
}

export interface ReceiveHeaderValues {
  receivedOn: string;
  supplier: string;
  reference: string;
}

/** The inputs of a line, in the order Enter moves through them; the API field names double as input names. */
export const lineFieldOrder = ['scan', 'itemId', 'lotNumber', 'expiryDate', 'quantity', 'quantityUnit', 'costCents', 'costPer', 'condition'] as const;
export type LineField = (typeof lineFieldOrder)[number];
export const headerFields = ['receivedOn', 'supplier', 'reference'] as const;

let nextKey = 1;

export function blankLine(): ReceiveLineValues {
  return {
    key: nextKey++,
    scan: '',
    itemId: '',
    lotNumber: '',
    expiryDate: '',
    quantity: '',
    quantityUnit: 'pack',
    costCents: '',
    costPer: 'pack',
    condition: 'ok',
    udiRaw: null,
  };
}

export function lineFieldPath(lineIndex: number, field: LineField): string {
  return `lines.${lineIndex}.${field}`;
}

/** A line nobody has touched (no item, lot, expiry, quantity or cost) is not sent. */
export function isBlankLine(line: ReceiveLineValues): boolean {
  return [line.itemId, line.lotNumber, line.expiryDate, line.quantity, line.costCents, line.scan].every((v) => v.trim() === '');
}

/**
 * The API multiplies a per-pack or per-unit cost by the quantity as entered; when the cost is per pack but the
 * quantity is in units (or the other way round) the line total is worked out here and sent as a line cost.
 */
export function consistentCost(
  costCents: number,
  costPer: CostPer,
  quantity: number,
  quantityUnit: QuantityUnit,
  unitsPerPack: number,
): { costCents: number; costPer: CostPer } {
  if (costPer === 'line' || costPer === quantityUnit) return { costCents, costPer };
  if (costPer === 'pack') return { costCents: Math.round((costCents * quantity) / unitsPerPack), costPer: 'line' };
  return { costCents: costCents * quantity * unitsPerPack, costPer: 'line' };
}

/** The line's total in cents as the API will record it, or null while quantity or cost is not readable. */
export function lineTotalCents(line: ReceiveLineValues, item: StockItem | undefined): number | null {
  const quantity = numberFromText(line.quantity);
  const cents = line.costCents.trim() === '' ? 0 : centsFromText(line.costCents);
  if (quantity === null || cents === null || !item) return null;
  const cost = consistentCost(cents, line.costPer, quantity, line.quantityUnit, item.unitsPerPack);
  return cost.costPer === 'line' ? cost.costCents : cost.costCents * quantity;
}

/** The units a line adds to stock, or null while the quantity is not readable. */
export function lineUnits(line: ReceiveLineValues, item: StockItem | undefined): number | null {
  const quantity = numberFromText(line.quantity);
  if (quantity === null || !item) return null;
  return line.quantityUnit === 'pack' ? quantity * item.unitsPerPack : quantity;
}

export type DeliveryCheck =
  | { ok: true; input: MethodInput<'inventory.receiveDelivery'>; lineIndexes: number[] }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * Builds the call from the form, checking what the API checks (its own schema, then its item rules) so every
 * problem of every line shows at once. `lineIndexes[i]` is the on-screen line that became `lines[i]`.
 */
export function toDeliveryInput(header: ReceiveHeaderValues, lines: readonly ReceiveLineValues[], items: readonly StockItem[]): DeliveryCheck {
  const fieldErrors: FieldErrors = {};
  const lineIndexes = lines.map((_, index) => index).filter((index) => !isBlankLine(lines[index] as ReceiveLineValues));
  if (lineIndexes.length === 0) lineIndexes.push(0);
  const itemsById = new Map(items.map((item) => [item.id, item]));

  const sentLines = lineIndexes.map((index) => {
    const line = lines[index] as ReceiveLineValues;
    const at = (field: LineField) => lineFieldPath(index, field);
    const itemId = line.itemId === '' ? 0 : Number(line.itemId);
    if (line.itemId === '') fieldErrors[at('itemId')] = 'choose the item';
    const quantity = numberFromText(line.quantity);
    if (quantity === null) fieldErrors[at('quantity')] = line.quantity.trim() === '' ? 'enter how many' : 'must be a number';
    const cents = line.costCents.trim() === '' ? 0 : centsFromText(line.costCents);
    if (cents === null) fieldErrors[at('costCents')] = 'must be an amount of money, like 12.50';
    const item = itemsById.get(itemId);
    const cost = item && quantity !== null && cents !== null
      ? consistentCost(cents, line.costPer, quantity, line.quantityUnit, item.unitsPerPack)
      : { costCents: cents ?? 0, costPer: line.costPer };

    // The API's rules that depend on the item, with its words, so they show before anything is sent.
    if (item) {
      if (!item.isActive) fieldErrors[at('itemId')] ??= `${item.name} is no longer stocked (inactive)`;
      if (item.isLotTracked && line.lotNumber.trim() === '') fieldErrors[at('lotNumber')] ??= `${item.name} is lot-tracked; enter the lot number from the box`;
      if (item.requiresExpiry && line.expiryDate === '') fieldErrors[at('expiryDate')] ??= `${item.name} must carry its expiry date`;
    }
    if (line.expiryDate !== '' && header.receivedOn !== '' && line.expiryDate < header.receivedOn) {
      fieldErrors[at('expiryDate')] ??= `the expiry ${line.expiryDate} is before the receipt date ${header.receivedOn}`;
    }
    if (item && quantity !== null && Number.isInteger(quantity) && line.quantityUnit === 'pack' && quantity * item.unitsPerPack > 1_000_000) {
      fieldErrors[at('quantity')] ??= `${(quantity * item.unitsPerPack).toLocaleString('en-US')} units is more than 1,000,000`;
    }
    return {
      itemId,
      lotNumber: line.lotNumber,
      expiryDate: line.expiryDate === '' ? null : line.expiryDate,
      quantity: quantity ?? Number.NaN,
      quantityUnit: line.quantityUnit,
      costCents: cost.costCents,
      costPer: cost.costPer,
      condition: line.condition,
      udiRaw: line.udiRaw,
    };
  });

  const input: MethodInput<'inventory.receiveDelivery'> = {
    receivedOn: header.receivedOn,
    supplier: header.supplier,
    reference: header.reference,
    lines: sentLines,
  };
  const check = checkWithSchema(contract['inventory.receiveDelivery'].input, input);
  if (!check.ok) {
    for (const [field, message] of Object.entries(check.fieldErrors)) {
      const shown = toScreenField(field, lineIndexes);
      fieldErrors[shown] ??= message;
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, input, lineIndexes };
}

/** "lines.1.expiryDate" of the call → the same field of the on-screen line it came from. */
export function toScreenField(field: string, lineIndexes: readonly number[]): string {
  const match = /^lines\.(\d+)(\..*)?$/.exec(field);
  if (!match) return field;
  const shownIndex = lineIndexes[Number(match[1])];
  return shownIndex === undefined ? field : `lines.${shownIndex}${match[2] ?? ''}`;
}

/** Where a refused delivery shows: beside the named field of the named line, or as an alert above the form. */
export function placeDeliveryError(error: { message: string; field?: string | undefined }, lineIndexes: readonly number[], lineCount: number): ShownError {
  if (error.field === undefined) return { fieldErrors: {}, alert: error.message };
  const message = messageForField(error.message, error.field);
  const shown = toScreenField(error.field, lineIndexes);
  const known = new Set<string>(headerFields);
  for (let index = 0; index < lineCount; index++) for (const field of lineFieldOrder) known.add(lineFieldPath(index, field));
  if (known.has(shown)) return { fieldErrors: { [shown]: message }, alert: null };
  const line = /^lines\.(\d+)/.exec(shown);
  return { fieldErrors: {}, alert: line ? `Line ${Number(line[1]) + 1}: ${message}` : error.message };
}

/** The errors of one on-screen line, by field. */
export function lineErrors(fieldErrors: FieldErrors, lineIndex: number): Partial<Record<LineField, string>> {
  const prefix = `lines.${lineIndex}.`;
  const found: Partial<Record<LineField, string>> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (!field.startsWith(prefix)) continue;
    const name = field.slice(prefix.length);
    if ((lineFieldOrder as readonly string[]).includes(name)) found[name as LineField] = message;
    // Fields the form has no input for land on the nearest input that has one.
    else if (name === 'manufactureDate') found.expiryDate ??= message;
    else if (name === 'udiRaw') found.scan ??= message;
  }
  return found;
}

/** Fills a line from a scanned box: the item (when the GTIN is known), lot and expiry; the raw code is kept. */
export function applyScanToLine(line: ReceiveLineValues, reading: Gs1Reading, item: StockItem | null, rawScan: string): ReceiveLineValues {
  return {
    ...line,
    scan: '',
    itemId: item ? String(item.id) : line.itemId,
    lotNumber: reading.lotNumber ?? line.lotNumber,
    expiryDate: reading.expiryDate ?? line.expiryDate,
    udiRaw: rawScan.slice(0, 200),
  };
}

/** Where the cursor goes after a scan: quantity once the item is known, otherwise the item to choose. */
export function fieldAfterScan(line: ReceiveLineValues): LineField {
  if (line.itemId === '') return 'itemId';
  if (line.lotNumber === '') return 'lotNumber';
  if (line.expiryDate === '') return 'expiryDate';
  return 'quantity';
}

/** Enter moves to the next input of the line; from the last one it goes to the next line, adding one at the end. */
export function nextAfterEnter(lineIndex: number, field: LineField, lineCount: number): { lineIndex: number; field: LineField; addsLine: boolean } {
  const position = lineFieldOrder.indexOf(field);
  const next = lineFieldOrder[position + 1];
  if (next !== undefined) return { lineIndex, field: next, addsLine: false };
  return { lineIndex: lineIndex + 1, field: 'scan', addsLine: lineIndex + 1 >= lineCount };
}

const fieldWords: Record<string, string> = {
  receivedOn: 'Received on',
  supplier: 'Supplier',
  reference: 'Reference',
  lines: 'Lines',
  scan: 'scan',
  itemId: 'item',
  lotNumber: 'lot',
  expiryDate: 'expiry',
  quantity: 'quantity',
  quantityUnit: 'boxes or units',
  costCents: 'cost',
  costPer: 'cost per',
  condition: 'condition',
};

/** "lines.1.expiryDate" → "Line 2, expiry"; "supplier" → "Supplier". */
export function describeFieldPath(path: string): string {
  const match = /^lines\.(\d+)\.(\w+)$/.exec(path);
  if (match) return `Line ${Number(match[1]) + 1}, ${fieldWords[match[2] as string] ?? match[2]}`;
  return fieldWords[path] ?? path;
}
