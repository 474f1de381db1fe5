// Handlers for recurring compliance tasks: define, change or retire them, and record occurrences done.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { assertNotFuture, complianceToday, requireActiveStaff, sqlBool } from './compliance-common';
import { ensureTaskSchedule, materialiseAllTasks, materialiseTask, periodContaining, toTaskView } from './task-schedule';
import { maxWindowDays, type taskMethods, type TaskView } from './tasks-contract';
import { completeOccurrenceLate, findOccurrenceOfPeriod, findOccurrenceRow, findTaskRow, insertOccurrence, insertTask, listTaskRows, updateTaskRow, type TaskRow } from './tasks-store';

function requireTask(ctx: HandlerContext, id: number, field: string): TaskRow {
  const task = findTaskRow(ctx.db, id);
  if (!task) throw notFound(`There is no recurring task #${id}.`, field);
  return task;
}

function view(ctx: HandlerContext, id: number): TaskView {
  const today = complianceToday(ctx);
  const task = materialiseTask(ctx, requireTask(ctx, id, 'id'), today);
  return toTaskView(ctx.db, task, today);
}

/** A task owned by a person or a role is done by them, or by a manager. */
function assertMayComplete(ctx: HandlerContext, task: TaskRow): void {
  const actor = requireActor(ctx);
  if (actor.role === 'manager') return;
  if (task.owner_staff_id !== null && task.owner_staff_id !== actor.staffId) {
    throw new ApiError('forbidden', `"${task.title}" is assigned to ${task.owner_name ?? 'someone else'}; they or a manager record it.`);
  }
  if (task.owner_staff_id === null && task.owner_role !== null && task.owner_role !== actor.role) {
    throw new ApiError('forbidden', `"${task.title}" is a ${task.owner_role.replace('_', ' ')} task; a ${task.owner_role.replace('_', ' ')} or a manager records it.`);
  }
}

function checkOwner(ctx: HandlerContext, ownerStaffId: number | null): void {
  if (ownerStaffId !== null) requireActiveStaff(ctx, ownerStaffId, 'ownerStaffId');
}

const audited = (t: TaskRow) => ({
  title: t.title,
  description: t.description,
  cadence: t.cadence,
  windowDays: t.window_days,
  startsOn: t.starts_on,
  ownerRole: t.owner_role,
  ownerStaffId: t.owner_staff_id,
  isActive: t.is_active === 1,
});

