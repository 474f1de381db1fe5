// Figure 1: everything the Dashboard shows, through the dispatcher, against the shortest hand-written SQL.
import type { Database } from 'better-sqlite3';
import { dispatch } from '../../db/api/dispatch';
import { addDays } from '../../db/clinic/business-time';
import { twelveMonthsFrom } from '../../db/dashboard/dashboard-handlers';
import { periodOf } from '../../db/sessions/sessions-queries';
import { openBenchEnvironment } from '../bench-environment';
import { medianOf, round, type FigureResult } from '../measure';

/**
 * The Dashboard's numbers in plain SQL over the raw tables: counts, twelve months of revenue with the year before,
 * stock alerts, the records the compliance calendar is built from, and the backup status. No more and no less
 * than dashboard.summary shows; the date arithmetic of the calendar is left out of both sides' SQL.
 */
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
    // "This week" is the ISO week so far, from its Monday.
    q(`SELECT count(*) FROM sessions WHERE status = 'recorded' AND session_date BETWEEN ? AND ?`, periodOf(today, 'week'), today),
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
    // Every stocked lot: the expired and expiring ones, and the usable ones FEFO projects against the use rate.
    q(
      `SELECT l.id, l.item_id, i.name, i.unit, l.lot_number, l.expiry_date, l.status, l.on_hand, l.received_cost_cents, l.received_quantity
       FROM stock_lots l JOIN stock_items i ON i.id = l.item_id WHERE l.on_hand > 0 AND l.status <> 'destroyed'`,
    ),
    q(
      `SELECT i.id, i.reorder_point, i.par_level, i.units_per_pack, coalesce(sum(l.on_hand), 0) FROM stock_items i
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
    // The compliance calendar's records.
    q(`SELECT key, value_json FROM settings`),
    q(
      `SELECT t.id, t.cadence, t.window_days, t.starts_on, t.counts_from, o.period_start, o.due_on, o.status, o.late_done_on
       FROM compliance_tasks t LEFT JOIN compliance_task_occurrences o ON o.task_id = t.id WHERE t.is_active = 1`,
    ),
    q(
      `SELECT c.id, c.room, c.capacity_needles, c.placed_in_service_on, c.sealed_on, k.checked_on, k.level, k.is_upright_and_closed,
              (SELECT sum(s.needles_disposed) FROM sessions s WHERE s.sharps_container_id = c.id AND s.status = 'recorded'),
              (SELECT sum(s.needles_disposed) FROM sessions s WHERE s.sharps_container_id = c.id AND s.status = 'recorded' AND s.session_date > ?)
       FROM sharps_containers c
       LEFT JOIN sharps_container_checks k ON k.id = (SELECT id FROM sharps_container_checks WHERE container_id = c.id AND voided_at IS NULL ORDER BY checked_on DESC, id DESC LIMIT 1)
       WHERE c.voided_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM sharps_pickup_containers pc JOIN sharps_pickups p ON p.id = pc.pickup_id WHERE pc.container_id = c.id AND p.voided_at IS NULL)`,
      addDays(today, -30),
    ),
    q(
      `SELECT trim(room), count(*), max(session_date) FROM sessions WHERE status = 'recorded' AND trim(room) <> '' AND session_date > ? AND session_date <= ?
       GROUP BY trim(room) COLLATE NOCASE`,
      addDays(today, -30),
      today,
    ),
    q(`SELECT id, picked_up_on FROM sharps_pickups WHERE voided_at IS NULL AND certificate_reference IS NULL`),
    q(
      `SELECT s.id, s.role, s.created_at, max(t.trained_on) FROM staff s
       LEFT JOIN bbp_training_attendees a ON a.staff_id = s.id LEFT JOIN bbp_trainings t ON t.id = a.training_id AND t.voided_at IS NULL
       WHERE s.is_active = 1 GROUP BY s.id`,
    ),
    q(`SELECT staff_id, offered_on, response, is_declination_signed FROM hbv_vaccination_offers`),
    q(`SELECT max(reviewed_on) FROM ecp_reviews WHERE voided_at IS NULL`),
    q(
      `SELECT c.staff_id, c.hours, c.completed_on, c.expires_on, p.* FROM dn_credentials c LEFT JOIN dn_state_profiles p ON p.state = c.state
       WHERE c.voided_at IS NULL`,
    ),
    q(`SELECT id, source, session_id, aware_on, deadline_on, reportable FROM mdr_evaluations WHERE voided_at IS NULL AND reported_on IS NULL AND reportable IN ('undecided', 'yes')`),
    q(
      `SELECT s.id, s.session_date FROM sessions s WHERE s.status = 'recorded' AND s.adverse_event <> 'none'
         AND NOT EXISTS (SELECT 1 FROM mdr_evaluations m WHERE m.session_id = s.id AND m.source = 'adverse_event' AND m.voided_at IS NULL)`,
    ),
    q(`SELECT substr(event_on, 1, 4), count(*) FROM mdr_evaluations WHERE voided_at IS NULL AND reportable = 'yes' GROUP BY 1`),
    q(`SELECT year, submitted_on FROM mdr_annual_reports`),
    // The backup status.
    q(`SELECT * FROM backups WHERE status = 'ok' ORDER BY created_at DESC LIMIT 1`),
    q(`SELECT * FROM backups ORDER BY created_at DESC LIMIT 1`),
    q(`SELECT * FROM backup_drills ORDER BY ran_at DESC LIMIT 1`),
    q(`SELECT at FROM audit_events WHERE action = 'restore' AND entity_type = 'clinic_file' ORDER BY seq DESC LIMIT 1`),
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
