// Recomputes every maintained summary table from the records it sums, for tests that prove them equal.
import type { Database } from 'better-sqlite3';

type Row = Record<string, number | string>;

function rows(db: Database, sql: string): Row[] {
  return (db.prepare(sql).all() as Row[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v])));
}

export function summaryMismatches(db: Database): Record<string, { maintained: Row[]; recomputed: Row[] }> {
  const pairs: Record<string, [string, string]> = {
    session_day_counts: [
      'SELECT session_date, kind, therapist_id, sessions, needles FROM session_day_counts WHERE sessions <> 0 OR needles <> 0 ORDER BY 1, 2, 3',
      `SELECT session_date, kind, therapist_id, count(*) AS sessions, sum(needles_opened) AS needles FROM sessions
       WHERE status = 'recorded' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ],
    revenue_days: [
      'SELECT session_date, visits, earned_cents FROM revenue_days WHERE visits <> 0 OR abs(earned_cents) > 0.0001 ORDER BY 1',
      'SELECT session_date, sum(visits) AS visits, sum(earned_cents) AS earned_cents FROM session_earnings WHERE visits > 0 GROUP BY 1 ORDER BY 1',
    ],
    supply_cost_days: [
      'SELECT session_date, kind, cost_cents FROM supply_cost_days WHERE abs(cost_cents) > 0.0001 ORDER BY 1, 2',
      `SELECT s.session_date, s.kind, sum(-m.quantity * m.unit_cost_cents) AS cost_cents
       FROM sessions s JOIN stock_movements m ON m.session_id = s.id AND m.kind = 'use'
       WHERE s.status = 'recorded' AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_movement_id = m.id)
       GROUP BY 1, 2 HAVING abs(sum(-m.quantity * m.unit_cost_cents)) > 0.0001 ORDER BY 1, 2`,
    ],
    payment_days: [
      'SELECT paid_on, kind, amount_cents FROM payment_days WHERE amount_cents <> 0 ORDER BY 1, 2',
      `SELECT paid_on, kind, sum(amount_cents) AS amount_cents FROM payments WHERE status = 'recorded' GROUP BY 1, 2 ORDER BY 1, 2`,
    ],
    item_day_use: [
      'SELECT item_id, occurred_on, used FROM item_day_use WHERE used <> 0 ORDER BY 1, 2',
      `SELECT m.item_id, m.occurred_on, -sum(m.quantity) AS used FROM stock_movements m LEFT JOIN stock_movements o ON o.id = m.reverses_movement_id
       WHERE m.kind = 'use' OR (m.kind = 'reverse' AND o.kind = 'use') GROUP BY 1, 2 HAVING -sum(m.quantity) <> 0 ORDER BY 1, 2`,
    ],
  };
  const mismatches: Record<string, { maintained: Row[]; recomputed: Row[] }> = {};
  for (const [table, [maintainedSql, recomputedSql]] of Object.entries(pairs)) {
    const maintained = rows(db, maintainedSql);
    const recomputed = rows(db, recomputedSql);
    if (JSON.stringify(maintained) !== JSON.stringify(recomputed)) mismatches[table] = { maintained, recomputed };
  }
  return mismatches;
}
