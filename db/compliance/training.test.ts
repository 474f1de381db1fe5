import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { auditEvents, openComplianceClinic, rowCounts, signInAs, signInManager, type ComplianceClinic } from './compliance-test-helpers';

let clinic: ComplianceClinic;
beforeEach(async () => {
  clinic = await openComplianceClinic();
});
afterEach(() => clinic.close());

const trainingTables = ['bbp_trainings', 'bbp_training_attendees', 'audit_events'];

function training(overrides: Partial<MethodInput<'compliance.recordTraining'>> = {}): MethodInput<'compliance.recordTraining'> {
  return {
    trainedOn: '2025-04-15',
    contentSummary: 'All 14 elements of 1910.1030(g)(2)(vii), incl. needle handling and the exposure control plan; live Q&A.',
    trainerName: 'Lena Ortiz, MPH, CIC',
    trainerQualifications: 'Certified in infection control; 12 years in occupational health',
    attendeeStaffIds: [clinic.therapistId, clinic.managerId],
    ...overrides,
  };
}

const calendarItems = async (kind: string) => (await clinic.call('compliance.calendar', {})).items.filter((i) => i.kind === kind);

describe('BBP training records', () => {
  it('refuses training without attendees, naming the field and writing nothing', async () => {
    const before = rowCounts(clinic.env.db, trainingTables);
    for (const attendeeStaffIds of [[], undefined]) {
      const result = await dispatch(clinic.env, 'compliance.recordTraining', { ...training(), attendeeStaffIds });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'attendeeStaffIds' } });
    }
    expect(await dispatch(clinic.env, 'compliance.recordTraining', training({ attendeeStaffIds: [clinic.therapistId, clinic.therapistId] }))).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'attendeeStaffIds.1' },
    });
    expect(await dispatch(clinic.env, 'compliance.recordTraining', training({ trainerQualifications: '' }))).toMatchObject({ ok: false, error: { field: 'trainerQualifications' } });
    expect(rowCounts(clinic.env.db, trainingTables)).toEqual(before);
  });

  it('keeps attendee names and job titles as they were on the day, with 3-year retention', async () => {
    const recorded = await clinic.call('compliance.recordTraining', training());
    expect(recorded).toMatchObject({ trainedOn: '2025-04-15', trainingType: 'annual', retainUntil: '2028-04-15' });
    expect(recorded.attendees).toEqual([
      { staffId: clinic.managerId, name: 'Morgan Manager', jobTitle: 'Manager' },
      { staffId: clinic.therapistId, name: 'Priya Raman', jobTitle: 'DPT' },
    ]);
    await clinic.call('staff.update', { id: clinic.therapistId, name: 'Priya Raman-Shah', role: 'therapist', jobTitle: 'Lead DPT' });
    expect((await clinic.call('compliance.listTrainings', {}))[0]?.attendees[1]).toEqual({ staffId: clinic.therapistId, name: 'Priya Raman', jobTitle: 'DPT' });
    expect(auditEvents(clinic.env.db, 'bbp_training').map((e) => e.action)).toEqual(['create']);
  });

  it("gives each staff member's next annual due date and shows due and overdue training on the calendar", async () => {
    const marcus = await clinic.call('staff.create', { name: 'Marcus Lee', role: 'therapist', jobTitle: 'DPT' });
    await clinic.call('staff.create', { name: 'Jordan Avery', role: 'front_desk', jobTitle: 'Front desk' });
    await clinic.call('compliance.recordTraining', training({ trainedOn: '2025-03-20' }));
    let status = await clinic.call('compliance.trainingStatus', {});
    expect(status.map((s) => [s.name, s.lastTrainedOn, s.nextDueOn, s.state])).toEqual([
      ['Marcus Lee', null, null, 'never_trained'],
      ['Morgan Manager', '2025-03-20', '2026-03-20', 'due_soon'],
      ['Priya Raman', '2025-03-20', '2026-03-20', 'due_soon'],
    ]);
    const items = await calendarItems('training_due');
    expect(items.map((i) => [i.title, i.severity, i.dueOn])).toEqual([
      ['Initial BBP training: Marcus Lee', 'due_soon', '2026-03-02'],
      ['Annual BBP training: Morgan Manager', 'due_soon', '2026-03-20'],
      ['Annual BBP training: Priya Raman', 'due_soon', '2026-03-20'],
    ]);
    clinic.setNow('2026-03-21T17:00:00.000Z');
    await signInManager(clinic);
    status = await clinic.call('compliance.trainingStatus', {});
    expect(status.find((s) => s.staffId === clinic.therapistId)?.state).toBe('overdue');
    expect((await calendarItems('training_due')).every((i) => i.severity === 'overdue')).toBe(true);

    const fresh = await clinic.call('compliance.recordTraining', training({ trainedOn: '2026-03-21', attendeeStaffIds: [clinic.therapistId, marcus.id, clinic.managerId] }));
    expect(await calendarItems('training_due')).toEqual([]);
    await clinic.call('compliance.voidTraining', { id: fresh.id, reason: 'session was cancelled' });
    expect((await clinic.call('compliance.trainingStatus', {})).find((s) => s.staffId === marcus.id)?.state).toBe('never_trained');
  });

  it('is an employee record: managers and the auditor read it, therapists and front desk do not', async () => {
    await clinic.call('compliance.recordTraining', training());
    await signInAs(clinic, 'auditor');
    expect(await clinic.call('compliance.listTrainings', {})).toHaveLength(1);
    expect(await dispatch(clinic.env, 'compliance.recordTraining', training())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(clinic, 'therapist');
    expect(await dispatch(clinic.env, 'compliance.listTrainings', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('hepatitis B vaccination offers', () => {
  const offer = (overrides: Partial<MethodInput<'compliance.recordHbvOffer'>> = {}): MethodInput<'compliance.recordHbvOffer'> => ({
    staffId: clinic.therapistId,
    assignedOn: '2026-02-02',
    offeredOn: '2026-02-16',
    response: 'accepted',
    ...overrides,
  });

  it('flags an offer made more than 10 working days after assignment', async () => {
    const inTime = await clinic.call('compliance.recordHbvOffer', offer()); // 10th working day
    expect(inTime).toMatchObject({ offerDeadlineOn: '2026-02-16', isOfferedInTime: true, flags: [] });
    const late = await clinic.call('compliance.amendHbvOffer', { id: inTime.id, reason: 'offer date was keyed wrong', ...offer({ offeredOn: '2026-02-17' }) });
    expect(late).toMatchObject({ isOfferedInTime: false, amendmentCount: 1 });
    expect(late.flags[0]).toMatch(/more than 10 working days after assignment on 2026-02-02/);
  });

  it('flags a declination without the signed Appendix A form, and keeps one summary per staff member', async () => {
    const declined = await clinic.call('compliance.recordHbvOffer', offer({ response: 'declined', isDeclinationSigned: false }));
    expect(declined.flags).toEqual(['Declined, but no signed declination (Appendix A to 1910.1030) is on file.']);
    expect(await calendarItems('hbv_vaccination')).toMatchObject([{ title: 'Signed hepatitis B declination missing: Priya Raman', severity: 'overdue' }]);
    expect(await dispatch(clinic.env, 'compliance.recordHbvOffer', offer())).toMatchObject({ ok: false, error: { code: 'conflict', field: 'staffId' } });
    const signed = await clinic.call('compliance.amendHbvOffer', { id: declined.id, reason: 'signed form received', ...offer({ response: 'declined', isDeclinationSigned: true }) });
    expect(signed.flags).toEqual([]);
    expect(await calendarItems('hbv_vaccination')).toEqual([]);
    // The audit log (readable by the auditor) names the record, not the person.
    expect(JSON.stringify(auditEvents(clinic.env.db, 'hbv_vaccination'))).not.toMatch(/Priya|staffId/);
  });

  it('asks for a missing offer on the calendar, naming the person only to a manager', async () => {
    await clinic.call('staff.create', { name: 'Marcus Lee', role: 'therapist', jobTitle: 'DPT' });
    const items = await calendarItems('hbv_vaccination');
    expect(items.map((i) => [i.title, i.severity, i.dueOn])).toEqual([
      ['Hepatitis B vaccination offer not recorded: Marcus Lee', 'due_soon', '2026-03-16'],
      ['Hepatitis B vaccination offer not recorded: Priya Raman', 'due_soon', '2026-03-16'],
    ]);
    await signInAs(clinic, 'therapist', 'Elena Sokolova');
    const seen = await calendarItems('hbv_vaccination');
    expect(seen).toMatchObject([{ title: 'Hepatitis B vaccination records to complete (3)', link: { area: 'vaccination' } }]);
    expect(JSON.stringify(seen)).not.toContain('Marcus');
    expect(await dispatch(clinic.env, 'compliance.listHbvOffers', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(clinic, 'auditor');
    expect(await dispatch(clinic.env, 'compliance.listHbvOffers', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
