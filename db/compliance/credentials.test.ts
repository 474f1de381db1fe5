import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { auditEvents, openComplianceClinic, rowCounts, signInAs, signInManager, type ComplianceClinic } from './compliance-test-helpers';
import { credentialProblem } from './credentials-rules';

let clinic: ComplianceClinic;
let marcusId: number;
beforeEach(async () => {
  clinic = await openComplianceClinic();
  marcusId = (await clinic.call('staff.create', { name: 'Marcus Lee', role: 'therapist', jobTitle: 'DPT' })).id;
});
afterEach(() => clinic.close());

function credential(overrides: Partial<MethodInput<'compliance.recordCredential'>> = {}): MethodInput<'compliance.recordCredential'> {
  return { staffId: marcusId, course: 'Functional Dry Needling Level 1', provider: 'Kinetacore', hours: 27, completedOn: '2025-01-10', certificateNumber: 'KC-77', state: 'VA', ...overrides };
}

const problem = (date = '2026-03-02', id = marcusId) => credentialProblem(clinic.env.db, id, date);

describe('state rule profiles', () => {
  it('ship with VA, CO, MD, FL, DE, GA and AZ as data, marked verified or not', async () => {
    const profiles = await clinic.call('compliance.listStateProfiles', {});
    expect(profiles.map((p) => [p.state, p.minHoursTotal, p.minPracticeYears, p.isVerified])).toEqual([
      ['AZ', 24, null, false],
      ['CO', 46, 2, false],
      ['DE', 54, 2, false],
      ['FL', 50, 2, false],
      ['GA', 50, null, false],
      ['MD', 80, 2, true],
      ['VA', 54, null, false],
    ]);
    expect(profiles.find((p) => p.state === 'VA')).toMatchObject({ consentMustStateNotAcupuncture: true, referralRequired: true });
    expect(profiles.find((p) => p.state === 'FL')).toMatchObject({ supervisedSessions: 25, adverseEventReportDays: 15 });
  });

  it('are edited by managers with an audit event holding the old values; others only read them', async () => {
    const va = (await clinic.call('compliance.listStateProfiles', {})).find((p) => p.state === 'VA')!;
    const { updatedAt: _u, updatedByName: _n, ...values } = va;
    const saved = await clinic.call('compliance.saveStateProfile', { ...values, isVerified: true, verificationNote: 'Checked 18VAC112-20-121 on the Town Hall site.', reason: 'verified against the final rule' });
    expect(saved).toMatchObject({ isVerified: true, updatedByName: 'Morgan Manager' });
    const [event] = auditEvents(clinic.env.db, 'dn_state_profile');
    expect(event).toMatchObject({ action: 'update', entity_id: 'VA', reason: 'verified against the final rule' });
    expect(JSON.parse(event!.before_json)).toMatchObject({ isVerified: false });
    expect(await dispatch(clinic.env, 'compliance.saveStateProfile', { ...values, state: 'Virginia' })).toMatchObject({ ok: false, error: { field: 'state' } });
    await signInAs(clinic, 'therapist');
    expect((await clinic.call('compliance.listStateProfiles', {})).length).toBe(7);
    expect(await dispatch(clinic.env, 'compliance.saveStateProfile', values)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('therapist credentials', () => {
  it('refuses an expiry before the completion date, naming the field and writing nothing', async () => {
    const before = rowCounts(clinic.env.db, ['dn_credentials', 'audit_events']);
    const result = await dispatch(clinic.env, 'compliance.recordCredential', credential({ completedOn: '2025-06-01', expiresOn: '2025-05-31' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'expiresOn', message: 'expiresOn: must not be before the completion date' } });
    expect(await dispatch(clinic.env, 'compliance.recordCredential', credential({ hours: 0 }))).toMatchObject({ ok: false, error: { field: 'hours' } });
    expect(await dispatch(clinic.env, 'compliance.recordCredential', credential({ state: 'va' }))).toMatchObject({ ok: false, error: { field: 'state' } });
    expect(rowCounts(clinic.env.db, ['dn_credentials', 'audit_events'])).toEqual(before);
  });

  it('clears a therapist only with a credential valid on the date that meets the state minimum hours', async () => {
    expect(problem()).toBe('Marcus Lee has no dry-needling credential valid on 2026-03-02');
    await clinic.call('compliance.recordCredential', credential());
    expect(problem()).toBe("Marcus Lee's dry-needling training valid on 2026-03-02 totals 27 hours; Virginia requires at least 54 hours");
    // Courses add up: state minimums count total training.
    await clinic.call('compliance.recordCredential', credential({ course: 'Functional Dry Needling Level 2', completedOn: '2025-06-10', expiresOn: '2026-04-15' }));
    expect(problem()).toBeNull();
    expect(problem('2025-03-01')).toMatch(/totals 27 hours/);
    expect(problem('2025-01-09')).toBe('Marcus Lee has no dry-needling credential valid on 2025-01-09');
    expect(problem('2026-04-16')).toMatch(/totals 27 hours/);
    expect(credentialProblem(clinic.env.db, 999, '2026-03-02')).toBe('There is no staff member #999');
  });

  it('names a lapsed credential and credentials held for another state', async () => {
    await clinic.call('compliance.recordCredential', credential({ hours: 60, expiresOn: '2026-01-31' }));
    expect(problem()).toBe('Marcus Lee has no dry-needling credential valid on 2026-03-02 (the last one for VA expired on 2026-01-31)');
    await clinic.call('compliance.recordCredential', credential({ hours: 60, state: 'CO' }));
    await clinic.call('settings.update', { stateProfile: 'CO' });
    expect(problem()).toBeNull();
    await clinic.call('settings.update', { stateProfile: 'MD' });
    expect(problem()).toBe('Marcus Lee has no dry-needling credential valid on 2026-03-02 for MD (those on file are for CO)');
  });

  it('follows the state profile as data: a state where PTs may not needle, and a state with no profile', async () => {
    await clinic.call('compliance.recordCredential', credential({ hours: 100, state: 'CA' }));
    await clinic.call('settings.update', { stateProfile: 'TX' });
    expect(problem()).toMatch(/The clinic's state TX has no dry-needling rule profile/);
    await clinic.call('compliance.saveStateProfile', { state: 'CA', stateName: 'California', isDnPermitted: false, sources: 'APTA list', reason: 'CA clinic opened' });
    await clinic.call('settings.update', { stateProfile: 'CA' });
    expect(problem()).toBe("Dry needling by physical therapists is not permitted in California according to the clinic's state profile");
  });

  it('lists each therapist with what stops them, and warns 60 days before cover lapses', async () => {
    await clinic.call('compliance.recordCredential', credential({ hours: 54, expiresOn: '2026-04-20' }));
    await clinic.call('staff.create', { name: 'Tom Brennan', role: 'therapist', jobTitle: 'DPT' });
    const overview = await clinic.call('compliance.listCredentials', {});
    expect(overview.selectedState).toBe('VA');
    expect(overview.stateProfile?.minHoursTotal).toBe(54);
    expect(overview.therapists.map((t) => [t.name, t.problem === null, t.validHours, t.validUntil])).toEqual([
      ['Marcus Lee', true, 54, '2026-04-20'],
      ['Priya Raman', true, 60, null],
      ['Tom Brennan', false, 0, null],
    ]);
    expect(overview.credentials.find((c) => c.staffId === marcusId)?.credentialState).toBe('expiring');

    const items = (await clinic.call('compliance.calendar', {})).items.filter((i) => i.kind.startsWith('credential'));
    expect(items.map((i) => [i.kind, i.severity, i.title, i.dueOn])).toEqual([
      ['credential_problem', 'overdue', 'Not cleared to dry-needle: Tom Brennan', '2026-03-02'],
      ['credential_expiring', 'due_soon', 'Dry-needling credential expiring: Marcus Lee', '2026-04-20'],
    ]);

    clinic.setNow('2026-04-21T16:00:00.000Z');
    await signInManager(clinic);
    const later = (await clinic.call('compliance.calendar', {})).items.filter((i) => i.kind === 'credential_problem').map((i) => i.title);
    expect(later).toEqual(['Not cleared to dry-needle: Marcus Lee', 'Not cleared to dry-needle: Tom Brennan']);
  });

  it('is written by managers, read by everyone, and voided rather than deleted', async () => {
    const c = await clinic.call('compliance.recordCredential', credential({ hours: 54 }));
    await signInAs(clinic, 'front_desk');
    expect((await clinic.call('compliance.listCredentials', {})).credentials).toHaveLength(2);
    expect(await dispatch(clinic.env, 'compliance.recordCredential', credential())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInManager(clinic);
    expect(await dispatch(clinic.env, 'compliance.recordCredential', credential({ staffId: (await clinic.call('staff.list', {})).find((s) => s.role === 'front_desk')!.id }))).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'staffId' },
    });
    await clinic.call('compliance.voidCredential', { id: c.id, reason: 'certificate could not be verified' });
    expect(problem()).toBe('Marcus Lee has no dry-needling credential valid on 2026-03-02');
    expect((await clinic.call('compliance.listCredentials', { staffId: marcusId, includeVoided: true })).credentials[0]).toMatchObject({ credentialState: 'voided' });
    expect(() => clinic.env.db.prepare('DELETE FROM dn_credentials').run()).toThrow(/void them instead/);
  });
});
