import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { makeContext } from '../api/dispatch';
import { buildCalendar } from './calendar-queries';
import { auditEvents, openComplianceClinic, rowCount, signInAs, signInManager, type ComplianceClinic } from './compliance-test-helpers';
import { periodAt } from './task-schedule';

let clinic: ComplianceClinic;
beforeEach(async () => {
  clinic = await openComplianceClinic(); // Monday 2026-03-02
});
afterEach(() => clinic.close());

const tasks = () => clinic.call('compliance.listTasks', {});
const byTitle = async (prefix: string) => {
  const task = (await tasks()).find((t) => t.title.startsWith(prefix));
  if (!task) throw new Error(`no task ${prefix}`);
  return task;
};
const moveTo = async (iso: string) => {
  clinic.setNow(iso);
  await signInManager(clinic);
};
/** The calendar as a read-only caller (a dashboard) builds it: no recording of misses. */
const asHandlerRead = () =>
  buildCalendar(makeContext(clinic.env, { staffId: clinic.managerId, name: 'Morgan Manager', role: 'manager' }, new Date('2026-03-10T16:00:00.000Z')), { recordMissed: false });
const registerContainer = () =>
  clinic.call('compliance.registerContainer', { label: 'R1-001', size: '1 qt', room: 'Room 1', capacityNeedles: 400, placedInServiceOn: '2026-03-02' });

describe('the occurrence grid', () => {
  it('steps weekly, monthly (keeping the day where the month has it) and yearly, with a window inside each period', () => {
    expect(periodAt({ cadence: 'weekly', startsOn: '2026-03-02', windowDays: null }, 1)).toEqual({ start: '2026-03-09', end: '2026-03-15', dueOn: '2026-03-15' });
    expect(periodAt({ cadence: 'monthly', startsOn: '2026-01-31', windowDays: null }, 1)).toEqual({ start: '2026-02-28', end: '2026-03-30', dueOn: '2026-03-30' });
    expect(periodAt({ cadence: 'monthly', startsOn: '2026-01-31', windowDays: null }, 2)).toEqual({ start: '2026-03-31', end: '2026-04-29', dueOn: '2026-04-29' });
    expect(periodAt({ cadence: 'monthly', startsOn: '2026-03-01', windowDays: 7 }, 0)).toEqual({ start: '2026-03-01', end: '2026-03-31', dueOn: '2026-03-07' });
    expect(periodAt({ cadence: 'yearly', startsOn: '2024-02-29', windowDays: null }, 1)).toEqual({ start: '2025-02-28', end: '2026-02-27', dueOn: '2026-02-27' });
  });
});

