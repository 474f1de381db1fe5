// SQL for MDR evaluations (21 CFR 803.18 event files) and the annual user-facility reports (803.33).
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';
import type { MdrSource, NeedleDefect, ReportableAnswer } from './mdr-contract';

export interface MdrRow {
  id: number;
  source: MdrSource;
  session_id: number | null;
  adverse_event: string | null;
  lot_id: number | null;
  lot_number: string | null;
  item_name: string | null;
  defect: NeedleDefect | null;
  event_on: string;
  summary: string;
  aware_on: string;
  deadline_on: string;
  reportable: ReportableAnswer;
  reasoning: string;
  decided_on: string | null;
  decided_by_name: string | null;
  reported_on: string | null;
  reported_to: string | null;
  report_reference: string | null;
  recorded_at: string;
  recorded_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

const mdrSelect = `SELECT m.id, m.source, m.session_id, se.adverse_event, m.lot_id, l.lot_number, i.name AS item_name, m.defect, m.event_on,
    m.summary, m.aware_on, m.deadline_on, m.reportable, m.reasoning, m.decided_on, d.name AS decided_by_name, m.reported_on,
    m.reported_to, m.report_reference, m.recorded_at, r.name AS recorded_by_name, m.voided_at, m.void_reason
  FROM mdr_evaluations m JOIN staff r ON r.id = m.recorded_by LEFT JOIN staff d ON d.id = m.decided_by
  LEFT JOIN sessions se ON se.id = m.session_id
  LEFT JOIN stock_lots l ON l.id = m.lot_id LEFT JOIN stock_items i ON i.id = l.item_id`;

const statements = statementsFor((db) => ({
  byId: db.prepare<[number], MdrRow>(`${mdrSelect} WHERE m.id = ?`),
  list: db.prepare<[number], MdrRow>(`${mdrSelect} WHERE ? = 1 OR m.voided_at IS NULL ORDER BY m.aware_on DESC, m.id DESC`),
  needingAction: db.prepare<[], MdrRow>(
    `${mdrSelect} WHERE m.voided_at IS NULL AND m.reported_on IS NULL AND m.reportable IN ('undecided', 'yes') ORDER BY m.aware_on DESC, m.id DESC`,
  ),
  liveForSession: db.prepare<[number], { id: number }>(
    "SELECT id FROM mdr_evaluations WHERE session_id = ? AND source = 'adverse_event' AND voided_at IS NULL",
  ),
  session: db.prepare<[number], { id: number; session_date: string; adverse_event: string; status: string }>(
    'SELECT id, session_date, adverse_event, status FROM sessions WHERE id = ?',
  ),
  insert: db.prepare(
    `INSERT INTO mdr_evaluations (source, session_id, lot_id, defect, event_on, summary, aware_on, deadline_on, recorded_at, recorded_by)
     VALUES (@source, @sessionId, @lotId, @defect, @eventOn, @summary, @awareOn, @deadlineOn, @now, @by)`,
  ),
  decide: db.prepare(
    'UPDATE mdr_evaluations SET reportable = @reportable, reasoning = @reasoning, decided_on = @decidedOn, decided_by = @by WHERE id = @id',
  ),
  report: db.prepare('UPDATE mdr_evaluations SET reported_on = @reportedOn, reported_to = @reportedTo, report_reference = @reference WHERE id = @id'),
  void: db.prepare('UPDATE mdr_evaluations SET voided_at = @now, voided_by = @by, void_reason = @reason WHERE id = @id'),
  unevaluated: db.prepare<[], { session_id: number; session_date: string; adverse_event: string }>(
    `SELECT s.id AS session_id, s.session_date, s.adverse_event FROM sessions s
     WHERE s.status = 'recorded' AND s.adverse_event <> 'none'
       AND NOT EXISTS (SELECT 1 FROM mdr_evaluations m WHERE m.session_id = s.id AND m.source = 'adverse_event' AND m.voided_at IS NULL)
     ORDER BY s.session_date, s.id`,
  ),
  unevaluatedCounts: db.prepare<[], { events: number; evaluated: number }>(
    `SELECT (SELECT count(*) FROM sessions WHERE adverse_event <> 'none' AND status = 'recorded') AS events,
            (SELECT count(*) FROM mdr_evaluations m JOIN sessions s ON s.id = m.session_id
             WHERE m.source = 'adverse_event' AND m.voided_at IS NULL AND s.status = 'recorded' AND s.adverse_event <> 'none') AS evaluated`,
  ),
  reportableByYear: db.prepare<[], { year: number; n: number }>(
    `SELECT CAST(substr(event_on, 1, 4) AS INTEGER) AS year, count(*) AS n FROM mdr_evaluations
     WHERE voided_at IS NULL AND reportable = 'yes' GROUP BY year ORDER BY year DESC`,
  ),
  annualReports: db.prepare<[], { year: number; submitted_on: string; reference: string }>(
    'SELECT year, submitted_on, reference FROM mdr_annual_reports ORDER BY year DESC',
  ),
  annualReport: db.prepare<[number], { year: number; submitted_on: string; reference: string }>(
    'SELECT year, submitted_on, reference FROM mdr_annual_reports WHERE year = ?',
  ),
  insertAnnual: db.prepare(
    'INSERT INTO mdr_annual_reports (year, submitted_on, reference, recorded_at, recorded_by) VALUES (@year, @submittedOn, @reference, @now, @by)',
  ),
}));

export function findMdrRow(db: Database, id: number): MdrRow | undefined {
  return statements(db).byId.get(id);
}

export function listMdrRows(db: Database, includeVoided: boolean): MdrRow[] {
  return statements(db).list.all(includeVoided ? 1 : 0);
}

/** Open evaluations and reportable ones not yet reported: what the calendar lists (a clinic holds thousands decided). */
export function listMdrRowsNeedingAction(db: Database): MdrRow[] {
  return statements(db).needingAction.all();
}

export function liveEvaluationOfSession(db: Database, sessionId: number): number | null {
  return statements(db).liveForSession.get(sessionId)?.id ?? null;
}

export function findSessionForMdr(db: Database, sessionId: number) {
  return statements(db).session.get(sessionId);
}

export function insertMdr(
  db: Database,
  values: {
    source: MdrSource;
    sessionId: number | null;
    lotId: number | null;
    defect: NeedleDefect | null;
    eventOn: string;
    summary: string;
    awareOn: string;
    deadlineOn: string;
    now: string;
    by: number;
  },
): number {
  return Number(statements(db).insert.run(values).lastInsertRowid);
}

export function decideMdrRow(db: Database, values: { id: number; reportable: 'yes' | 'no'; reasoning: string; decidedOn: string; by: number }): void {
  statements(db).decide.run(values);
}

export function reportMdrRow(db: Database, values: { id: number; reportedOn: string; reportedTo: string; reference: string }): void {
  statements(db).report.run(values);
}

export function voidMdrRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).void.run(values);
}

export function listUnevaluatedSessions(db: Database) {
  // Sessions open their own evaluation, so this is almost always empty: two index counts say so cheaply
  // before the per-session search (14,000 adverse events in a busy clinic's ten years).
  const s = statements(db);
  const counts = s.unevaluatedCounts.get();
  if (counts && counts.events === counts.evaluated) return [];
  return s.unevaluated.all();
}

export function reportableCountsByYear(db: Database): Map<number, number> {
  return new Map(statements(db).reportableByYear.all().map((r) => [r.year, r.n]));
}

export function listAnnualReports(db: Database) {
  return statements(db).annualReports.all();
}

export function findAnnualReport(db: Database, year: number) {
  return statements(db).annualReport.get(year);
}

export function insertAnnualReport(db: Database, values: { year: number; submittedOn: string; reference: string; now: string; by: number }): void {
  statements(db).insertAnnual.run(values);
}
