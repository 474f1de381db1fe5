import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { auditEvents, openComplianceClinic, recordSession, rowCounts, signInAs, signInManager, type ComplianceClinic } from './compliance-test-helpers';

let clinic: ComplianceClinic;
beforeEach(async () => {
  clinic = await openComplianceClinic();
});
afterEach(() => clinic.close());

const injuryTables = ['sharps_injuries', 'sharps_injury_identities', 'audit_events'];

function injury(overrides: Partial<MethodInput<'compliance.recordInjury'>> = {}): MethodInput<'compliance.recordInjury'> {
  return {
    occurredOn: '2026-02-10',
    occurredTime: '14:20',
    deviceType: 'filiform_dry_needle',
    deviceBrand: 'Seirin J-Type',
    workArea: 'Treatment room 1',
    howItHappened: 'Needle sprang from the guide tube while carried to the sharps container and pricked a finger through the glove.',
    procedurePhase: 'disposal',
    protocolFollowed: 'Washed with soap and water; reported at once; sent to occupational health the same day.',
    followUps: [{ on: '2026-03-24', what: '6-week HIV/HCV test' }, { on: '2026-02-10', what: 'Occupational health evaluation' }],
    employeeStaffId: clinic.therapistId,
    ...overrides,
  };
}

describe('the sharps injury log', () => {
  it('records the (h)(5) fields with a case number and retention, and keeps the employee out of the log', async () => {
    const entry = await clinic.call('compliance.recordInjury', injury());
    expect(entry).toMatchObject({
      caseNumber: '2026-001',
      deviceType: 'filiform_dry_needle',
      deviceBrand: 'Seirin J-Type',
      workArea: 'Treatment room 1',
      retainUntil: '2031-12-31',
      maintainedVoluntarily: true,
      status: 'recorded',
    });
    expect(entry.followUps.map((f) => f.on)).toEqual(['2026-02-10', '2026-03-24']);
    expect(entry).not.toHaveProperty('employee');
    expect((await clinic.call('compliance.recordInjury', injury({ occurredOn: '2026-02-11', followUps: [] }))).caseNumber).toBe('2026-002');
    expect((await clinic.call('compliance.recordInjury', injury({ occurredOn: '2025-12-30', followUps: [] }))).caseNumber).toBe('2025-001');

    const log = await clinic.call('compliance.listInjuries', {});
    expect(log).toMatchObject({ maintainedVoluntarily: true, logStatus: 'voluntary', includesIdentity: false });
    expect(log.entries.map((e) => e.caseNumber)).toEqual(['2026-002', '2026-001', '2025-001']);
    expect(JSON.stringify(log)).not.toContain('Priya Raman');
    expect((await clinic.call('compliance.listInjuries', { year: 2025 })).entries.map((e) => e.retainUntil)).toEqual(['2030-12-31']);
    // Nothing about who was hurt reaches the audit log, which the auditor can read.
    const logged = JSON.stringify([...auditEvents(clinic.env.db, 'sharps_injury'), ...auditEvents(clinic.env.db, 'sharps_injury_identity')]);
    expect(logged).not.toContain('Priya Raman');
    expect(logged).not.toContain(`"employeeStaffId"`);
  });

  it('says the log is required once the clinic is no longer Part 1904 exempt', async () => {
    await clinic.call('compliance.recordInjury', injury());
    await clinic.call('settings.update', { isOsha1904Exempt: false });
    const log = await clinic.call('compliance.listInjuries', {});
    expect(log).toMatchObject({ maintainedVoluntarily: false, logStatus: 'required' });
    expect(log.entries[0]?.maintainedVoluntarily).toBe(false);
  });

  it('shows identities only to a manager who asks, and audits that read', async () => {
    await clinic.call('compliance.recordInjury', injury());
    const withNames = await clinic.call('compliance.listInjuries', { includeIdentity: true });
    expect(withNames.entries[0]?.employee).toEqual({ staffId: clinic.therapistId, name: 'Priya Raman', sourceSessionId: null });
    const views = auditEvents(clinic.env.db, 'sharps_injury_log');
    expect(views).toMatchObject([{ action: 'view_identity', entity_id: 'all', actor_staff_id: clinic.managerId }]);
    expect(JSON.parse(views[0]!.after_json)).toEqual({ caseNumbers: ['2026-001'] });

    const csv = await clinic.call('compliance.injuryLogCsv', { year: 2026 });
    expect(csv.fileName).toBe('sharps-injury-log-2026.csv');
    expect(csv.csv).toContain('log_status');
    expect(csv.csv).toContain('maintained voluntarily');
    expect(csv.csv).not.toContain('Priya Raman');
    expect((await clinic.call('compliance.injuryLogCsv', { includeIdentity: true })).csv).toContain('Priya Raman');
    expect(auditEvents(clinic.env.db, 'sharps_injury_log').length).toBe(2);

    await signInAs(clinic, 'auditor');
    expect((await clinic.call('compliance.listInjuries', {})).entries.length).toBe(1);
    const before = rowCounts(clinic.env.db, ['audit_events']);
    expect(await dispatch(clinic.env, 'compliance.listInjuries', { includeIdentity: true })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'includeIdentity' } });
    expect(rowCounts(clinic.env.db, ['audit_events'])).toEqual(before);
    expect(await dispatch(clinic.env, 'compliance.recordInjury', injury())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(clinic, 'therapist');
    expect(await dispatch(clinic.env, 'compliance.listInjuries', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each([
    ['deviceType', { deviceType: undefined }],
    ['deviceType', { deviceType: 'scalpel' }],
    ['workArea', { workArea: undefined }],
    ['workArea', { workArea: '   ' }],
    ['howItHappened', { howItHappened: '' }],
    ['occurredTime', { occurredTime: '2pm' }],
    ['employeeStaffId', { employeeStaffId: undefined }],
  ])('refuses an entry without a valid %s, naming the field and writing nothing', async (field, override) => {
    const before = rowCounts(clinic.env.db, injuryTables);
    const result = await dispatch(clinic.env, 'compliance.recordInjury', { ...injury(), ...override });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    expect(rowCounts(clinic.env.db, injuryTables)).toEqual(before);
  });

  it('refuses rule breaks naming the field: future date, follow-up before the injury, a lot of another item', async () => {
    const before = rowCounts(clinic.env.db, injuryTables);
    expect(await dispatch(clinic.env, 'compliance.recordInjury', injury({ occurredOn: '2026-03-03' }))).toMatchObject({ ok: false, error: { field: 'occurredOn' } });
    expect(await dispatch(clinic.env, 'compliance.recordInjury', injury({ followUps: [{ on: '2026-02-01', what: 'x' }] }))).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'followUps.0.on' },
    });
    expect(await dispatch(clinic.env, 'compliance.recordInjury', injury({ stockItemId: clinic.gloveItemId, lotId: clinic.soonLotId }))).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'lotId' },
    });
    expect(await dispatch(clinic.env, 'compliance.recordInjury', injury({ employeeStaffId: 999 }))).toMatchObject({ ok: false, error: { code: 'not_found', field: 'employeeStaffId' } });
    expect(rowCounts(clinic.env.db, injuryTables)).toEqual(before);
  });

  it('links the needle lot, taking the brand from the stock item when none is given', async () => {
    const entry = await clinic.call('compliance.recordInjury', injury({ deviceBrand: '', lotId: clinic.soonLotId }));
    expect(entry).toMatchObject({ lotNumber: 'SOON', stockItemId: clinic.needleItemId, deviceBrand: 'Seirin Seirin J-Type 0.20x30mm' });
    expect((await clinic.call('compliance.recordInjury', injury({ deviceBrand: '' }))).deviceBrand).toBe('unknown');
  });

  it('amends with a reason (the old version stays in the audit log) and voids instead of deleting', async () => {
    const entry = await clinic.call('compliance.recordInjury', injury());
    const session = await recordSession(clinic, { sessionDate: '2026-02-10' });
    const other = await clinic.call('staff.create', { name: 'Marcus Lee', role: 'therapist', jobTitle: 'DPT' });
    const amended = await clinic.call('compliance.amendInjury', {
      id: entry.id,
      reason: 'added the 3-month follow-up and the source session',
      injury: { ...injury(), employeeStaffId: other.id, sourceSessionId: session.id, followUps: [...(injury().followUps ?? []), { on: '2026-05-11', what: '3-month test' }] },
    });
    expect(amended).toMatchObject({ amendmentCount: 1, caseNumber: '2026-001' });
    expect(amended.followUps).toHaveLength(3);
    const identity = (await clinic.call('compliance.listInjuries', { includeIdentity: true })).entries[0]?.employee;
    expect(identity).toEqual({ staffId: other.id, name: 'Marcus Lee', sourceSessionId: session.id });
    expect(clinic.env.db.prepare('SELECT count(*) AS n FROM sharps_injury_identities').get()).toEqual({ n: 2 });
    const events = auditEvents(clinic.env.db, 'sharps_injury');
    expect(events.map((e) => e.action)).toEqual(['create', 'amend']);
    expect(JSON.parse(events[1]!.before_json).followUps).toHaveLength(2);
    expect(events[1]!.reason).toBe('added the 3-month follow-up and the source session');
    expect(JSON.parse(auditEvents(clinic.env.db, 'sharps_injury_identity')[1]!.after_json)).toEqual({ caseNumber: '2026-001', isEmployeeChanged: true, isSourceChanged: true });

    expect(await dispatch(clinic.env, 'compliance.amendInjury', { id: entry.id, reason: 'x', injury: injury() })).toMatchObject({ ok: false, error: { field: 'reason' } });
    const voided = await clinic.call('compliance.voidInjury', { id: entry.id, reason: 'entered for the wrong clinic' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: 'entered for the wrong clinic' });
    expect((await clinic.call('compliance.listInjuries', {})).entries).toEqual([]);
    expect((await clinic.call('compliance.listInjuries', { includeVoided: true })).entries).toHaveLength(1);
    expect(() => clinic.env.db.prepare('DELETE FROM sharps_injuries').run()).toThrow(/void them instead/);
    await signInManager(clinic);
  });
});
