// API methods for stock items, lots and the stock ledger (receive, use, waste, count, quarantine, recall, ...).
// Pure: shared with the renderer.
import { z } from 'zod';
import { businessDate, cents, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { clinicalStaff, managersOnly, readers } from '../api/roles';
import { hasValidCheckDigit } from './gs1';

export const itemKinds = ['needle', 'ppe', 'supply'] as const;
export const itemCategories = [
  'needle',
  'exam_glove',
  'mask',
  'eye_protection',
  'gown',
  'hand_rub',
  'alcohol_swab',
  'cotton',
  'drape',
  'disinfectant_wipe',
  'sharps_container',
  'other',
] as const;
export const gloveSizes = ['XS', 'S', 'M', 'L', 'XL'] as const;
export const lotStatuses = ['available', 'on_hold', 'quarantined', 'recalled', 'destroyed'] as const;
/** What a lot is from the user's point of view: its stored status, or expired/depleted which follow from date and balance. */
export const effectiveLotStatuses = [...lotStatuses, 'expired', 'depleted'] as const;
export const wasteReasons = [
  'opened_not_used',
  'dropped_or_contaminated',
  'package_damaged',
  'expired',
  'recalled',
  'count_correction',
  'other',
] as const;
export const arrivalConditions = ['ok', 'damaged_pack', 'seal_breach', 'label_defect'] as const;
export const movementKinds = ['receive', 'use', 'waste', 'adjust', 'quarantine', 'release', 'recall', 'return', 'destroy', 'reverse'] as const;

export type ItemKind = (typeof itemKinds)[number];
export type ItemCategory = (typeof itemCategories)[number];
export type LotStatus = (typeof lotStatuses)[number];
export type EffectiveLotStatus = (typeof effectiveLotStatuses)[number];
export type WasteReason = (typeof wasteReasons)[number];
export type MovementKind = (typeof movementKinds)[number];

export const wasteReasonLabels: Record<WasteReason, string> = {
  opened_not_used: 'Opened, not used',
  dropped_or_contaminated: 'Dropped or contaminated',
  package_damaged: 'Package damaged',
  expired: 'Expired',
  recalled: 'Recalled',
  count_correction: 'Count correction',
  other: 'Other',
};

export interface StockItem {
  id: number;
  kind: ItemKind;
  category: ItemCategory;
  name: string;
  manufacturer: string;
  gtin: string | null;
  unit: string;
  unitsPerPack: number;
  reorderPoint: number;
  parLevel: number;
  isLotTracked: boolean;
  requiresExpiry: boolean;
  diameterMm: number | null;
  gauge: number | null;
  lengthMm: number | null;
  hasGuideTube: boolean | null;
  isSterileSingleUse: boolean | null;
  size: string | null;
  material: string | null;
  isActive: boolean;
}

export interface LotView {
  id: number;
  itemId: number;
  itemName: string;
  itemKind: ItemKind;
  unit: string;
  lotNumber: string;
  expiryDate: string | null;
  status: LotStatus;
  effectiveStatus: EffectiveLotStatus;
  onHand: number;
  firstReceivedOn: string;
  recallReference: string | null;
  recalledOn: string | null;
  /** Average cost of one unit over this lot's receipts, in cents (may be fractional). */
  unitCostCents: number | null;
}

export interface MovementView {
  id: number;
  lotId: number;
  kind: MovementKind;
  quantity: number;
  balanceAfter: number;
  statusAfter: LotStatus;
  occurredOn: string;
  recordedAt: string;
  recordedByName: string;
  sessionId: number | null;
  wasteReason: WasteReason | null;
  note: string;
  reference: string;
  supplier: string;
  lineCostCents: number | null;
  conditionOnArrival: string | null;
  destroyMethod: string | null;
  witnessName: string | null;
  reversesMovementId: number | null;
}

export interface InventoryOverviewRow {
  item: StockItem;
  onHand: number;
  /** Stock that may be used on a patient today: available lots, in date. */
  usableOnHand: number;
  isBelowReorderPoint: boolean;
  nearestExpiry: string | null;
  /** Average units used per day over the last 30 and 90 days. */
  usePerDay30: number;
  usePerDay90: number;
  daysOfCover30: number | null;
  daysOfCover90: number | null;
  lotsWithStock: number;
}

export interface InventoryAlerts {
  today: string;
  expired: LotView[];
  expiring: Array<{ lot: LotView; withinDays: number; daysLeft: number }>;
  belowReorder: Array<{ item: StockItem; usableOnHand: number; suggestedOrderUnits: number; suggestedOrderPacks: number }>;
  likelyToExpireUnused: Array<{ lot: LotView; unitsAtRisk: number; usePerDay: number }>;
}

export interface LotTraceUse {
  movementId: number;
  occurredOn: string;
  quantity: number;
  staffName: string;
  sessionId: number | null;
  chartNumber: string | null;
  therapistName: string | null;
  isReversed: boolean;
}

export interface LotTrace {
  lot: LotView;
  item: StockItem;
  uses: LotTraceUse[];
  totalUsed: number;
  sessionsAffected: number;
  movements: MovementView[];
}

const quantity = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be more than zero')
  .max(1_000_000, 'is more than 1,000,000, which no delivery or count holds');

const gtin = z
  .string()
  .regex(/^\d{14}$/, 'must be the 14-digit GTIN from the box')
  .refine(hasValidCheckDigit, 'has a wrong check digit');

const itemFields = {
  kind: z.enum(itemKinds),
  category: z.enum(itemCategories),
  name: requiredText(120),
  manufacturer: optionalText(120),
  gtin: gtin.nullable().default(null),
  unit: requiredText(20),
  unitsPerPack: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10,000'),
  reorderPoint: z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000),
  parLevel: z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000),
  isLotTracked: z.boolean().default(false),
  requiresExpiry: z.boolean().default(false),
  diameterMm: z.number().positive('must be more than 0').max(2, 'must be at most 2 mm').nullable().default(null),
  gauge: z.number().int().min(10).max(50).nullable().default(null),
  lengthMm: z.number().positive('must be more than 0').max(200, 'must be at most 200 mm').nullable().default(null),
  hasGuideTube: z.boolean().nullable().default(null),
  isSterileSingleUse: z.boolean().nullable().default(null),
  size: z.enum(gloveSizes).nullable().default(null),
  material: z.string().trim().max(40).nullable().default(null),
};