export const taskHandlers: HandlersFor<typeof taskMethods> = {
  'compliance.listTasks': (ctx, input) => {
    const today = complianceToday(ctx);
    materialiseAllTasks(ctx, today);
    return listTaskRows(ctx.db, input.includeInactive).map((t) => toTaskView(ctx.db, t, today));
  },

  'compliance.createTask': (ctx, input) => {
    checkOwner(ctx, input.ownerStaffId);
    // A new task is not missed retroactively: occurrences count from today; earlier ones may still be entered as done.
    const today = complianceToday(ctx);
    const id = insertTask(ctx.db, { ...input, countsFrom: input.startsOn > today ? input.startsOn : today, now: ctx.nowIso });
    const task = requireTask(ctx, id, 'id');
    ctx.audit({ action: 'create', entityType: 'compliance_task', entityId: id, after: audited(task) });
    return view(ctx, id);
  },

  'compliance.updateTask': (ctx, { id, reason, ...input }) => {
    const before = requireTask(ctx, id, 'id');
    if (input.windowDays !== null && input.windowDays > maxWindowDays[before.cadence]) {
      throw ruleViolation(`windowDays: a ${before.cadence} task's window must be at most ${maxWindowDays[before.cadence]} days.`, 'windowDays');
    }
    checkOwner(ctx, input.ownerStaffId);
    // Record what was missed up to now before a change; a task coming back counts only from today.
    const today = complianceToday(ctx);
    materialiseTask(ctx, before, today);
    const isReturning = before.is_active === 0 && input.isActive;
    updateTaskRow(ctx.db, {
      id,
      ...input,
      isActive: sqlBool(input.isActive),
      countsFrom: isReturning ? today : before.counts_from,
      now: ctx.nowIso,
    });
    const after = requireTask(ctx, id, 'id');
    ctx.audit({ action: 'update', entityType: 'compliance_task', entityId: id, before: audited(before), after: audited(after), reason });
    return view(ctx, id);
  },

  'compliance.completeTask': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.doneOn, 'doneOn');
    // Only the schedule is ensured here: an occurrence done in its window but entered after it closed still counts.
    const task = ensureTaskSchedule(ctx, requireTask(ctx, input.taskId, 'taskId'), complianceToday(ctx));
    if (task.is_active === 0) throw ruleViolation(`"${task.title}" is retired.`, 'taskId');
    assertMayComplete(ctx, task);
    const period = task.starts_on === null ? null : periodContaining({ cadence: task.cadence, startsOn: task.starts_on, windowDays: task.window_days }, input.doneOn);
    if (!period) throw ruleViolation(`doneOn: ${input.doneOn} is before "${task.title}" starts on ${task.starts_on}.`, 'doneOn');
    const existing = findOccurrenceOfPeriod(ctx.db, task.id, period.start);
    if (existing?.status === 'done') throw new ApiError('conflict', `"${task.title}" for the period from ${period.start} was already done on ${existing.done_on}.`, 'doneOn');
    if (existing?.status === 'missed') {
      throw ruleViolation(`"${task.title}" for the period from ${period.start} was recorded as missed on ${existing.due_on}; record it as done late.`, 'doneOn');
    }
    if (input.doneOn > period.dueOn) {
      throw ruleViolation(`doneOn: the window of "${task.title}" for the period from ${period.start} closed on ${period.dueOn}.`, 'doneOn');
    }
    const id = insertOccurrence(ctx.db, {
      taskId: task.id,
      periodStart: period.start,
      dueOn: period.dueOn,
      status: 'done',
      doneOn: input.doneOn,
      doneBy: actor.staffId,
      evidence: '',
      note: input.note,
      now: ctx.nowIso,
    });
    ctx.audit({
      action: 'complete',
      entityType: 'compliance_task_occurrence',
      entityId: id,
      after: { taskId: task.id, title: task.title, periodStart: period.start, dueOn: period.dueOn, doneOn: input.doneOn, note: input.note },
    });
    return view(ctx, task.id);
  },

  'compliance.completeMissedTask': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.doneOn, 'doneOn');
    const occurrence = findOccurrenceRow(ctx.db, input.occurrenceId);
    if (!occurrence) throw notFound(`There is no task occurrence #${input.occurrenceId}.`, 'occurrenceId');
    const task = requireTask(ctx, occurrence.task_id, 'occurrenceId');
    assertMayComplete(ctx, task);
    if (occurrence.status !== 'missed') throw ruleViolation(`That occurrence of "${task.title}" was done on ${occurrence.done_on}.`, 'occurrenceId');
    if (occurrence.late_done_on !== null) throw new ApiError('conflict', `That occurrence of "${task.title}" was already done late on ${occurrence.late_done_on}.`, 'occurrenceId');
    if (input.doneOn < occurrence.period_start) throw ruleViolation(`doneOn: ${input.doneOn} is before the period began on ${occurrence.period_start}.`, 'doneOn');
    completeOccurrenceLate(ctx.db, { id: occurrence.id, doneOn: input.doneOn, by: actor.staffId, note: input.note });
    ctx.audit({
      action: 'complete_late',
      entityType: 'compliance_task_occurrence',
      entityId: occurrence.id,
      before: { status: 'missed', lateDoneOn: null },
      after: { status: 'missed', lateDoneOn: input.doneOn, note: input.note },
    });
    return view(ctx, task.id);
  },
};
