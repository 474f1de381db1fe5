// SQL for exposure control plan reviews, and the yearly needling-session count behind the injury rate.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';

export interface PlanReviewRow {
  id: number;
  reviewed_on: string;
  reviewer: string;
  changes: string;
  safer_devices_considered: string;
  is_frontline_consulted: number;
  frontline_names: string;
  recorded_at: string;
  recorded_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

const reviewSelect = `SELECT r.id, r.reviewed_on, r.reviewer, r.changes, r.safer_devices_considered, r.is_frontline_consulted,
    r.frontline_names, r.recorded_at, s.name AS recorded_by_name, r.voided_at, r.void_reason
  FROM ecp_reviews r JOIN staff s ON s.id = r.recorded_by`;

const statements = statementsFor((db) => ({
  byId: db.prepare<[number], PlanReviewRow>(`${reviewSelect} WHERE r.id = ?`),
  list: db.prepare<[number], PlanReviewRow>(`${reviewSelect} WHERE ? = 1 OR r.voided_at IS NULL ORDER BY r.reviewed_on DESC, r.id DESC`),
  last: db.prepare<[], { reviewed_on: string }>('SELECT max(reviewed_on) AS reviewed_on FROM ecp_reviews WHERE voided_at IS NULL'),
  countBetween: db.prepare<{ from: string; to: string }, { n: number; last_on: string | null }>(
    'SELECT count(*) AS n, max(reviewed_on) AS last_on FROM ecp_reviews WHERE voided_at IS NULL AND reviewed_on >= @from AND reviewed_on <= @to',
  ),
  insert: db.prepare(
    `INSERT INTO ecp_reviews (reviewed_on, reviewer, changes, safer_devices_considered, is_frontline_consulted, frontline_names, recorded_at, recorded_by)
     VALUES (@reviewedOn, @reviewer, @changes, @saferDevicesConsidered, @isFrontlineConsulted, @frontlineNames, @now, @by)`,
  ),
  void: db.prepare('UPDATE ecp_reviews SET voided_at = @now, voided_by = @by, void_reason = @reason WHERE id = @id'),
  sessionsInYear: db.prepare<{ year: string }, { n: number }>(
    "SELECT count(*) AS n FROM sessions WHERE status = 'recorded' AND session_date >= @year || '-01-01' AND session_date <= @year || '-12-31'",
  ),
}));

export function findPlanReviewRow(db: Database, id: number): PlanReviewRow | undefined {
  return statements(db).byId.get(id);
}

export function listPlanReviewRows(db: Database, includeVoided: boolean): PlanReviewRow[] {
  return statements(db).list.all(includeVoided ? 1 : 0);
}

export function lastPlanReviewOn(db: Database): string | null {
  return statements(db).last.get()?.reviewed_on ?? null;
}

export function planReviewsBetween(db: Database, from: string, to: string): { n: number; last_on: string | null } {
  return statements(db).countBetween.get({ from, to }) ?? { n: 0, last_on: null };
}

export function insertPlanReview(
  db: Database,
  values: { reviewedOn: string; reviewer: string; changes: string; saferDevicesConsidered: string; isFrontlineConsulted: 0 | 1; frontlineNames: string; now: string; by: number },
): number {
  return Number(statements(db).insert.run(values).lastInsertRowid);
}

export function voidPlanReviewRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).void.run(values);
}

/** Recorded (not voided) dry-needling sessions in a calendar year: the denominator of the injury rate. */
export function countSessionsInYear(db: Database, year: number): number {
  return statements(db).sessionsInYear.get({ year: String(year) })?.n ?? 0;
}
