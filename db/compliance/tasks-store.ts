// SQL for recurring compliance tasks and their recorded occurrences (done or missed).
import type { Database } from 'better-sqlite3';
import type { StaffRole } from '../api/roles';
import { statementsFor } from '../sql/statement-cache';
import type { Cadence, TaskEvidence } from './tasks-contract';

export interface TaskRow {
  id: number;
  title: string;
  description: string;
  cadence: Cadence;
  window_days: number | null;
  starts_on: string | null;
  counts_from: string | null;
  owner_role: StaffRole | null;
  owner_staff_id: number | null;
  owner_name: string | null;
  evidence: TaskEvidence | null;
  is_default: number;
  is_active: number;
}

export interface OccurrenceRow {
  id: number;
  task_id: number;
  period_start: string;
  due_on: string;
  status: 'done' | 'missed';
  done_on: string | null;
  done_by_name: string | null;
  evidence: string;
  note: string;
  late_done_on: string | null;
  late_note: string | null;
}

const taskSelect = `SELECT t.id, t.title, t.description, t.cadence, t.window_days, t.starts_on, t.counts_from, t.owner_role, t.owner_staff_id,
    s.name AS owner_name, t.evidence, t.is_default, t.is_active
  FROM compliance_tasks t LEFT JOIN staff s ON s.id = t.owner_staff_id`;

const occurrenceSelect = `SELECT o.id, o.task_id, o.period_start, o.due_on, o.status, o.done_on, s.name AS done_by_name, o.evidence, o.note,
    o.late_done_on, o.late_note
  FROM compliance_task_occurrences o LEFT JOIN staff s ON s.id = o.done_by`;

const statements = statementsFor((db) => ({
  byId: db.prepare<[number], TaskRow>(`${taskSelect} WHERE t.id = ?`),
  list: db.prepare<[number], TaskRow>(`${taskSelect} WHERE t.is_active >= ? ORDER BY t.is_active DESC, t.cadence = 'weekly' DESC, t.cadence = 'monthly' DESC, t.title`),
  insert: db.prepare(
    `INSERT INTO compliance_tasks (title, description, cadence, window_days, starts_on, counts_from, owner_role, owner_staff_id, evidence,
       is_default, is_active, created_at, updated_at)
     VALUES (@title, @description, @cadence, @windowDays, @startsOn, @countsFrom, @ownerRole, @ownerStaffId, NULL, 0, 1, @now, @now)`,
  ),
  update: db.prepare(
    `UPDATE compliance_tasks SET title = @title, description = @description, window_days = @windowDays, owner_role = @ownerRole,
       owner_staff_id = @ownerStaffId, is_active = @isActive, counts_from = @countsFrom, updated_at = @now
     WHERE id = @id`,
  ),
  startSchedule: db.prepare('UPDATE compliance_tasks SET starts_on = @startsOn, counts_from = @startsOn, updated_at = @now WHERE id = @id'),
  occurrenceById: db.prepare<[number], OccurrenceRow>(`${occurrenceSelect} WHERE o.id = ?`),
  occurrenceOf: db.prepare<[number, string], OccurrenceRow>(`${occurrenceSelect} WHERE o.task_id = ? AND o.period_start = ?`),
  occurrences: db.prepare<[number], OccurrenceRow>(`${occurrenceSelect} WHERE o.task_id = ? ORDER BY o.period_start DESC`),
  periodStarts: db.prepare<[number], { period_start: string }>('SELECT period_start FROM compliance_task_occurrences WHERE task_id = ?'),
  insertOccurrence: db.prepare(
    `INSERT INTO compliance_task_occurrences (task_id, period_start, due_on, status, done_on, done_by, evidence, note, recorded_at)
     VALUES (@taskId, @periodStart, @dueOn, @status, @doneOn, @doneBy, @evidence, @note, @now)`,
  ),
  completeLate: db.prepare('UPDATE compliance_task_occurrences SET late_done_on = @doneOn, late_done_by = @by, late_note = @note WHERE id = @id'),
}));

export function findTaskRow(db: Database, id: number): TaskRow | undefined {
  return statements(db).byId.get(id);
}

export function listTaskRows(db: Database, includeInactive: boolean): TaskRow[] {
  return statements(db).list.all(includeInactive ? 0 : 1);
}

export function insertTask(
  db: Database,
  values: {
    title: string;
    description: string;
    cadence: Cadence;
    windowDays: number | null;
    startsOn: string;
    countsFrom: string;
    ownerRole: StaffRole | null;
    ownerStaffId: number | null;
    now: string;
  },
): number {
  return Number(statements(db).insert.run(values).lastInsertRowid);
}

export function updateTaskRow(
  db: Database,
  values: { id: number; title: string; description: string; windowDays: number | null; ownerRole: StaffRole | null; ownerStaffId: number | null; isActive: 0 | 1; countsFrom: string | null; now: string },
): void {
  statements(db).update.run(values);
}

export function startTaskSchedule(db: Database, id: number, startsOn: string, now: string): void {
  statements(db).startSchedule.run({ id, startsOn, now });
}

export function findOccurrenceRow(db: Database, id: number): OccurrenceRow | undefined {
  return statements(db).occurrenceById.get(id);
}

export function findOccurrenceOfPeriod(db: Database, taskId: number, periodStart: string): OccurrenceRow | undefined {
  return statements(db).occurrenceOf.get(taskId, periodStart);
}

export function listOccurrenceRows(db: Database, taskId: number): OccurrenceRow[] {
  return statements(db).occurrences.all(taskId);
}

export function recordedPeriodStarts(db: Database, taskId: number): Set<string> {
  return new Set(statements(db).periodStarts.all(taskId).map((r) => r.period_start));
}

export function insertOccurrence(
  db: Database,
  values: { taskId: number; periodStart: string; dueOn: string; status: 'done' | 'missed'; doneOn: string | null; doneBy: number | null; evidence: string; note: string; now: string },
): number {
  return Number(statements(db).insertOccurrence.run(values).lastInsertRowid);
}

export function completeOccurrenceLate(db: Database, values: { id: number; doneOn: string; by: number; note: string }): void {
  statements(db).completeLate.run(values);
}
