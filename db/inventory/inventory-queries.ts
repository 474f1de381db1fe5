// Read models over the ledger: the overview, Dashboard alerts, FEFO choice and the recall trace.
import type { Database } from 'better-sqlite3';
import { addDays, daysBetween } from '../clinic/business-time';
import { readSettings } from '../clinic/clinic-store';
import type { InventoryAlerts, InventoryOverviewRow, LotTrace, LotTraceUse, LotView, StockItem } from './inventory-contract';
import { findItem, findLotRow, listItems, listLotRows, listMovementsOfLot, toLotView, type LotRow } from './inventory-store';

/** Units used per day by item over the last `days` days (use minus reversed use), to the given date. */
function usePerDay(db: Database, today: string, days: number): Map<number, number> {
  // One primary-key range per item rather than a scan of every item's ten years of days.
  const rows = db
    .prepare<{ from: string; to: string }, { item_id: number; used: number | null }>(
      `SELECT i.id AS item_id,
              (SELECT sum(u.used) FROM item_day_use u WHERE u.item_id = i.id AND u.occurred_on > @from AND u.occurred_on <= @to) AS used
       FROM stock_items i`,
    )
    .all({ from: addDays(today, -days), to: today });
  return new Map(rows.filter((r) => r.used !== null).map((r) => [r.item_id, Math.max(0, r.used ?? 0) / days]));
}

function isUsable(lot: LotRow, today: string): boolean {
  return lot.status === 'available' && lot.on_hand > 0 && (lot.expiry_date === null || lot.expiry_date >= today);
}

export function inventoryOverview(db: Database, today: string, filter: { kind?: string; category?: string }): InventoryOverviewRow[] {
  const items = listItems(db, false).filter((i) => (!filter.kind || i.kind === filter.kind) && (!filter.category || i.category === filter.category));
  const lotsByItem = groupBy(listLotRows(db, { includeEmpty: false }), (l) => l.item_id);
  const rate30 = usePerDay(db, today, 30);
  const rate90 = usePerDay(db, today, 90);
  return items.map((item) => {
    const lots = lotsByItem.get(item.id) ?? [];
    const usableOnHand = usableOnHandOf(lots, today);
    const r30 = rate30.get(item.id) ?? 0;
    const r90 = rate90.get(item.id) ?? 0;
    const expiries = lots.map((l) => l.expiry_date).filter((d): d is string => d !== null).sort();
    return {
      item,
      onHand: sum(lots.map((l) => l.on_hand)),
      usableOnHand,
      isBelowReorderPoint: usableOnHand <= item.reorderPoint,
      nearestExpiry: expiries[0] ?? null,
      usePerDay30: r30,
      usePerDay90: r90,
      daysOfCover30: r30 > 0 ? Math.floor(usableOnHand / r30) : null,
      daysOfCover90: r90 > 0 ? Math.floor(usableOnHand / r90) : null,
      lotsWithStock: lots.length,
    };
  });
}

function usableOnHandOf(lots: LotRow[], today: string): number {
  return sum(lots.filter((l) => isUsable(l, today)).map((l) => l.on_hand));
}

