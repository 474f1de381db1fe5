import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { receiveLot } from '../inventory/inventory-test-helpers';
import { openComplianceClinic, recordSession, signInAs, signInManager, type ComplianceClinic } from './compliance-test-helpers';

let clinic: ComplianceClinic;
beforeEach(async () => {
  clinic = await openComplianceClinic(); // Monday 2026-03-02
});
afterEach(() => clinic.close());

const calendar = () => clinic.call('compliance.calendar', {});
const ofKind = async (kind: string) => (await calendar()).items.filter((i) => i.kind === kind);
const register = (overrides: Record<string, unknown> = {}) =>
  clinic.call('compliance.registerContainer', { label: 'R1-001', size: '1 qt', room: 'Room 1', capacityNeedles: 400, placedInServiceOn: '2026-02-20', ...overrides });
const moveTo = async (iso: string) => {
  clinic.setNow(iso);
  await signInManager(clinic);
};
const reviewPlan = () =>
  clinic.call('compliance.recordPlanReview', {
    reviewedOn: '2026-02-20',
    reviewer: 'Morgan Manager',
    changes: 'None this year.',
    saferDevicesConsidered: 'No engineered-safety filiform needle is available; point-of-use containers kept.',
    isFrontlineConsulted: true,
    frontlineNames: 'Priya Raman',
  });

