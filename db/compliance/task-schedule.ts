// The occurrence grid of a recurring task and the rule that a window closing undone is recorded as missed
// (with its audit event) the first time anyone reads the schedule afterwards, never silently rolled forward.
import type { Database } from 'better-sqlite3';
import { requireActor, type HandlerContext } from '../api/handler-context';
import { addDays, addMonths, addYears, firstOfMonth, mondayOf } from './compliance-dates';
import { planReviewsBetween } from './plan-review-store';
import { containersInServiceDuring, fillChecksBetween } from './sharps-store';
import type { Cadence, TaskEvidence, TaskOccurrenceView, TaskView } from './tasks-contract';
import { findTaskRow, insertOccurrence, listOccurrenceRows, listTaskRows, recordedPeriodStarts, startTaskSchedule, type OccurrenceRow, type TaskRow } from './tasks-store';
import { trainingsBetween } from './training-store';

export interface Period {
  start: string;
  end: string;
  dueOn: string;
}

interface Grid {
  cadence: Cadence;
  startsOn: string;
  windowDays: number | null;
}

function startAt(grid: Grid, k: number): string {
  // Computed from the first start every time, so Jan 31 monthly goes Feb 28, Mar 31 (never drifts to the 28th).
  if (grid.cadence === 'weekly') return addDays(grid.startsOn, 7 * k);
  return grid.cadence === 'monthly' ? addMonths(grid.startsOn, k) : addYears(grid.startsOn, k);
}

export function periodAt(grid: Grid, k: number): Period {
  const start = startAt(grid, k);
  const end = addDays(startAt(grid, k + 1), -1);
  const windowEnd = grid.windowDays === null ? end : addDays(start, grid.windowDays - 1);
  return { start, end, dueOn: windowEnd < end ? windowEnd : end };
}

/** Every period that has started by the date, oldest first. */
export function periodsStartedBy(grid: Grid, date: string): Period[] {
  const periods: Period[] = [];
  for (let k = 0; ; k += 1) {
    const period = periodAt(grid, k);
    if (period.start > date) return periods;
    periods.push(period);
  }
}

export function periodContaining(grid: Grid, date: string): Period | null {
  return periodsStartedBy(grid, date).at(-1) ?? null;
}

/** Where a default task's grid starts when first read: this week's Monday, or the 1st of this month. */
export function defaultStart(cadence: Cadence, today: string): string {
  return cadence === 'weekly' ? mondayOf(today) : firstOfMonth(today);
}

/** The record that did the task in [from, to], if the task has an evidence kind. */
export function evidenceIn(db: Database, evidence: TaskEvidence | null, from: string, to: string): { doneOn: string; text: string } | null {
  switch (evidence) {
    case null:
      return null;
    case 'fill_check': {
      const checks = fillChecksBetween(db, from, to);
      if (checks.n > 0 && checks.last_on) return { doneOn: checks.last_on, text: `${checks.n} fill check${checks.n === 1 ? '' : 's'} recorded` };
      return containersInServiceDuring(db, from, to) === 0 ? { doneOn: to, text: 'no sharps container was in service' } : null;
    }
    case 'plan_review': {
      const reviews = planReviewsBetween(db, from, to);
      return reviews.n > 0 && reviews.last_on ? { doneOn: reviews.last_on, text: 'exposure control plan review recorded' } : null;
    }
    case 'bbp_training': {
      const trainings = trainingsBetween(db, from, to);
      return trainings.n > 0 && trainings.last_on ? { doneOn: trainings.last_on, text: 'BBP training session recorded' } : null;
    }
  }
}

function gridOf(task: TaskRow): Grid | null {
  return task.starts_on === null ? null : { cadence: task.cadence, startsOn: task.starts_on, windowDays: task.window_days };
}

/** A default task's grid starts the first time anyone reads it (audited); other tasks start when created. */
export function ensureTaskSchedule(ctx: HandlerContext, task: TaskRow, today: string): TaskRow {
  if (task.starts_on !== null) return task;
  const startsOn = defaultStart(task.cadence, today);
  startTaskSchedule(ctx.db, task.id, startsOn, ctx.nowIso);
  ctx.audit({ action: 'start_schedule', entityType: 'compliance_task', entityId: task.id, after: { title: task.title, startsOn } });
  return findTaskRow(ctx.db, task.id) ?? task;
}

export interface ClosedOccurrence {
  period: Period;
  status: 'done' | 'missed';
  doneOn: string | null;
  evidence: string;
}

