// SQL for prices, good-faith estimates, packages, payments and day closes.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';

const statements = statementsFor((db) => ({
  priceOn: db.prepare<[string], { price_cents: number }>(
    "SELECT price_cents FROM prices WHERE session_kind = 'self_pay' AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
  ),
  dayClosed: db.prepare<[string], { business_date: string }>('SELECT business_date FROM day_closes WHERE business_date = ?'),
  gfeOn: db.prepare<[string, string, string], { id: number; given_on: string; amount_cents: number; valid_until: string }>(
    `SELECT id, given_on, amount_cents, valid_until FROM good_faith_estimates
     WHERE chart_number = ? AND given_on <= ? AND valid_until >= ? ORDER BY given_on DESC LIMIT 1`,
  ),
  packagesOf: db.prepare<[string], { id: number; name: string; visits_total: number; used: number; price_cents: number; sold_on: string }>(
    `SELECT p.id, p.name, p.visits_total, p.price_cents, p.sold_on,
       (SELECT count(*) FROM package_uses u WHERE u.package_id = p.id AND u.status = 'active') AS used
     FROM packages p WHERE p.chart_number = ? AND p.status = 'active' ORDER BY p.sold_on, p.id`,
  ),
  packageUseOfSession: db.prepare<[number], { id: number; package_id: number }>(
    "SELECT id, package_id FROM package_uses WHERE session_id = ? AND status = 'active'",
  ),
  netPaidForSession: db.prepare<[number], { net: number }>(
    `SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount_cents ELSE -amount_cents END), 0) AS net
     FROM payments WHERE session_id = ? AND status = 'recorded'`,
  ),
}));

/** The self-pay price in force on a date (the newest price effective on or before it). */
export function selfPayPriceOn(db: Database, date: string): number {
  return statements(db).priceOn.get(date)?.price_cents ?? 0;
}

export function isDayClosed(db: Database, date: string): boolean {
  return statements(db).dayClosed.get(date) !== undefined;
}

export function goodFaithEstimateOn(db: Database, chartNumber: string, date: string) {
  const row = statements(db).gfeOn.get(chartNumber, date, date);
  return row ? { id: row.id, givenOn: row.given_on, amountCents: row.amount_cents, validUntil: row.valid_until } : null;
}

export function activePackagesOf(db: Database, chartNumber: string) {
  return statements(db)
    .packagesOf.all(chartNumber)
    .map((p) => ({ id: p.id, name: p.name, visitsTotal: p.visits_total, visitsLeft: p.visits_total - p.used, priceCents: p.price_cents, soldOn: p.sold_on }));
}

export function packageUseOfSession(db: Database, sessionId: number): { id: number; packageId: number } | null {
  const row = statements(db).packageUseOfSession.get(sessionId);
  return row ? { id: row.id, packageId: row.package_id } : null;
}

export function netPaidForSession(db: Database, sessionId: number): number {
  return statements(db).netPaidForSession.get(sessionId)?.net ?? 0;
}