type ItemFieldValues = { kind: ItemKind; diameterMm: number | null; lengthMm: number | null; parLevel: number; reorderPoint: number };

function checkItem(item: ItemFieldValues, ctx: z.RefinementCtx): void {
  if (item.kind === 'needle') {
    if (item.diameterMm === null) ctx.addIssue({ code: 'custom', path: ['diameterMm'], message: 'is required for a needle product' });
    if (item.lengthMm === null) ctx.addIssue({ code: 'custom', path: ['lengthMm'], message: 'is required for a needle product' });
  }
  if (item.parLevel < item.reorderPoint) ctx.addIssue({ code: 'custom', path: ['parLevel'], message: 'must not be below the reorder point' });
}

export const itemInput = z.strictObject(itemFields).superRefine(checkItem);

export const deliveryLine = z.strictObject({
  itemId: recordId,
  lotNumber: z.string().trim().max(20, 'must be at most 20 characters (GS1 lot limit)').default(''),
  expiryDate: businessDate.nullable().default(null),
  manufactureDate: businessDate.nullable().default(null),
  quantity,
  quantityUnit: z.enum(['pack', 'unit']).default('unit'),
  costCents: cents.default(0),
  costPer: z.enum(['pack', 'unit', 'line']).default('line'),
  condition: z.enum(arrivalConditions).default('ok'),
  udiRaw: z.string().max(200).nullable().default(null),
});

const lotAction = { lotId: recordId, note: optionalText(1000) };