/** Closed periods of an active, started task with nothing recorded yet, as they are to be recorded. Writes nothing. */
export function unrecordedClosedOccurrences(db: Database, task: TaskRow, today: string): ClosedOccurrence[] {
  const grid = gridOf(task);
  if (!grid || task.is_active === 0) return [];
  const recorded = recordedPeriodStarts(db, task.id);
  return periodsStartedBy(grid, today)
    .filter((period) => period.dueOn < today && !recorded.has(period.start) && (task.counts_from === null || period.dueOn >= task.counts_from))
    .map((period) => {
      const evidence = evidenceIn(db, task.evidence, period.start, period.dueOn);
      return { period, status: evidence ? 'done' : 'missed', doneOn: evidence?.doneOn ?? null, evidence: evidence?.text ?? '' };
    });
}

/**
 * Records every closed, unrecorded occurrence of an active task: done when its evidence exists in the window,
 * otherwise missed. Each recorded occurrence has its audit event.
 */
export function materialiseTask(ctx: HandlerContext, task: TaskRow, today: string): TaskRow {
  if (task.is_active === 0) return task;
  requireActor(ctx);
  const current = ensureTaskSchedule(ctx, task, today);
  for (const { period, status, doneOn, evidence } of unrecordedClosedOccurrences(ctx.db, current, today)) {
    const id = insertOccurrence(ctx.db, {
      taskId: current.id,
      periodStart: period.start,
      dueOn: period.dueOn,
      status,
      doneOn,
      doneBy: null,
      evidence,
      note: '',
      now: ctx.nowIso,
    });
    ctx.audit({
      action: status === 'missed' ? 'missed' : 'complete',
      entityType: 'compliance_task_occurrence',
      entityId: id,
      after: { taskId: current.id, title: current.title, periodStart: period.start, dueOn: period.dueOn, status, evidence: evidence || null },
      reason: status === 'missed' ? 'its window closed without the task being done' : 'done by a record made within its window',
    });
  }
  return current;
}

export function materialiseAllTasks(ctx: HandlerContext, today: string): void {
  for (const task of listTaskRows(ctx.db, false)) materialiseTask(ctx, task, today);
}

function toOccurrenceView(r: OccurrenceRow): TaskOccurrenceView {
  return {
    id: r.id,
    taskId: r.task_id,
    periodStart: r.period_start,
    dueOn: r.due_on,
    status: r.status,
    doneOn: r.done_on,
    doneByName: r.done_by_name,
    evidence: r.evidence,
    note: r.note,
    lateDoneOn: r.late_done_on,
    lateNote: r.late_note,
  };
}

/** The occurrence to do next: the first period whose window has not closed, done (recorded or by evidence) or open. */
function currentOccurrence(db: Database, task: TaskRow, rows: OccurrenceRow[], today: string): TaskOccurrenceView | null {
  const grid = gridOf(task);
  if (!grid || task.is_active === 0) return null;
  let k = Math.max(0, periodsStartedBy(grid, today).length - 1);
  let period = periodAt(grid, k);
  while (period.dueOn < today) period = periodAt(grid, (k += 1));
  const row = rows.find((r) => r.period_start === period.start);
  if (row) return toOccurrenceView(row);
  // Evidence so far; it is settled (and recorded) only once the window closes.
  const evidence = period.start <= today ? evidenceIn(db, task.evidence, period.start, today) : null;
  return {
    id: null,
    taskId: task.id,
    periodStart: period.start,
    dueOn: period.dueOn,
    status: evidence ? 'done' : 'open',
    doneOn: evidence?.doneOn ?? null,
    doneByName: null,
    evidence: evidence?.text ?? '',
    note: '',
    lateDoneOn: null,
    lateNote: null,
  };
}

export function toTaskView(db: Database, task: TaskRow, today: string): TaskView {
  const rows = listOccurrenceRows(db, task.id);
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    cadence: task.cadence,
    windowDays: task.window_days,
    startsOn: task.starts_on,
    ownerRole: task.owner_role,
    ownerStaffId: task.owner_staff_id,
    ownerName: task.owner_name,
    evidence: task.evidence,
    isDefault: task.is_default === 1,
    isActive: task.is_active === 1,
    current: currentOccurrence(db, task, rows, today),
    missed: rows.filter((r) => r.status === 'missed' && r.late_done_on === null).map(toOccurrenceView),
    recent: rows.slice(0, 8).map(toOccurrenceView),
  };
}