describe('the compliance calendar', () => {
  it('is green when nothing is overdue, though things may be due soon', async () => {
    let cal = await calendar();
    expect(cal.items.filter((i) => i.severity === 'overdue').map((i) => i.kind)).toEqual(['plan_review_due']);
    expect(cal.isInspectionReady).toBe(false);
    await reviewPlan();
    cal = await calendar();
    expect(cal).toMatchObject({ today: '2026-03-02', overdueCount: 0, isInspectionReady: true });
    expect(cal.items.map((i) => i.kind).sort()).toEqual(['hbv_vaccination', 'task_due', 'training_due']);
    expect(cal.dueSoonCount).toBe(3);
  });

  it('follows a container from placement through the fill line, sealing and pickup back to green', async () => {
    await reviewPlan();
    const c = await register({ placedInServiceOn: '2026-03-02' });
    expect(await ofKind('fill_check_due')).toMatchObject([{ severity: 'due_soon', dueOn: '2026-03-08', link: { area: 'sharps', id: c.id } }]);
    await clinic.call('compliance.recordFillCheck', { containerId: c.id, checkedOn: '2026-03-02', level: 'three_quarter', isUprightAndClosed: true });
    let cal = await calendar();
    expect(cal.items[0]).toMatchObject({ kind: 'container_to_seal', severity: 'overdue', title: 'Seal and replace: R1-001 (Room 1)', link: { area: 'sharps', id: c.id } });
    expect(cal.items.filter((i) => i.kind === 'fill_check_due')).toEqual([]);
    expect(cal.isInspectionReady).toBe(false);
    await clinic.call('compliance.sealContainer', { containerId: c.id, sealedOn: '2026-03-02', level: 'three_quarter' });
    cal = await calendar();
    expect(cal.items.filter((i) => i.kind.startsWith('container'))).toMatchObject([{ kind: 'container_awaiting_pickup', severity: 'due_soon', dueOn: '2026-04-01' }]);
    expect(cal.isInspectionReady).toBe(true);
    await clinic.call('compliance.recordPickup', { pickedUpOn: '2026-03-02', hauler: 'Stericycle', manifestNumber: 'STC-1', containerIds: [c.id] });
    cal = await calendar();
    expect(cal.items.filter((i) => i.link.area === 'sharps' || i.link.area === 'pickups')).toEqual([]);
    expect(cal.isInspectionReady).toBe(true);
  });

  it('asks for this week’s fill check, overdue once a week has passed without one', async () => {
    const c = await register();
    await clinic.call('compliance.recordFillCheck', { containerId: c.id, checkedOn: '2026-02-24', level: 'quarter', isUprightAndClosed: true });
    expect(await ofKind('fill_check_due')).toMatchObject([{ severity: 'due_soon', dueOn: '2026-03-03', detail: 'Last checked 2026-02-24 at ¼ full.' }]);
    await moveTo('2026-03-04T16:00:00.000Z');
    expect(await ofKind('fill_check_due')).toMatchObject([{ severity: 'overdue', dueOn: '2026-03-03' }]);
    await clinic.call('compliance.recordFillCheck', { containerId: c.id, checkedOn: '2026-03-04', level: 'half', isUprightAndClosed: true });
    expect(await ofKind('fill_check_due')).toEqual([]);
  });

  it('plans replacement and the fill line ahead, and flags rooms needling without a container', async () => {
    const old = await register({ placedInServiceOn: '2026-01-01', capacityNeedles: 30 });
    await clinic.call('compliance.recordFillCheck', { containerId: old.id, checkedOn: '2026-03-02', level: 'half', isUprightAndClosed: true });
    expect(await ofKind('container_replacement_due')).toMatchObject([{ severity: 'due_soon', dueOn: '2026-04-01' }]);
    await recordSession(clinic, { sessionDate: '2026-02-25', sharpsContainerId: old.id, needleCount: 13 });
    await recordSession(clinic, { sessionDate: '2026-03-02', sharpsContainerId: old.id, needleCount: 13 });
    expect(await ofKind('container_fill_line_soon')).toMatchObject([{ severity: 'due_soon', title: 'Expected at its fill line: R1-001 (Room 1)', dueOn: '2026-03-07' }]);
    await recordSession(clinic, { sessionDate: '2026-03-02', room: 'Room 2' });
    expect(await ofKind('room_without_container')).toMatchObject([{ severity: 'overdue', title: 'No sharps container in service: Room 2', dueOn: '2026-03-02', link: { area: 'sharps' } }]);
  });

  it('chases a missing certificate of destruction 35 days after pickup, overdue after 45', async () => {
    const c = await register({ placedInServiceOn: '2026-01-05' });
    await clinic.call('compliance.sealContainer', { containerId: c.id, sealedOn: '2026-01-19', level: 'three_quarter' });
    const pickup = await clinic.call('compliance.recordPickup', { pickedUpOn: '2026-01-20', hauler: 'Stericycle', manifestNumber: 'STC-9', containerIds: [c.id] });
    expect(await ofKind('certificate_missing')).toMatchObject([{ severity: 'due_soon', dueOn: '2026-03-06', link: { area: 'pickups', id: pickup.id } }]);
    await moveTo('2026-03-07T16:00:00.000Z');
    expect(await ofKind('certificate_missing')).toMatchObject([{ severity: 'overdue' }]);
    await clinic.call('compliance.recordCertificate', { pickupId: pickup.id, certificateReference: 'COD-1', receivedOn: '2026-03-07' });
    expect(await ofKind('certificate_missing')).toEqual([]);
  });

  it('includes expired stock still on the shelf (overdue) and lots expiring within 30 days', async () => {
    const expired = await receiveLot(clinic.call, clinic.needleItemId, 'OLD', '2026-02-28', 20, '2026-02-01');
    const expiring = await receiveLot(clinic.call, clinic.needleItemId, 'MARCH', '2026-03-20', 20, '2026-02-01');
    await receiveLot(clinic.call, clinic.needleItemId, 'MAY', '2026-05-20', 20, '2026-02-01');
    const cal = await calendar();
    expect(cal.items.filter((i) => i.link.area === 'inventory').map((i) => [i.kind, i.severity, i.link.id, i.dueOn])).toEqual([
      ['lot_expired', 'overdue', expired.id, '2026-02-28'],
      ['lot_expiring', 'due_soon', expiring.id, '2026-03-20'],
    ]);
    expect(cal.items.findIndex((i) => i.severity === 'due_soon')).toBeGreaterThan(cal.items.findLastIndex((i) => i.severity === 'overdue'));
  });

  it('is read by every role; the inspector view by the auditor and managers only, without names', async () => {
    await clinic.call('compliance.recordInjury', {
      occurredOn: '2026-02-10',
      occurredTime: '14:20',
      deviceType: 'filiform_dry_needle',
      workArea: 'Room 1',
      howItHappened: 'Stuck while recapping a guide tube.',
      employeeStaffId: clinic.therapistId,
    });
    await signInAs(clinic, 'front_desk');
    expect((await calendar()).items.length).toBeGreaterThan(0);
    await signInAs(clinic, 'therapist');
    expect((await calendar()).items.length).toBeGreaterThan(0);
    expect(await dispatch(clinic.env, 'compliance.inspectorView', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(clinic, 'auditor');
    expect((await calendar()).items.length).toBeGreaterThan(0);
    const view = await clinic.call('compliance.inspectorView', {});
    expect(view).toMatchObject({ generatedOn: '2026-03-02', clinicName: 'Test Clinic', maintainedVoluntarily: true });
    expect(view.records.map((r) => [r.key, r.status])).toEqual([
      ['sharps_injury_log', 'ok'],
      ['bbp_training', 'missing'],
      ['exposure_control_plan', 'missing'],
      ['hbv_vaccination', 'missing'],
      ['sharps_containers', 'ok'],
      ['waste_pickups', 'ok'],
      ['mdr_files', 'ok'],
      ['dn_credentials', 'attention'], // the therapist signed in above has no credential
    ]);
    expect(view.records[0]?.evidence).toMatchObject({ entries: 1, lastEntryOn: '2026-02-10', identitiesSeparate: true });
    expect(view.records[7]?.evidence).toMatchObject({ state: 'VA', therapists: 2, clearedToday: 1 });
    expect(view.retentionRules.map((r) => r.key)).toContain('audit_event');
    expect(JSON.stringify(view)).not.toContain('Priya');
  });
});
