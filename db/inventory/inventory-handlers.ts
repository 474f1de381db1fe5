// Handlers for the inventory API: catalogue, deliveries, the ledger actions, counts, alerts and recall traces.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import type { HandlerContext, HandlersFor } from '../api/handler-context';
import { clinicToday } from '../clinic/clinic-store';
import { toCsv } from '../exports/csv';
import { findStaffMember } from '../staff/staff-store';
import type { inventoryCsvMethods, inventoryMethods, LotTrace, LotView, StockItem } from './inventory-contract';
import { fefoLot, inventoryAlerts, inventoryOverview, traceLot } from './inventory-queries';
import {
  findItem,
  findItemByGtin,
  findLotRow,
  findLotRowByNumber,
  insertItem,
  insertLot,
  listItems,
  listLotRows,
  listMovementsOfLot,
  addLotReceipt,
  setLotRecall,
  toLotView,
  updateItem,
  type ItemValues,
} from './inventory-store';
import { appendMovement, assertNotFuture, lotLabel, requireItem, requireLot, setLotStatus, useStock, wasteStock } from './stock-ledger';

const today = (ctx: HandlerContext) => clinicToday(ctx.db, ctx.now);

function lotView(ctx: HandlerContext, lotId: number): LotView {
  const row = findLotRow(ctx.db, lotId);
  if (!row) throw notFound(`There is no lot #${lotId}.`, 'lotId');
  return toLotView(row, today(ctx));
}

/** Needles are always lot-tracked with expiry: recall scoping and the sterility claim depend on both. */
function normaliseItem<T extends ItemValues>(values: T): T {
  return values.kind === 'needle' ? { ...values, isLotTracked: true, requiresExpiry: true } : values;
}

function assertGtinFree(ctx: HandlerContext, gtin: string | null, itemId: number | null, field: string): void {
  if (gtin === null) return;
  const owner = findItemByGtin(ctx.db, gtin);
  if (owner && owner.id !== itemId) throw new ApiError('conflict', `GTIN ${gtin} already belongs to ${owner.name}.`, field);
}

function requireTrace(ctx: HandlerContext, lotId: number): LotTrace {
  const trace = traceLot(ctx.db, lotId, today(ctx));
  if (!trace) throw notFound(`There is no lot #${lotId}.`, 'lotId');
  return trace;
}

