// Figure 1: everything the Dashboard shows, through the dispatcher, against the shortest hand-written SQL.
import type { Database } from 'better-sqlite3';
import { dispatch } from '../../db/api/dispatch';
import { addDays } from '../../db/clinic/business-time';
import { twelveMonthsFrom } from '../../db/dashboard/dashboard-handlers';
import { openBenchEnvironment } from '../bench-environment';
import { medianOf, round, type FigureResult } from '../measure';

/** The Dashboard's numbers in plain SQL: counts, twelve months of revenue with the year before, alerts. */
function dashboardBySql(db: Database, today: string): unknown[] {
  const from = twelveMonthsFrom(today);
  const priorFrom = `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`;
  const priorTo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const q = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
  const monthEnds = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) + i, 0));
    return d.toISOString().slice(0, 10);
  });
  return [
    q(`SELECT count(*) FROM sessions WHERE status = 'recorded' AND session_date = ?`, today),
    q(`SELECT count(*) FROM sessions WHERE status = 'recorded' AND session_date BETWEEN ? AND ?`, addDays(today, -6), today),
    q(
      `SELECT substr(session_date, 1, 7), kind, therapist_id, count(*), sum(needles_opened) FROM sessions
       WHERE status = 'recorded' AND session_date BETWEEN ? AND ? GROUP BY 1, 2, 3`,
      from,
      today,
    ),
    ...[[from, today], [priorFrom, priorTo]].map(([a, b]) =>
      q(
        `SELECT substr(s.session_date, 1, 7), count(*),
                sum(CASE WHEN k.id IS NULL THEN s.price_cents ELSE 1.0 * k.price_cents / k.visits_total END)
         FROM sessions s LEFT JOIN package_uses u ON u.session_id = s.id AND u.status = 'active' LEFT JOIN packages k ON k.id = u.package_id
         WHERE s.kind = 'self_pay' AND s.status = 'recorded' AND s.session_date BETWEEN ? AND ? GROUP BY 1`,
        a,
        b,
      ),
    ),
    q(`SELECT substr(paid_on, 1, 7), kind, sum(amount_cents) FROM payments WHERE status = 'recorded' AND paid_on BETWEEN ? AND ? GROUP BY 1, 2`, from, today),
    q(
      `SELECT substr(s.session_date, 1, 7), s.kind, sum(-m.quantity * 1.0 * l.received_cost_cents / l.received_quantity)
       FROM sessions s JOIN stock_movements m ON m.session_id = s.id AND m.kind = 'use' JOIN stock_lots l ON l.id = m.lot_id
       WHERE s.status = 'recorded' AND s.session_date BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_movement_id = m.id)
       GROUP BY 1, 2`,
      from,
      today,
    ),
    ...monthEnds.map((end) =>
      q(
        `SELECT sum((k.visits_total - (SELECT count(*) FROM package_uses u WHERE u.package_id = k.id AND u.status = 'active' AND u.used_on <= ?))
                * 1.0 * k.price_cents / k.visits_total) FROM packages k WHERE k.status = 'active' AND k.sold_on <= ?`,
        end,
        end,
      ),
    ),
    q(`SELECT l.id, l.expiry_date, l.on_hand FROM stock_lots l WHERE l.on_hand > 0 AND l.status <> 'destroyed' AND l.expiry_date <= ?`, addDays(today, 90)),
    q(
      `SELECT i.id, i.reorder_point, i.par_level, coalesce(sum(l.on_hand), 0) FROM stock_items i
       LEFT JOIN stock_lots l ON l.item_id = i.id AND l.status = 'available' AND l.on_hand > 0 AND (l.expiry_date IS NULL OR l.expiry_date >= ?)
       WHERE i.is_active = 1 GROUP BY i.id`,
      today,
    ),
    q(
      `SELECT m.item_id, -sum(m.quantity) FROM stock_movements m LEFT JOIN stock_movements o ON o.id = m.reverses_movement_id
       WHERE m.occurred_on > ? AND m.occurred_on <= ? AND (m.kind = 'use' OR (m.kind = 'reverse' AND o.kind = 'use')) GROUP BY m.item_id`,
      addDays(today, -90),
      today,
    ),
  ];
}

export async function benchDashboard(path: string, runs: number): Promise<FigureResult> {
  const env = openBenchEnvironment(path);
  try {
    const first = await dispatch(env, 'dashboard.summary', {});
    if (!first.ok) throw new Error(`dashboard.summary failed: ${first.error.message}`);
    const today = (first.value as { today: string }).today;
    const api = await medianOf(runs, async () => {
      const result = await dispatch(env, 'dashboard.summary', {});
      if (!result.ok) throw new Error(result.error.message);
    });
    const sql = await medianOf(runs, () => env.db.transaction(() => dashboardBySql(env.db, today)).deferred());
    const ratio = api.medianMs / sql.medianMs;
    return {
      figure: '1. Dashboard (dispatcher)',
      value: round(api.medianMs, 2),
      unit: 'ms',
      baseline: round(sql.medianMs, 2),
      baselineLabel: 'hand-written SQL, ms',
      ratio: round(ratio, 2),
      target: '≤ 25 ms and ≤ 1.5×',
      pass: api.medianMs <= 25 && ratio <= 1.5,
    };
  } finally {
    env.db.close();
  }
}
