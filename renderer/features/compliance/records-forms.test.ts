import { describe, expect, it } from 'vitest';
import type { TaskView } from '../../../db/compliance/tasks-contract';
import {
  newCredentialValues,
  newDefectValues,
  newHbvValues,
  newPlanReviewValues,
  newTaskValues,
  newTrainingValues,
  ownerFields,
  stateProfileToFormValues,
  taskToFormValues,
  toAnnualReportInput,
  toCompleteTaskInput,
  toCreateTaskInput,
  toCredentialInput,
  toDecideInput,
  toDefectInput,
  toPlanReviewInput,
  toRecordHbvInput,
  toStateProfileInput,
  toTrainingInput,
  toUpdateTaskInput,
} from './records-forms';

describe('training', () => {
  const values = { ...newTrainingValues('2026-08-01'), contentSummary: 'All 14 elements', trainerName: 'Lena Ortiz', trainerQualifications: 'CIC' };
  it('refuses training without attendees, beside the attendee list', () => {
    const check = toTrainingInput(values);
    expect(check.ok ? null : check.fieldErrors).toEqual({ attendeeStaffIds: 'training needs at least one attendee' });
  });
  it('maps attendees from the multi-select', () => {
    const check = toTrainingInput({ ...values, attendeeStaffIds: '1,4' });
    expect(check.ok && check.input.attendeeStaffIds).toEqual([1, 4]);
  });
});

describe('vaccination offer', () => {
  it('keeps a signed declination only when declined', () => {
    const accepted = toRecordHbvInput({ ...newHbvValues('2026-03-02', 4), response: 'accepted', isDeclinationSigned: 'true' });
    expect(accepted.ok && accepted.input.isDeclinationSigned).toBe(false);
    const declined = toRecordHbvInput({ ...newHbvValues('2026-03-02', 4), response: 'declined', isDeclinationSigned: 'true' });
    expect(declined.ok && declined.input.isDeclinationSigned).toBe(true);
  });
  it('asks for the staff member', () => {
    const check = toRecordHbvInput(newHbvValues('2026-03-02'));
    expect(check.ok ? null : check.fieldErrors.staffId).toBe('choose the staff member');
  });
});

describe('plan review', () => {
  const values = { ...newPlanReviewValues('2026-09-15', 'Dana'), changes: 'None', saferDevicesConsidered: 'None on the market' };
  it('needs a yes or no on frontline input, and names when yes', () => {
    expect(toPlanReviewInput(values).ok ? null : (toPlanReviewInput(values) as { fieldErrors: object }).fieldErrors).toEqual({
      isFrontlineConsulted: 'must say whether frontline staff were consulted',
    });
    const yes = toPlanReviewInput({ ...values, isFrontlineConsulted: 'true' });
    expect(yes.ok ? null : yes.fieldErrors).toEqual({ frontlineNames: 'must name the frontline staff consulted' });
    const no = toPlanReviewInput({ ...values, isFrontlineConsulted: 'false', frontlineNames: 'left over' });
    expect(no.ok && no.input.frontlineNames).toBe('');
  });
});

describe('credential', () => {
  it('refuses an expiry before the completion date', () => {
    const values = { ...newCredentialValues('VA', 2), course: 'DN 1', provider: 'Kinetacore', hours: '27', completedOn: '2026-05-01', expiresOn: '2026-04-01' };
    const check = toCredentialInput(values);
    expect(check.ok ? null : check.fieldErrors).toEqual({ expiresOn: 'must not be before the completion date' });
    const ok = toCredentialInput({ ...values, expiresOn: '', state: 'va' });
    expect(ok.ok && ok.input.expiresOn === null && ok.input.state === 'VA').toBe(true);
  });
});

describe('state profile', () => {
  it('round-trips numbers, flags and text', () => {
    const values = { ...stateProfileToFormValues(null), state: 'va', stateName: 'Virginia', isDnPermitted: 'true', minHoursTotal: '54' };
    const check = toStateProfileInput(values);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.input).toMatchObject({ state: 'VA', isDnPermitted: true, minHoursTotal: 54, minHoursInPerson: null, consentWrittenRequired: false });
  });
});

describe('tasks', () => {
  it('maps the single owner control to a role or a staff member', () => {
    expect(ownerFields('role:front_desk')).toEqual({ ownerRole: 'front_desk', ownerStaffId: null });
    expect(ownerFields('staff:7')).toEqual({ ownerRole: null, ownerStaffId: 7 });
    expect(ownerFields('')).toEqual({ ownerRole: null, ownerStaffId: null });
  });

  it('creates a task and refuses a window longer than its period', () => {
    const values = { ...newTaskValues('2026-03-02'), title: 'Eyewash check', cadence: 'weekly', windowDays: '9', owner: 'role:therapist' };
    const check = toCreateTaskInput(values);
    expect(check.ok ? null : check.fieldErrors).toEqual({ windowDays: 'must fit inside one period (7 days weekly, 28 monthly, 365 yearly)' });
    const ok = toCreateTaskInput({ ...values, windowDays: '' });
    expect(ok.ok && ok.input).toMatchObject({ cadence: 'weekly', windowDays: null, ownerRole: 'therapist' });
  });

  it('edits with a reason', () => {
    const task = { id: 5, title: 'Eyewash', description: '', cadence: 'monthly', windowDays: 7, startsOn: '2026-01-01', ownerRole: null, ownerStaffId: 3, isActive: true } as TaskView;
    const values = taskToFormValues(task);
    expect(values.owner).toBe('staff:3');
    const check = toUpdateTaskInput(5, values);
    expect(check.ok ? null : check.fieldErrors).toEqual({ reason: 'must say why (at least 3 characters)' });
    expect(toCompleteTaskInput(5, { doneOn: '2026-03-02', note: '' })).toEqual({ ok: true, input: { taskId: 5, doneOn: '2026-03-02', note: '' } });
  });
});

describe('MDR', () => {
  it('opens a defect evaluation linked to a lot', () => {
    const blank = toDefectInput(newDefectValues('2026-03-02'));
    expect(blank.ok ? null : blank.fieldErrors).toEqual({ lotId: 'choose the lot', defect: 'choose the defect', summary: 'must not be empty' });
    const ok = toDefectInput({ ...newDefectValues('2026-03-02'), lotId: '3', defect: 'broken_needle', summary: 'Tip broke on withdrawal' });
    expect(ok.ok && ok.input).toMatchObject({ lotId: 3, defect: 'broken_needle', sessionId: null });
  });

  it('decides yes or no with reasoning, and records the annual report', () => {
    const check = toDecideInput(4, { reportable: '', reasoning: '', decidedOn: '2026-03-02', reason: '' });
    expect(check.ok ? null : check.fieldErrors).toEqual({ reportable: 'choose whether it is reportable', reasoning: 'must not be empty' });
    expect(toAnnualReportInput(2025, { submittedOn: '2026-01-01', reference: 'F3419' })).toEqual({
      ok: true,
      input: { year: 2025, submittedOn: '2026-01-01', reference: 'F3419' },
    });
  });
});