export function inventoryAlerts(db: Database, today: string): InventoryAlerts {
  const thresholds = [...readSettings(db).expiryWarningDays].sort((a, b) => a - b);
  const horizon = thresholds.at(-1) ?? 90;
  // One read of the stocked lots serves every alert (the overview's 30-day rates are not needed here).
  const stocked = listLotRows(db, { includeEmpty: false });
  const lots = stocked.filter((l) => l.status !== 'destroyed');
  const expired: LotView[] = [];
  const expiring: InventoryAlerts['expiring'] = [];
  for (const lot of lots) {
    if (lot.expiry_date === null) continue;
    const daysLeft = daysBetween(today, lot.expiry_date);
    if (daysLeft < 0) expired.push(toLotView(lot, today));
    else if (daysLeft <= horizon) {
      const withinDays = thresholds.find((t) => daysLeft <= t) ?? horizon;
      expiring.push({ lot: toLotView(lot, today), withinDays, daysLeft });
    }
  }

  const stockedByItem = groupBy(stocked, (l) => l.item_id);
  const belowReorder = listItems(db, false)
    .map((item) => ({ item, usableOnHand: usableOnHandOf(stockedByItem.get(item.id) ?? [], today) }))
    .filter((row) => row.usableOnHand <= row.item.reorderPoint)
    .map((row) => {
      const shortfall = Math.max(0, row.item.parLevel - row.usableOnHand);
      const packs = Math.ceil(shortfall / row.item.unitsPerPack);
      return { item: row.item, usableOnHand: row.usableOnHand, suggestedOrderUnits: packs * row.item.unitsPerPack, suggestedOrderPacks: packs };
    });

  // FEFO: an item's lots are used in expiry order, so a lot starts being used only once the earlier ones are gone.
  const rate90 = usePerDay(db, today, 90);
  const likelyToExpireUnused: InventoryAlerts['likelyToExpireUnused'] = [];
  for (const [itemId, itemLots] of groupBy(lots.filter((l) => isUsable(l, today) && l.expiry_date !== null), (l) => l.item_id)) {
    const rate = rate90.get(itemId) ?? 0;
    // An item nobody has used lately gives no rate to project: its lots show under expiring, not here.
    if (rate === 0) continue;
    let usedBefore = 0;
    for (const lot of itemLots.sort((a, b) => (a.expiry_date ?? '').localeCompare(b.expiry_date ?? ''))) {
      const usableByExpiry = rate * (daysBetween(today, lot.expiry_date ?? today) + 1);
      const reachable = Math.max(0, usableByExpiry - usedBefore);
      const unitsAtRisk = Math.floor(lot.on_hand - Math.min(lot.on_hand, reachable));
      if (unitsAtRisk > 0) likelyToExpireUnused.push({ lot: toLotView(lot, today), unitsAtRisk, usePerDay: rate });
      usedBefore += lot.on_hand;
    }
  }
  return { today, expired, expiring, belowReorder, likelyToExpireUnused };
}

/** First expiry, first out: the earliest-expiring lot of the item that is available, in date, stocked and already received. */
export function fefoLot(db: Database, itemId: number, onDate: string): LotView | null {
  const lot = db
    .prepare<{ itemId: number; onDate: string }, { id: number }>(
      `SELECT id FROM stock_lots
       WHERE item_id = @itemId AND status = 'available' AND on_hand > 0 AND (expiry_date IS NULL OR expiry_date >= @onDate)
         AND first_received_on <= @onDate
       ORDER BY expiry_date IS NULL, expiry_date, id LIMIT 1`,
    )
    .get({ itemId, onDate });
  if (!lot) return null;
  const row = findLotRow(db, lot.id);
  return row ? toLotView(row, onDate) : null;
}

interface TraceRow {
  id: number;
  occurred_on: string;
  quantity: number;
  staff_name: string;
  session_id: number | null;
  chart_number: string | null;
  therapist_name: string | null;
  is_reversed: number;
}

export function traceLot(db: Database, lotId: number, today: string): LotTrace | null {
  const lotRow = findLotRow(db, lotId);
  if (!lotRow) return null;
  const item = findItem(db, lotRow.item_id) as StockItem;
  const rows = db
    .prepare<[number], TraceRow>(
      `SELECT m.id, m.occurred_on, m.quantity, s.name AS staff_name, m.session_id, t.chart_number, t.therapist_name,
              EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_movement_id = m.id) AS is_reversed
       FROM stock_movements m
       JOIN staff s ON s.id = m.recorded_by
       LEFT JOIN session_trace_details t ON t.session_id = m.session_id
       WHERE m.lot_id = ? AND m.kind = 'use'
       ORDER BY m.occurred_on, m.id`,
    )
    .all(lotId);
  const uses: LotTraceUse[] = rows.map((r) => ({
    movementId: r.id,
    occurredOn: r.occurred_on,
    quantity: -r.quantity,
    staffName: r.staff_name,
    sessionId: r.session_id,
    chartNumber: r.chart_number,
    therapistName: r.therapist_name,
    isReversed: r.is_reversed === 1,
  }));
  const effective = uses.filter((u) => !u.isReversed);
  return {
    lot: toLotView(lotRow, today),
    item,
    uses,
    totalUsed: sum(effective.map((u) => u.quantity)),
    sessionsAffected: new Set(effective.map((u) => u.sessionId).filter((id) => id !== null)).size,
    movements: listMovementsOfLot(db, lotId),
  };
}

function groupBy<T, K>(values: T[], key: (v: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const v of values) {
    const k = key(v);
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  }
  return map;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
