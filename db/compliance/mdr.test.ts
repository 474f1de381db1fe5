import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { addNeedleItem, receiveLot } from '../inventory/inventory-test-helpers';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { asHandler, auditEvents, insertSessionRow, openComplianceClinic, rowCounts, signInAs, type ComplianceClinic } from './compliance-test-helpers';
import { mdrDeadline, openMdrEvaluationForSession } from './mdr-rules';

let clinic: ComplianceClinic;

const calendarKinds = async (kind: string) => (await clinic.call('compliance.calendar', {})).items.filter((i) => i.kind === kind);

describe('MDR evaluations of session adverse events', () => {
  beforeEach(async () => {
    clinic = await openComplianceClinic();
  });
  afterEach(() => clinic.close());

  it('sets the deadline 10 work days after awareness, skipping weekends', () => {
    expect(mdrDeadline('2026-03-02')).toBe('2026-03-16'); // Monday → Monday two weeks on
    expect(mdrDeadline('2026-03-06')).toBe('2026-03-20'); // Friday → Friday two weeks on
    expect(mdrDeadline('2026-03-07')).toBe('2026-03-20'); // Saturday: the count starts Monday
  });

  it('opens one evaluation per session through the hook sessions.record calls, with its audit event', async () => {
    const sessionId = insertSessionRow(clinic.env.db, { date: '2026-02-27', therapistId: clinic.therapistId, adverseEvent: 'bleeding' });
    asHandler(clinic, (ctx) => openMdrEvaluationForSession(ctx, sessionId, '2026-02-27', 'Minor bleeding at the insertion site.'));
    asHandler(clinic, (ctx) => openMdrEvaluationForSession(ctx, sessionId, '2026-02-28', 'recorded again after an amendment'));
    const { evaluations } = await clinic.call('compliance.listMdr', {});
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({
      source: 'adverse_event',
      sessionId,
      adverseEvent: 'bleeding',
      eventOn: '2026-02-27',
      awareOn: '2026-02-27',
      deadlineOn: '2026-03-13',
      reportable: 'undecided',
      status: 'open',
      needsAction: true,
      isOverdue: false,
      retainUntil: '2028-02-27',
      recordedByName: 'Morgan Manager',
    });
    expect(auditEvents(clinic.env.db, 'mdr_evaluation').map((e) => e.action)).toEqual(['create']);
    expect(() => asHandler(clinic, (ctx) => openMdrEvaluationForSession(ctx, 999, '2026-02-27', ''))).toThrow(/no session #999/);
  });

  it('catches adverse events that have no evaluation, and lets staff open one', async () => {
    const none = insertSessionRow(clinic.env.db, { date: '2026-02-26', therapistId: clinic.therapistId });
    const fainting = insertSessionRow(clinic.env.db, { date: '2026-02-26', therapistId: clinic.therapistId, adverseEvent: 'fainting' });
    insertSessionRow(clinic.env.db, { date: '2026-02-26', therapistId: clinic.therapistId, adverseEvent: 'bruising', status: 'voided' });
    expect((await clinic.call('compliance.listMdr', {})).unevaluatedSessions).toEqual([{ sessionId: fainting, sessionDate: '2026-02-26', adverseEvent: 'fainting' }]);
    expect(await calendarKinds('mdr_unevaluated_event')).toMatchObject([{ title: 'Adverse events without an MDR evaluation (1)', severity: 'due_soon', dueOn: '2026-03-12' }]);

    await signInAs(clinic, 'therapist');
    expect(await dispatch(clinic.env, 'compliance.openMdrForSession', { sessionId: none, awareOn: '2026-02-26' })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'sessionId' },
    });
    const opened = await clinic.call('compliance.openMdrForSession', { sessionId: fainting, awareOn: '2026-02-27' });
    expect(opened).toMatchObject({ status: 'open', deadlineOn: '2026-03-13', summary: expect.stringContaining('fainting') });
    expect(await dispatch(clinic.env, 'compliance.openMdrForSession', { sessionId: fainting, awareOn: '2026-02-27' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await clinic.call('compliance.listMdr', {})).unevaluatedSessions).toEqual([]);
    expect(await dispatch(clinic.env, 'compliance.decideMdr', { id: opened.id, reportable: 'no', reasoning: 'x', decidedOn: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('shows open evaluations on the calendar until decided, overdue after the deadline', async () => {
    const sessionId = insertSessionRow(clinic.env.db, { date: '2026-02-13', therapistId: clinic.therapistId, adverseEvent: 'suspected_pneumothorax' });
    asHandler(clinic, (ctx) => openMdrEvaluationForSession(ctx, sessionId, '2026-02-13', 'Shortness of breath after thoracic needling; referred to ED.'));
    expect(await calendarKinds('mdr_evaluation')).toMatchObject([{ severity: 'overdue', dueOn: '2026-02-27', link: { area: 'mdr' } }]);
    expect((await clinic.call('compliance.calendar', {})).isInspectionReady).toBe(false);
    const { evaluations } = await clinic.call('compliance.listMdr', { status: 'open' });
    const decided = await clinic.call('compliance.decideMdr', {
      id: evaluations[0]!.id,
      reportable: 'no',
      reasoning: 'Chest X-ray negative; no device malfunction; not a serious injury under 803.3.',
      decidedOn: '2026-02-20',
    });
    expect(decided).toMatchObject({ status: 'decided', reportable: 'no', decidedByName: 'Morgan Manager', needsAction: false, isOverdue: false });
    expect(await calendarKinds('mdr_evaluation')).toEqual([]);
  });
});

describe('needle defects and reporting', () => {
  beforeEach(async () => {
    clinic = await openComplianceClinic();
  });
  afterEach(() => clinic.close());

  it('opens an evaluation for a broken needle linked to its lot, then decides, reports, and re-decides only with a reason', async () => {
    const tables = ['mdr_evaluations', 'audit_events'];
    const before = rowCounts(clinic.env.db, tables);
    expect(await dispatch(clinic.env, 'compliance.openMdrForDefect', { lotId: clinic.soonLotId, defect: 'bent', eventOn: '2026-03-02', awareOn: '2026-03-02', summary: 'x' })).toMatchObject({
      ok: false,
      error: { field: 'defect' },
    });
    expect(await dispatch(clinic.env, 'compliance.openMdrForDefect', { lotId: 999, defect: 'broken_needle', eventOn: '2026-03-02', awareOn: '2026-03-02', summary: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'lotId' },
    });
    expect(rowCounts(clinic.env.db, tables)).toEqual(before);

    const opened = await clinic.call('compliance.openMdrForDefect', {
      lotId: clinic.soonLotId,
      defect: 'broken_needle',
      eventOn: '2026-02-27',
      awareOn: '2026-03-02',
      summary: 'Shaft separated from the handle on withdrawal; fragment removed with forceps.',
    });
    expect(opened).toMatchObject({ source: 'needle_defect', lotNumber: 'SOON', itemName: 'Seirin J-Type 0.20x30mm', defect: 'broken_needle', deadlineOn: '2026-03-16', retainUntil: '2028-02-27' });

    expect(await dispatch(clinic.env, 'compliance.recordMdrReport', { id: opened.id, reportedOn: '2026-03-02', reportedTo: 'Seirin', reference: 'R-1' })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation' },
    });
    expect(await dispatch(clinic.env, 'compliance.decideMdr', { id: opened.id, reportable: 'yes', reasoning: '  ', decidedOn: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'reasoning' },
    });
    const yes = await clinic.call('compliance.decideMdr', { id: opened.id, reportable: 'yes', reasoning: 'Fragment retained under the skin needed intervention: serious injury.', decidedOn: '2026-03-02' });
    expect(yes).toMatchObject({ status: 'decided', needsAction: true });
    expect(await calendarKinds('mdr_evaluation')).toMatchObject([{ title: expect.stringMatching(/^MDR report to submit/), severity: 'due_soon', dueOn: '2026-03-16' }]);
    expect(await dispatch(clinic.env, 'compliance.decideMdr', { id: opened.id, reportable: 'no', reasoning: 'changed my mind', decidedOn: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
    const reported = await clinic.call('compliance.recordMdrReport', { id: opened.id, reportedOn: '2026-03-02', reportedTo: 'Manufacturer (Seirin America)', reference: 'MW-3500A-0001' });
    expect(reported).toMatchObject({ status: 'reported', needsAction: false });
    expect(await dispatch(clinic.env, 'compliance.decideMdr', { id: opened.id, reportable: 'no', reasoning: 'x', decidedOn: '2026-03-02', reason: 'late change' })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation' },
    });
    expect(auditEvents(clinic.env.db, 'mdr_evaluation').map((e) => e.action)).toEqual(['create', 'decide', 'report']);
  });
});

describe('the annual user-facility report', () => {
  let annual: TestClinic;
  beforeEach(async () => {
    annual = await openTestClinic('2025-12-10T17:00:00.000Z');
  });
  afterEach(() => annual.close());

  it('is due January 1 when the prior year has reportable events, and leaves the calendar once filed', async () => {
    const kinds = async () => (await annual.call('compliance.calendar', {})).items.filter((i) => i.kind === 'mdr_annual_report');
    const needle = await addNeedleItem(annual.call);
    const lot = await receiveLot(annual.call, needle.id, 'NOV25', '2028-11-01', 100, '2025-11-01');
    const opened = await annual.call('compliance.openMdrForDefect', { lotId: lot.id, defect: 'non_sterile_pack', eventOn: '2025-12-01', awareOn: '2025-12-01', summary: 'Pack seal open; needle used before noticed; infection followed.' });
    expect(await kinds()).toEqual([]);
    await annual.call('compliance.decideMdr', { id: opened.id, reportable: 'yes', reasoning: 'Infection needing antibiotics after use of a non-sterile needle.', decidedOn: '2025-12-03' });
    await annual.call('compliance.recordMdrReport', { id: opened.id, reportedOn: '2025-12-05', reportedTo: 'Manufacturer', reference: 'MW-1' });
    expect(await kinds()).toMatchObject([{ title: 'FDA Form 3419 annual report for 2025', severity: 'due_soon', dueOn: '2026-01-01' }]);

    annual.setNow('2026-01-05T17:00:00.000Z');
    await annual.call('session.signIn', { staffId: annual.managerId });
    expect(await kinds()).toMatchObject([{ severity: 'overdue', dueOn: '2026-01-01' }]);
    expect(await dispatch(annual.env, 'compliance.recordMdrAnnualReport', { year: 2025, submittedOn: '2024-12-30', reference: 'x' })).toMatchObject({
      ok: false,
      error: { field: 'submittedOn' },
    });
    expect(await annual.call('compliance.recordMdrAnnualReport', { year: 2025, submittedOn: '2026-01-05', reference: 'FDA-3419-2025' })).toEqual({
      year: 2025,
      reportableCount: 1,
      dueOn: '2026-01-01',
      submittedOn: '2026-01-05',
      reference: 'FDA-3419-2025',
    });
    expect(await kinds()).toEqual([]);
    expect(await dispatch(annual.env, 'compliance.recordMdrAnnualReport', { year: 2025, submittedOn: '2026-01-05', reference: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
