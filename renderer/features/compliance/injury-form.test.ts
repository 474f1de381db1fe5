import { describe, expect, it } from 'vitest';
import type { InjuryView } from '../../../db/compliance/injury-contract';
import { followUpsToText, injuryToFormValues, newInjuryValues, parseFollowUps, toAmendInjuryInput, toRecordInjuryInput } from './injury-form';

const filled = {
  ...newInjuryValues('2026-07-02'),
  occurredTime: '14:20',
  lotId: '1',
  workArea: 'Treatment room 1',
  howItHappened: 'Needle slipped from its guide tube on the way to the container.',
  procedurePhase: 'disposal',
  followUps: '2026-07-02 Occupational health evaluation\n\n2026-08-13  6-week tests (negative)',
  employeeStaffId: '2',
};

describe('parseFollowUps', () => {
  it('reads one dated follow-up per line, skipping blank lines', () => {
    expect(parseFollowUps(filled.followUps)).toEqual({
      followUps: [
        { on: '2026-07-02', what: 'Occupational health evaluation' },
        { on: '2026-08-13', what: '6-week tests (negative)' },
      ],
      error: null,
    });
  });

  it('names the line that does not start with a date', () => {
    expect(parseFollowUps('2026-07-02 ok\nnext week: tests').error).toBe('line 2: write the date (YYYY-MM-DD), a space, then what was done');
  });

  it('round-trips through text', () => {
    const list = [{ on: '2026-07-02', what: 'Evaluation' }];
    expect(parseFollowUps(followUpsToText(list)).followUps).toEqual(list);
  });
});

describe('toRecordInjuryInput', () => {
  it('maps the form, identity kept in its own fields', () => {
    const check = toRecordInjuryInput(filled);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.input).toMatchObject({
      occurredOn: '2026-07-02',
      occurredTime: '14:20',
      deviceType: 'filiform_dry_needle',
      lotId: 1,
      stockItemId: null,
      procedurePhase: 'disposal',
      employeeStaffId: 2,
      sourceSessionId: null,
    });
    expect(check.input.followUps).toHaveLength(2);
  });

  it('refuses an entry without a work area or the injured employee, naming the fields', () => {
    const check = toRecordInjuryInput({ ...filled, workArea: ' ', employeeStaffId: '', occurredTime: '2pm' });
    expect(check.ok ? null : check.fieldErrors).toEqual({
      employeeStaffId: 'choose the injured employee',
      occurredTime: 'must be a time written HH:MM (24-hour)',
      workArea: 'must not be empty',
    });
  });

  it('puts a bad follow-up date beside the follow-ups', () => {
    const check = toRecordInjuryInput({ ...filled, followUps: '2026-02-30 Test' });
    expect(check.ok ? null : check.fieldErrors).toEqual({ followUps: 'is not a real calendar date' });
  });
});

describe('amending', () => {
  it('fills the form from the entry and the identity, and needs a reason', () => {
    const view = {
      id: 9,
      occurredOn: '2026-07-02',
      occurredTime: '14:20',
      deviceType: 'lancet',
      deviceBrand: 'Acme',
      lotId: null,
      workArea: 'Room 2',
      howItHappened: 'Stuck',
      procedurePhase: null,
      bodyPart: '',
      jobClassification: 'PT',
      protocolFollowed: 'Washed',
      followUps: [{ on: '2026-07-03', what: 'Tests' }],
    } as unknown as InjuryView;
    const values = injuryToFormValues(view, { staffId: 4, sourceSessionId: null });
    expect(values).toMatchObject({ deviceType: 'lancet', lotId: '', employeeStaffId: '4', sourceSessionId: '', followUps: '2026-07-03 Tests' });
    const missingReason = toAmendInjuryInput(9, values);
    expect(missingReason.ok ? null : missingReason.fieldErrors).toEqual({ reason: 'must say why (at least 3 characters)' });
    const check = toAmendInjuryInput(9, { ...values, reason: 'Added follow-up' });
    expect(check.ok && check.input.injury.employeeStaffId === 4 && check.input.id === 9).toBe(true);
  });
});
