// Read models for sessions: one session in full, filtered lists, counts per period and the effectiveness report.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { addDays } from '../clinic/business-time';
import { statementsFor } from '../sql/statement-cache';
import { fefoLot } from '../inventory/inventory-queries';
import { listItems } from '../inventory/inventory-store';
import { whyLotUnusable } from '../inventory/stock-ledger';
import { findLotRow } from '../inventory/inventory-store';
import { listStaff } from '../staff/staff-store';
import { selfPayPriceOn } from '../revenue/revenue-store';
import {
  bodyRegionLabels,
  type BodyRegion,
  type CountBucket,
  type EffectivenessGroup,
  type EffectivenessReport,
  type Granularity,
  type SessionDetail,
  type SessionFormDefaults,
  type SessionKind,
  type SessionStockUse,
  type SessionView,
  type sessionListFilter,
} from './sessions-contract';
import { findSessionRow, listKitLines, listSessionAmendments, sessionViewSelect, toSessionView, type SessionRow } from './sessions-store';

const statements = statementsFor((db) => ({
  uses: db.prepare<[number], { movement_id: number; item_id: number; item_name: string; item_kind: string; lot_id: number; lot_number: string; expiry_date: string | null; quantity: number }>(
    `SELECT m.id AS movement_id, m.item_id, i.name AS item_name, i.kind AS item_kind, m.lot_id, l.lot_number, l.expiry_date, -m.quantity AS quantity
     FROM stock_movements m JOIN stock_items i ON i.id = m.item_id JOIN stock_lots l ON l.id = m.lot_id
     WHERE m.session_id = ? AND m.kind = 'use'
       AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_movement_id = m.id)
     ORDER BY m.id`,
  ),
}));

export function readSessionDetail(db: Database, id: number): SessionDetail {
  const row = findSessionRow(db, id);
  if (!row) throw new Error(`session ${id} not found`);
  const uses = statements(db)
    .uses.all(id)
    .map(
      (u): SessionStockUse => ({
        movementId: u.movement_id,
        itemId: u.item_id,
        itemName: u.item_name,
        itemKind: u.item_kind,
        lotId: u.lot_id,
        lotNumber: u.lot_number,
        expiryDate: u.expiry_date,
        quantity: u.quantity,
      }),
    );
  return {
    ...toSessionView(row),
    needles: uses.filter((u) => u.itemKind === 'needle'),
    supplies: uses.filter((u) => u.itemKind !== 'needle'),
    // The count is kept with the row, so a session never amended (most, and every new one) skips the query.
    amendments: row.amendment_count === 0 ? [] : listSessionAmendments(db, id),
  };
}

type ListFilter = z.output<typeof sessionListFilter>;