export const inventoryMethods = {
  'inventory.listItems': method<StockItem[]>()({
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: 'The stock catalogue: needle products, PPE and supplies.',
  }),
  'inventory.createItem': method<StockItem>()({
    input: itemInput,
    kind: 'write',
    roles: managersOnly,
    summary: 'Adds a needle product, PPE or supply item to the catalogue.',
  }),
  'inventory.updateItem': method<StockItem>()({
    input: z
      .strictObject({ id: recordId, ...itemFields, isActive: z.boolean().default(true), reason: optionalText(500) })
      .superRefine(checkItem),
    kind: 'write',
    roles: managersOnly,
    summary: 'Edits a catalogue item; the old values stay in the audit log.',
  }),
  'inventory.findByGtin': method<StockItem | null>()({
    input: z.strictObject({ gtin }),
    kind: 'read',
    roles: readers,
    summary: 'The item a scanned GTIN belongs to, or null when it is not linked yet.',
  }),
  'inventory.linkGtin': method<StockItem>()({
    input: z.strictObject({ itemId: recordId, gtin }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Links a scanned GTIN to an item (asked once per unknown GTIN while receiving).',
  }),
  'inventory.receiveDelivery': method<{ lots: LotView[] }>()({
    input: z.strictObject({
      receivedOn: businessDate,
      supplier: requiredText(120),
      reference: optionalText(60),
      lines: z.array(deliveryLine).min(1, 'a delivery needs at least one line').max(200, 'at most 200 lines per delivery'),
    }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records a delivery of one or more lines; the same lot number for an item adds to the same lot.',
  }),
  'inventory.listLots': method<LotView[]>()({
    input: z.strictObject({ itemId: recordId.optional(), includeEmpty: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: 'Lots, soonest expiry first; empty ones only when asked.',
  }),
  'inventory.lotDetail': method<{ lot: LotView; item: StockItem; movements: MovementView[] }>()({
    input: z.strictObject({ lotId: recordId }),
    kind: 'read',
    roles: readers,
    summary: 'A lot with every movement, its author and time, and on hand after each.',
  }),
  'inventory.fefoLot': method<LotView | null>()({
    input: z.strictObject({ itemId: recordId, onDate: businessDate.optional() }),
    kind: 'read',
    roles: readers,
    summary: 'First expiry, first out: the lot to use next (in date, available, with stock), or null.',
  }),
  'inventory.use': method<MovementView>()({
    input: z.strictObject({ ...lotAction, quantity, occurredOn: businessDate }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records stock used (outside a session record). Expired, quarantined or recalled lots are refused.',
  }),
  'inventory.waste': method<MovementView>()({
    input: z
      .strictObject({ ...lotAction, quantity, occurredOn: businessDate, reason: z.enum(wasteReasons) })
      .refine((w) => w.reason !== 'other' || w.note.length > 0, { message: 'must say what happened when the reason is "other"', path: ['note'] }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records stock wasted, with a coded reason.',
  }),
  'inventory.quarantine': method<LotView>()({
    input: z.strictObject({ ...lotAction, occurredOn: businessDate }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Pulls a lot from use pending a decision.',
  }),
  'inventory.release': method<LotView>()({
    input: z.strictObject({ ...lotAction, occurredOn: businessDate, note: requiredText(1000) }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Returns a quarantined or on-hold lot to use, with the reason.',
  }),
  'inventory.recall': method<LotTrace>()({
    input: z.strictObject({ ...lotAction, occurredOn: businessDate, noticeReference: requiredText(120) }),
    kind: 'write',
    roles: managersOnly,
    summary: "Marks a lot recalled under the manufacturer's notice, quarantining its stock, and returns the trace.",
  }),
  'inventory.returnToSupplier': method<MovementView>()({
    input: z.strictObject({ ...lotAction, quantity, occurredOn: businessDate, reference: requiredText(60) }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Sends stock back to the supplier (RMA or recall return).',
  }),
  'inventory.destroy': method<MovementView>()({
    input: z.strictObject({
      ...lotAction,
      quantity,
      occurredOn: businessDate,
      method: requiredText(120),
      witnessStaffId: recordId,
    }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Destroys stock (expired, recalled, damaged) with method and witness.',
  }),
  'inventory.cycleCountSheet': method<LotView[]>()({
    input: z.strictObject({ category: z.enum(itemCategories) }),
    kind: 'read',
    roles: readers,
    summary: 'Every lot of a category that holds stock, with the quantity the ledger expects.',
  }),
  'inventory.commitCycleCount': method<{ adjustments: MovementView[] }>()({
    input: z.strictObject({
      category: z.enum(itemCategories),
      countedOn: businessDate,
      note: optionalText(500),
      counts: z
        .array(z.strictObject({ lotId: recordId, countedQuantity: z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000) }))
        .min(1, 'count at least one lot'),
    }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Commits a cycle count: each variance becomes a count adjustment.',
  }),
  'inventory.overview': method<InventoryOverviewRow[]>()({
    input: z.strictObject({ kind: z.enum(itemKinds).optional(), category: z.enum(itemCategories).optional() }),
    kind: 'read',
    roles: readers,
    summary: 'Each item with on hand, reorder status, nearest expiry and days of cover.',
  }),
  'inventory.alerts': method<InventoryAlerts>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: readers,
    summary: 'Expired and expiring lots with stock, items below reorder point, and lots likely to expire unused.',
  }),
  'inventory.traceLot': method<LotTrace>()({
    input: z.strictObject({ lotId: recordId }),
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: 'Recall trace: every use of the lot, with the session, therapist and chart number where linked.',
  }),
};

export const inventoryCsvMethods = {
  'inventory.traceLotCsv': method<{ fileName: string; csv: string }>()({
    input: z.strictObject({ lotId: recordId }),
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: 'The recall trace of a lot as a CSV file (UTF-8 with BOM, CRLF, formula cells neutralised).',
  }),
};