export const inventoryHandlers: HandlersFor<typeof inventoryMethods & typeof inventoryCsvMethods> = {
  'inventory.listItems': (ctx, input) => listItems(ctx.db, input.includeInactive),

  'inventory.createItem': (ctx, input) => {
    const values = normaliseItem(input);
    assertGtinFree(ctx, values.gtin, null, 'gtin');
    const id = insertItem(ctx.db, values, ctx.nowIso);
    const item = findItem(ctx.db, id) as StockItem;
    ctx.audit({ action: 'create', entityType: 'stock_item', entityId: id, after: item });
    return item;
  },

  'inventory.updateItem': (ctx, { id, reason, ...input }) => {
    const before = requireItem(ctx, id, 'id');
    const values = normaliseItem(input);
    assertGtinFree(ctx, values.gtin, id, 'gtin');
    updateItem(ctx.db, id, values, ctx.nowIso);
    const after = findItem(ctx.db, id) as StockItem;
    ctx.audit({ action: 'update', entityType: 'stock_item', entityId: id, before, after, reason: reason || null });
    return after;
  },

  'inventory.findByGtin': (ctx, input) => findItemByGtin(ctx.db, input.gtin) ?? null,

  'inventory.linkGtin': (ctx, input) => {
    const before = requireItem(ctx, input.itemId);
    assertGtinFree(ctx, input.gtin, input.itemId, 'gtin');
    updateItem(ctx.db, input.itemId, { ...before, gtin: input.gtin }, ctx.nowIso);
    const after = findItem(ctx.db, input.itemId) as StockItem;
    ctx.audit({ action: 'link_gtin', entityType: 'stock_item', entityId: input.itemId, before: { gtin: before.gtin }, after: { gtin: after.gtin } });
    return after;
  },

  'inventory.receiveDelivery': (ctx, input) => {
    assertNotFuture(ctx, input.receivedOn, 'receivedOn');
    const lots: LotView[] = [];
    input.lines.forEach((line, index) => {
      const at = (field: string) => `lines.${index}.${field}`;
      const item = requireItem(ctx, line.itemId, at('itemId'));
      if (!item.isActive) throw ruleViolation(`${item.name} is no longer stocked (inactive).`, at('itemId'));
      if (item.isLotTracked && line.lotNumber === '') throw ruleViolation(`${at('lotNumber')}: ${item.name} is lot-tracked; enter the lot number from the box.`, at('lotNumber'));
      if (item.requiresExpiry && line.expiryDate === null) throw ruleViolation(`${at('expiryDate')}: ${item.name} must carry its expiry date.`, at('expiryDate'));
      if (line.expiryDate !== null && line.expiryDate < input.receivedOn) {
        throw ruleViolation(`${at('expiryDate')}: the expiry ${line.expiryDate} is before the receipt date ${input.receivedOn}.`, at('expiryDate'));
      }
      if (line.manufactureDate !== null && line.manufactureDate > input.receivedOn) {
        throw ruleViolation(`${at('manufactureDate')}: made on ${line.manufactureDate}, after it was received.`, at('manufactureDate'));
      }
      const units = line.quantityUnit === 'pack' ? line.quantity * item.unitsPerPack : line.quantity;
      if (units > 1_000_000) throw ruleViolation(`${at('quantity')}: ${units} units is more than 1,000,000.`, at('quantity'));
      // The cost may be given per unit, per pack or for the whole line, whatever the quantity was counted in.
      const lineCostCents =
        line.costPer === 'line' ? line.costCents : line.costPer === 'unit' ? line.costCents * units : Math.round((line.costCents * units) / item.unitsPerPack);

      let lot = findLotRowByNumber(ctx.db, item.id, line.lotNumber);
      if (lot) {
        if (lot.expiry_date !== line.expiryDate) {
          throw ruleViolation(`${at('expiryDate')}: ${lotLabel(lot)} is already recorded with expiry ${lot.expiry_date ?? 'none'}; check the box.`, at('expiryDate'));
        }
        if (lot.status === 'recalled' || lot.status === 'destroyed') {
          throw ruleViolation(`${lotLabel(lot)} is ${lot.status}; do not receive more of it.`, at('lotNumber'));
        }
      } else {
        const lotId = insertLot(ctx.db, {
          itemId: item.id,
          lotNumber: line.lotNumber,
          expiryDate: line.expiryDate,
          manufactureDate: line.manufactureDate,
          status: 'available',
          receivedOn: input.receivedOn,
          now: ctx.nowIso,
        });
        lot = findLotRow(ctx.db, lotId);
        if (!lot) throw new Error('lot vanished');
        ctx.audit({ action: 'create', entityType: 'lot', entityId: lotId, after: { itemId: item.id, lotNumber: line.lotNumber, expiryDate: line.expiryDate } });
      }
      // A pack that arrives damaged may not be sterile: hold the lot until someone inspects it.
      const statusAfter = line.condition !== 'ok' && lot.status === 'available' ? 'on_hold' : lot.status;
      appendMovement(ctx, lot, {
        kind: 'receive',
        quantity: units,
        occurredOn: input.receivedOn,
        supplier: input.supplier,
        reference: input.reference,
        lineCostCents,
        conditionOnArrival: line.condition,
        udiRaw: line.udiRaw,
        statusAfter,
        quantityField: at('quantity'),
      });
      addLotReceipt(ctx.db, lot.id, units, lineCostCents);
      lots.push(lotView(ctx, lot.id));
    });
    return { lots };
  },

  'inventory.listLots': (ctx, input) => listLotRows(ctx.db, input).map((row) => toLotView(row, today(ctx))),

  'inventory.lotDetail': (ctx, input) => {
    const lot = lotView(ctx, input.lotId);
    return { lot, item: findItem(ctx.db, lot.itemId) as StockItem, movements: listMovementsOfLot(ctx.db, input.lotId) };
  },

  'inventory.fefoLot': (ctx, input) => {
    requireItem(ctx, input.itemId);
    return fefoLot(ctx.db, input.itemId, input.onDate ?? today(ctx));
  },

  'inventory.use': (ctx, input) => {
    assertNotFuture(ctx, input.occurredOn, 'occurredOn');
    return useStock(ctx, input);
  },

  'inventory.waste': (ctx, input) => {
    assertNotFuture(ctx, input.occurredOn, 'occurredOn');
    return wasteStock(ctx, input);
  },

  'inventory.quarantine': (ctx, input) => {
    assertNotFuture(ctx, input.occurredOn, 'occurredOn');
    setLotStatus(ctx, input.lotId, { kind: 'quarantine', occurredOn: input.occurredOn, note: input.note });
    return lotView(ctx, input.lotId);
  },

  'inventory.release': (ctx, input) => {
    assertNotFuture(ctx, input.occurredOn, 'occurredOn');
    setLotStatus(ctx, input.lotId, { kind: 'release', occurredOn: input.occurredOn, note: input.note });
    return lotView(ctx, input.lotId);
  },

  'inventory.recall': (ctx, input) => {
    assertNotFuture(ctx, input.occurredOn, 'occurredOn');
    setLotStatus(ctx, input.lotId, { kind: 'recall', occurredOn: input.occurredOn, note: input.note, reference: input.noticeReference });
    setLotRecall(ctx.db, input.lotId, input.noticeReference, input.occurredOn);
    return requireTrace(ctx, input.lotId);
  },

  'inventory.returnToSupplier': (ctx, input) => {
    assertNotFuture(ctx, input.occurredOn, 'occurredOn');
    const lot = requireLot(ctx, input.lotId);
    if (lot.status === 'destroyed') throw ruleViolation(`${lotLabel(lot)} was destroyed; nothing is left to return.`, 'lotId');
    return appendMovement(ctx, lot, { kind: 'return', quantity: -input.quantity, occurredOn: input.occurredOn, reference: input.reference, note: input.note });
  },

  'inventory.destroy': (ctx, input) => {
    assertNotFuture(ctx, input.occurredOn, 'occurredOn');
    const lot = requireLot(ctx, input.lotId);
    const witness = findStaffMember(ctx.db, input.witnessStaffId);
    if (!witness || !witness.isActive) throw notFound(`There is no active staff member #${input.witnessStaffId} to witness.`, 'witnessStaffId');
    if (witness.id === ctx.actor?.staffId) throw ruleViolation('The witness must be someone other than the person destroying the stock.', 'witnessStaffId');
    const remaining = lot.on_hand - input.quantity;
    return appendMovement(ctx, lot, {
      kind: 'destroy',
      quantity: -input.quantity,
      occurredOn: input.occurredOn,
      destroyMethod: input.method,
      witnessStaffId: input.witnessStaffId,
      note: input.note,
      statusAfter: remaining === 0 ? 'destroyed' : lot.status,
    });
  },

  'inventory.cycleCountSheet': (ctx, input) =>
    listLotRows(ctx.db, { includeEmpty: false, category: input.category }).map((row) => toLotView(row, today(ctx))),

  'inventory.commitCycleCount': (ctx, input) => {
    assertNotFuture(ctx, input.countedOn, 'countedOn');
    const seen = new Set<number>();
    const adjustments = input.counts.flatMap((count, index) => {
      const field = `counts.${index}.lotId`;
      if (seen.has(count.lotId)) throw ruleViolation(`Lot #${count.lotId} is counted twice.`, field);
      seen.add(count.lotId);
      const lot = requireLot(ctx, count.lotId, field);
      const item = findItem(ctx.db, lot.item_id) as StockItem;
      if (item.category !== input.category) throw ruleViolation(`${lotLabel(lot)} is not in the ${input.category} category being counted.`, field);
      const variance = count.countedQuantity - lot.on_hand;
      if (variance === 0) return [];
      return [
        appendMovement(ctx, lot, {
          kind: 'adjust',
          quantity: variance,
          occurredOn: input.countedOn,
          note: input.note ? `Cycle count: ${input.note}` : 'Cycle count',
          reason: `cycle count of ${input.category}: counted ${count.countedQuantity}, ledger had ${lot.on_hand}`,
        }),
      ];
    });
    return { adjustments };
  },

  'inventory.overview': (ctx, input) => inventoryOverview(ctx.db, today(ctx), input),
  'inventory.alerts': (ctx) => inventoryAlerts(ctx.db, today(ctx)),
  'inventory.traceLot': (ctx, input) => requireTrace(ctx, input.lotId),

  'inventory.traceLotCsv': (ctx, input) => {
    const trace = requireTrace(ctx, input.lotId);
    const header = ['lot_number', 'item', 'expiry_date', 'use_date', 'quantity', 'session_id', 'chart_number', 'therapist', 'recorded_by', 'reversed'];
    const rows = trace.uses.map((u) => [
      trace.lot.lotNumber,
      trace.item.name,
      trace.lot.expiryDate,
      u.occurredOn,
      u.quantity,
      u.sessionId,
      u.chartNumber,
      u.therapistName,
      u.staffName,
      u.isReversed,
    ]);
    const safeLot = trace.lot.lotNumber.replace(/[^A-Za-z0-9._-]/g, '_') || `lot-${trace.lot.id}`;
    return { fileName: `recall-trace-${safeLot}.csv`, csv: toCsv(header, rows) };
  },
};