describe('recurring tasks', () => {
  it('ships the four default checks, whose schedules start (audited) the first time anyone reads them', async () => {
    const list = await tasks();
    expect(list.map((t) => [t.title, t.cadence, t.ownerRole, t.evidence, t.startsOn, t.current?.dueOn])).toEqual([
      ['Weekly sharps container check', 'weekly', 'therapist', 'fill_check', '2026-03-02', '2026-03-08'],
      ['Monthly PPE stock check', 'monthly', 'front_desk', null, '2026-03-01', '2026-03-31'],
      ['Annual bloodborne pathogens training', 'yearly', 'manager', 'bbp_training', '2026-03-01', '2027-02-28'],
      ['Annual exposure control plan review', 'yearly', 'manager', 'plan_review', '2026-03-01', '2027-02-28'],
    ]);
    expect(auditEvents(clinic.env.db, 'compliance_task').map((e) => e.action)).toEqual(['start_schedule', 'start_schedule', 'start_schedule', 'start_schedule']);
    await tasks();
    expect(auditEvents(clinic.env.db, 'compliance_task')).toHaveLength(4);
  });

  it('records an occurrence not done in its window as missed, with its audit event, never rolling it forward', async () => {
    await tasks();
    await registerContainer();
    await moveTo('2026-03-10T16:00:00.000Z');
    const weekly = await byTitle('Weekly');
    expect(weekly.missed).toMatchObject([{ periodStart: '2026-03-02', dueOn: '2026-03-08', status: 'missed' }]);
    expect(weekly.current).toMatchObject({ periodStart: '2026-03-09', status: 'open', dueOn: '2026-03-15' });
    const missedEvents = auditEvents(clinic.env.db, 'compliance_task_occurrence');
    expect(missedEvents).toMatchObject([{ action: 'missed', reason: 'its window closed without the task being done' }]);

    // Doing this week's check does not undo last week's miss.
    await clinic.call('compliance.recordFillCheck', { containerId: 1, checkedOn: '2026-03-10', level: 'quarter', isUprightAndClosed: true });
    const after = await byTitle('Weekly');
    expect(after.current).toMatchObject({ status: 'done', evidence: '1 fill check recorded' });
    expect(after.missed).toHaveLength(1);
    const calendar = await clinic.call('compliance.calendar', {});
    expect(calendar.items.filter((i) => i.kind === 'task_missed')).toMatchObject([{ severity: 'overdue', title: 'Missed: Weekly sharps container check', dueOn: '2026-03-08', link: { area: 'tasks', id: weekly.id } }]);
    expect(calendar.isInspectionReady).toBe(false);

    expect(await dispatch(clinic.env, 'compliance.completeTask', { taskId: weekly.id, doneOn: '2026-03-06' })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', message: /recorded as missed/ },
    });
    const resolved = await clinic.call('compliance.completeMissedTask', { occurrenceId: weekly.missed[0]!.id!, doneOn: '2026-03-10', note: 'Checked on Tuesday instead; was at 1/4.' });
    expect(resolved.missed).toEqual([]);
    expect(resolved.recent.find((o) => o.periodStart === '2026-03-02')).toMatchObject({ status: 'missed', lateDoneOn: '2026-03-10' });
    expect((await clinic.call('compliance.calendar', {})).items.filter((i) => i.kind === 'task_missed')).toEqual([]);
    expect(await dispatch(clinic.env, 'compliance.completeMissedTask', { occurrenceId: weekly.missed[0]!.id!, doneOn: '2026-03-10', note: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('shows misses to a read-only caller without writing, and records them on the next calendar read', async () => {
    await tasks();
    await registerContainer();
    await moveTo('2026-03-10T16:00:00.000Z');
    const before = rowCount(clinic.env.db, 'audit_events');
    const readOnly = clinic.env.db.transaction(() => asHandlerRead()).deferred();
    expect(readOnly.items.filter((i) => i.kind === 'task_missed')).toMatchObject([{ dueOn: '2026-03-08', link: { area: 'tasks' } }]);
    expect(rowCount(clinic.env.db, 'audit_events')).toBe(before);
    expect(rowCount(clinic.env.db, 'compliance_task_occurrences')).toBe(0);
    expect((await clinic.call('compliance.calendar', {})).items.filter((i) => i.kind === 'task_missed')).toHaveLength(1);
    expect(rowCount(clinic.env.db, 'compliance_task_occurrences')).toBe(1);
  });

  it('counts a record made in the window as doing the task, and a week with no container in service as nothing to check', async () => {
    await tasks();
    await moveTo('2026-03-10T16:00:00.000Z');
    expect((await byTitle('Weekly')).recent).toMatchObject([{ periodStart: '2026-03-02', status: 'done', evidence: 'no sharps container was in service' }]);
    await registerContainer();
    await moveTo('2026-03-12T16:00:00.000Z');
    await clinic.call('compliance.recordFillCheck', { containerId: 1, checkedOn: '2026-03-12', level: 'quarter', isUprightAndClosed: true });
    await moveTo('2026-03-17T16:00:00.000Z');
    expect((await byTitle('Weekly')).recent[0]).toMatchObject({ periodStart: '2026-03-09', status: 'done', doneOn: '2026-03-12', evidence: '1 fill check recorded' });
  });

  it('lets the owner role or a manager mark an occurrence done, once, inside its window', async () => {
    const ppe = await byTitle('Monthly PPE');
    await signInAs(clinic, 'therapist');
    expect(await dispatch(clinic.env, 'compliance.completeTask', { taskId: ppe.id, doneOn: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(clinic, 'front_desk');
    const done = await clinic.call('compliance.completeTask', { taskId: ppe.id, doneOn: '2026-03-02', note: 'All glove sizes stocked in rooms 1-3.' });
    expect(done.current).toMatchObject({ status: 'done', doneOn: '2026-03-02', doneByName: 'A front_desk' });
    expect(await dispatch(clinic.env, 'compliance.completeTask', { taskId: ppe.id, doneOn: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch(clinic.env, 'compliance.completeTask', { taskId: ppe.id, doneOn: '2026-03-03' })).toMatchObject({ ok: false, error: { field: 'doneOn' } });
    expect(await dispatch(clinic.env, 'compliance.completeTask', { taskId: ppe.id, doneOn: '2026-02-27' })).toMatchObject({ ok: false, error: { field: 'doneOn', message: /before/ } });
  });

  it('accepts a completion entered after the window closed if nobody had recorded the miss yet', async () => {
    const ppe = await byTitle('Monthly PPE');
    clinic.setNow('2026-04-02T16:00:00.000Z');
    await signInManager(clinic);
    const done = await clinic.call('compliance.completeTask', { taskId: ppe.id, doneOn: '2026-03-20', note: 'Done on the 20th; entered late.' });
    expect(done.recent[0]).toMatchObject({ periodStart: '2026-03-01', status: 'done', doneOn: '2026-03-20' });
    expect(done.missed).toEqual([]);
  });

  it('adds clinic-defined checks: no retroactive misses, earlier occurrences may be entered, windows fit the period', async () => {
    expect(await dispatch(clinic.env, 'compliance.createTask', { title: 'Eyewash check', cadence: 'weekly', windowDays: 8, startsOn: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'windowDays' },
    });
    const eyewash = await clinic.call('compliance.createTask', {
      title: 'Eyewash station check',
      description: 'Flush for 3 minutes; log on the tag.',
      cadence: 'monthly',
      windowDays: 7,
      startsOn: '2026-01-01',
      ownerRole: 'front_desk',
    });
    expect(eyewash).toMatchObject({ missed: [], current: { periodStart: '2026-03-01', dueOn: '2026-03-07', status: 'open' } });
    const backfilled = await clinic.call('compliance.completeTask', { taskId: eyewash.id, doneOn: '2026-02-03' });
    expect(backfilled.recent[0]).toMatchObject({ periodStart: '2026-02-01', status: 'done' });

    await moveTo('2026-03-09T16:00:00.000Z');
    expect((await byTitle('Eyewash')).missed).toMatchObject([{ periodStart: '2026-03-01', dueOn: '2026-03-07' }]);
    const retired = await clinic.call('compliance.updateTask', { id: eyewash.id, title: 'Eyewash station check', windowDays: 7, ownerRole: 'front_desk', isActive: false, reason: 'eyewash station removed' });
    expect(retired).toMatchObject({ isActive: false, current: null });
    await moveTo('2026-06-10T16:00:00.000Z');
    const back = await clinic.call('compliance.updateTask', { id: eyewash.id, title: 'Eyewash station check', windowDays: 7, ownerRole: 'front_desk', isActive: true, reason: 'new station installed' });
    expect(back.missed.map((m) => m.periodStart)).toEqual(['2026-03-01']);
    expect(back.current).toMatchObject({ periodStart: '2026-07-01' });
    expect(await dispatch(clinic.env, 'compliance.updateTask', { id: eyewash.id, title: 'x', windowDays: 40, isActive: true, reason: 'longer window' })).toMatchObject({
      ok: false,
      error: { field: 'windowDays' },
    });
    expect(auditEvents(clinic.env.db, 'compliance_task').filter((e) => e.entity_id === String(eyewash.id)).map((e) => e.action)).toEqual(['create', 'update', 'update']);
  });
});