export function listSessions(db: Database, f: ListFilter): { sessions: SessionView[]; next: { sessionDate: string; id: number } | null; total: number } {
  const where = ['s.session_date >= @from', 's.session_date <= @to'];
  if (!f.includeVoided) where.push("s.status = 'recorded'");
  if (f.therapistId !== undefined) where.push('s.therapist_id = @therapistId');
  if (f.kind) where.push('s.kind = @kind');
  if (f.chartNumber) where.push('s.chart_number = @chartNumber');
  const params = { ...f, afterDate: f.after?.sessionDate, afterId: f.after?.id, limit: f.limit + 1 };
  const total = (db.prepare(`SELECT count(*) AS n FROM sessions s WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
  const page = f.after ? [...where, '(s.session_date < @afterDate OR (s.session_date = @afterDate AND s.id < @afterId))'] : where;
  const rows = db
    .prepare<typeof params, SessionRow>(`${sessionViewSelect} WHERE ${page.join(' AND ')} ORDER BY s.session_date DESC, s.id DESC LIMIT @limit`)
    .all(params);
  const hasMore = rows.length > f.limit;
  const shown = (hasMore ? rows.slice(0, f.limit) : rows).map(toSessionView);
  const last = shown.at(-1);
  return { sessions: shown, next: hasMore && last ? { sessionDate: last.sessionDate, id: last.id } : null, total };
}

/** The period a date falls in: the date itself, the Monday of its ISO week, or its month. */
export function periodOf(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return date.slice(0, 7);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Every period key from `from` to `to`, so charts show empty periods as zero rather than skipping them. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const keys: string[] = [];
  let cursor = periodOf(from, granularity);
  const last = periodOf(to, granularity);
  while (cursor <= last) {
    keys.push(cursor);
    cursor = granularity === 'day' ? addDays(cursor, 1) : granularity === 'week' ? addDays(cursor, 7) : nextMonth(cursor);
  }
  return keys;
}

function nextMonth(yyyyMm: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * SQL that names the period of a date column, as far as SQL cheaply can: the month for monthly series (so a year
 * of days comes back as twelve rows), else the date itself, which periodOf then maps to its week.
 */
export function periodKeySql(column: string, granularity: Granularity): string {
  return granularity === 'month' ? `substr(${column}, 1, 7)` : column;
}

export function sessionCounts(db: Database, from: string, to: string, granularity: Granularity): CountBucket[] {
  const rows = db
    .prepare<{ from: string; to: string }, { period: string; kind: SessionKind; therapist_id: number; n: number }>(
      `SELECT ${periodKeySql('session_date', granularity)} AS period, kind, therapist_id, sum(sessions) AS n FROM session_day_counts
       WHERE session_date >= @from AND session_date <= @to AND sessions > 0
       GROUP BY 1, kind, therapist_id`,
    )
    .all({ from, to });
  const buckets = new Map(periodsBetween(from, to, granularity).map((p) => [p, { period: p, total: 0, planOfCare: 0, selfPay: 0, byTherapist: {} as Record<string, number> }]));
  for (const r of rows) {
    const bucket = buckets.get(periodOf(r.period, granularity));
    if (!bucket) continue;
    bucket.total += r.n;
    if (r.kind === 'self_pay') bucket.selfPay += r.n;
    else bucket.planOfCare += r.n;
    const key = String(r.therapist_id);
    bucket.byTherapist[key] = (bucket.byTherapist[key] ?? 0) + r.n;
  }
  return [...buckets.values()];
}

interface PainRow {
  session_date: string;
  therapist_id: number;
  therapist_name: string;
  body_regions_json: string;
  pain_before: number;
  pain_after: number;
}

function summarise(key: string, label: string, rows: PainRow[]): EffectivenessGroup {
  const n = rows.length;
  const sumBefore = rows.reduce((s, r) => s + r.pain_before, 0);
  const sumAfter = rows.reduce((s, r) => s + r.pain_after, 0);
  const improved = rows.filter((r) => r.pain_before - r.pain_after >= 2).length;
  return {
    key,
    label,
    sessions: n,
    meanBefore: n ? sumBefore / n : 0,
    meanAfter: n ? sumAfter / n : 0,
    meanChange: n ? (sumAfter - sumBefore) / n : 0,
    improvedShare: n ? improved / n : 0,
  };
}

export function effectivenessReport(db: Database, f: { from: string; to: string; therapistId?: number | undefined; granularity: 'week' | 'month' }): EffectivenessReport {
  const rows = db
    .prepare<Record<string, unknown>, PainRow>(
      `SELECT s.session_date, s.therapist_id, t.name AS therapist_name, s.body_regions_json, s.pain_before, s.pain_after
       FROM sessions s JOIN staff t ON t.id = s.therapist_id
       WHERE s.session_date >= @from AND s.session_date <= @to AND s.status = 'recorded'
         ${f.therapistId !== undefined ? 'AND s.therapist_id = @therapistId' : ''}`,
    )
    .all(f);
  const group = <K>(key: (r: PainRow) => K[]) => {
    const map = new Map<K, PainRow[]>();
    for (const r of rows) for (const k of key(r)) map.set(k, [...(map.get(k) ?? []), r]);
    return map;
  };
  const byRegion = [...group((r) => JSON.parse(r.body_regions_json) as BodyRegion[])].map(([region, list]) => summarise(region, bodyRegionLabels[region] ?? region, list));
  const byTherapist = [...group((r) => [r.therapist_id])].map(([id, list]) => summarise(String(id), list[0]?.therapist_name ?? String(id), list));
  const byPeriodMap = group((r) => [periodOf(r.session_date, f.granularity)]);
  const byPeriod = periodsBetween(f.from, f.to, f.granularity).map((p) => summarise(p, p, byPeriodMap.get(p) ?? []));
  return {
    from: f.from,
    to: f.to,
    overall: summarise('all', 'All sessions', rows),
    byRegion: byRegion.sort((a, b) => b.sessions - a.sessions),
    byTherapist: byTherapist.sort((a, b) => a.label.localeCompare(b.label)),
    byPeriod,
  };
}

export function sessionFormDefaults(db: Database, kind: SessionKind, date: string): SessionFormDefaults {
  const kit = listKitLines(db)
    .filter((line) => line.sessionKind === kind)
    .map((line) => {
      const lot = fefoLot(db, line.itemId, date);
      const row = lot ? findLotRow(db, lot.id) : undefined;
      const problem = !lot ? `No usable stock of ${line.itemName}.` : row ? whyLotUnusable(row, date) : null;
      return { ...line, lotId: lot?.id ?? null, lotNumber: lot?.lotNumber ?? null, problem };
    });
  const needleItems = listItems(db, false)
    .filter((i) => i.kind === 'needle')
    .map((i) => {
      const lot = fefoLot(db, i.id, date);
      return { itemId: i.id, itemName: i.name, lotId: lot?.id ?? null, lotNumber: lot?.lotNumber ?? null, expiryDate: lot?.expiryDate ?? null, onHand: lot?.onHand ?? 0 };
    });
  const therapists = listStaff(db, false)
    .filter((s) => s.role === 'therapist' || s.role === 'manager')
    .map((s) => ({ id: s.id, name: s.name }));
  return { kind, date, priceCents: kind === 'self_pay' ? selfPayPriceOn(db, date) : 0, kit, needleItems, therapists };
}
