import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { ApiError } from '../api/errors';
import { addDays } from './compliance-dates';
import { openComplianceClinic, recordSession, rowCounts, signInAs, signInManager, auditEvents, type ComplianceClinic } from './compliance-test-helpers';
import { assertContainerTakesUse, defaultContainerForRoom } from './sharps-rules';

let clinic: ComplianceClinic;
beforeEach(async () => {
  clinic = await openComplianceClinic();
});
afterEach(() => clinic.close());

const register = (overrides: Record<string, unknown> = {}) =>
  clinic.call('compliance.registerContainer', { label: 'R1-001', size: '1 qt', make: 'BD', room: 'Room 1', capacityNeedles: 40, placedInServiceOn: '2026-02-21', ...overrides });
const check = (containerId: number, level: 'quarter' | 'half' | 'three_quarter' | 'over_full', checkedOn = '2026-03-02', isUprightAndClosed = true) =>
  clinic.call('compliance.recordFillCheck', { containerId, checkedOn, level, isUprightAndClosed });
const seal = (containerId: number, sealedOn = '2026-03-02', level: 'three_quarter' = 'three_quarter') => clinic.call('compliance.sealContainer', { containerId, sealedOn, level });
const flagCodes = (c: { flags: Array<{ code: string }> }) => c.flags.map((f) => f.code);
const sharpsTables = ['sharps_containers', 'sharps_container_checks', 'sharps_pickups', 'sharps_pickup_containers', 'audit_events'];

describe('registering and checking containers', () => {
  it('places a container in service with its audit event, and refuses a second live container with the same label', async () => {
    const c = await register();
    expect(c).toMatchObject({ label: 'R1-001', room: 'Room 1', status: 'in_service', isOpen: true, needlesIn: 0, predictedFillLineOn: null, replaceBy: '2026-05-22', flags: [] });
    expect(auditEvents(clinic.env.db, 'sharps_container').map((e) => e.action)).toEqual(['create']);
    expect(await dispatch(clinic.env, 'compliance.registerContainer', { label: 'r1-001', size: '1 qt', room: 'Room 2', capacityNeedles: 40, placedInServiceOn: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'label' },
    });
    expect(await dispatch(clinic.env, 'compliance.registerContainer', { label: 'R9', size: '1 qt', room: 'Room 2', capacityNeedles: 40, placedInServiceOn: '2026-03-03' })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'placedInServiceOn' },
    });
  });

  it.each([['seven_eighths'], ['full'], [''], [3]])('refuses the fill level %j, naming the field and writing nothing', async (level) => {
    const c = await register();
    const before = rowCounts(clinic.env.db, sharpsTables);
    const result = await dispatch(clinic.env, 'compliance.recordFillCheck', { containerId: c.id, checkedOn: '2026-03-02', level, isUprightAndClosed: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'level', message: expect.stringContaining('quarter, half, three_quarter, over_full') } });
    expect(rowCounts(clinic.env.db, sharpsTables)).toEqual(before);
  });

  it('records who checked, and refuses a check dated before the container was placed', async () => {
    const c = await register();
    const after = await check(c.id, 'quarter', '2026-02-24');
    expect(after.lastCheck).toMatchObject({ level: 'quarter', checkedOn: '2026-02-24', checkedByName: 'Morgan Manager', isUprightAndClosed: true });
    expect(await dispatch(clinic.env, 'compliance.recordFillCheck', { containerId: c.id, checkedOn: '2026-02-20', level: 'half', isUprightAndClosed: true })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'checkedOn' },
    });
  });

  it('flags a container checked at the fill line (¾ or over-full) until it is sealed', async () => {
    const c = await register();
    expect(flagCodes(await check(c.id, 'half', '2026-02-28'))).toEqual([]);
    const full = await check(c.id, 'three_quarter');
    expect(flagCodes(full)).toEqual(['fill_line_reached']);
    expect(full.flags[0]?.message).toMatch(/R1-001 was ¾ full \(fill line\) at its check on 2026-03-02: seal and replace it/);
    const sealed = await seal(c.id);
    expect(sealed).toMatchObject({ status: 'sealed', sealedOn: '2026-03-02', sealedLevel: 'three_quarter', isOpen: true, flags: [] });
    expect(auditEvents(clinic.env.db, 'sharps_container').map((e) => e.action)).toEqual(['create', 'seal']);
  });

  it('flags over-full and a container that was not upright and closed', async () => {
    const c = await register();
    expect(flagCodes(await check(c.id, 'over_full', '2026-03-02', false))).toEqual(['fill_line_reached', 'not_upright_or_closed']);
  });

  it('lets a voided check drop out of the flags, keeping it visible with the reason', async () => {
    const c = await register();
    const full = await check(c.id, 'over_full');
    const detail = await clinic.call('compliance.containerDetail', { id: c.id });
    const checkId = detail.checks[0]!.id;
    const after = await clinic.call('compliance.voidFillCheck', { id: checkId, reason: 'wrong container scanned' });
    expect(flagCodes(full)).toContain('fill_line_reached');
    expect(after.flags).toEqual([]);
    expect((await clinic.call('compliance.containerDetail', { id: c.id })).checks[0]).toMatchObject({ isVoided: true, voidReason: 'wrong container scanned' });
    expect(() => clinic.env.db.prepare("UPDATE sharps_container_checks SET level = 'quarter'").run()).toThrow(/evidence/);
  });
});

describe('sealing', () => {
  it('refuses a seal date before the in-service date, naming the field and writing nothing', async () => {
    const c = await register();
    const before = rowCounts(clinic.env.db, sharpsTables);
    const result = await dispatch(clinic.env, 'compliance.sealContainer', { containerId: c.id, sealedOn: '2026-02-20', level: 'half' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rule_violation', field: 'sealedOn', message: expect.stringContaining('before R1-001 was placed in service on 2026-02-21') } });
    expect(rowCounts(clinic.env.db, sharpsTables)).toEqual(before);
    expect((await clinic.call('compliance.containerDetail', { id: c.id })).container.status).toBe('in_service');
  });

  it('makes a sealed container take no more use: no checks, no second seal, and sessions are refused it', async () => {
    const c = await register();
    await seal(c.id);
    expect(await dispatch(clinic.env, 'compliance.recordFillCheck', { containerId: c.id, checkedOn: '2026-03-02', level: 'half', isUprightAndClosed: true })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'containerId' },
    });
    expect(await dispatch(clinic.env, 'compliance.sealContainer', { containerId: c.id, sealedOn: '2026-03-02', level: 'half' })).toMatchObject({ ok: false, error: { field: 'containerId' } });
    expect(() => assertContainerTakesUse(clinic.env.db, c.id, 'sharpsContainerId')).toThrow(/R1-001 was sealed on 2026-03-02 and takes no more needles/);
    try {
      assertContainerTakesUse(clinic.env.db, c.id, 'sharpsContainerId');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).toBody()).toMatchObject({ code: 'rule_violation', field: 'sharpsContainerId' });
    }
  });
});

describe('the container a session uses', () => {
  it('defaults to the container in service in the room, ignoring case and spaces, and follows replacement', async () => {
    expect(defaultContainerForRoom(clinic.env.db, 'Room 1')).toBeNull();
    const first = await register();
    expect(defaultContainerForRoom(clinic.env.db, '  room 1 ')).toBe(first.id);
    expect(defaultContainerForRoom(clinic.env.db, 'Room 2')).toBeNull();
    expect(defaultContainerForRoom(clinic.env.db, '')).toBeNull();
    await seal(first.id, '2026-02-27');
    expect(defaultContainerForRoom(clinic.env.db, 'Room 1')).toBeNull();
    const second = await register({ label: 'R1-002', placedInServiceOn: '2026-02-27' });
    expect(defaultContainerForRoom(clinic.env.db, 'Room 1')).toBe(second.id);
    // A session entered late goes to the container that was in service that day.
    expect(defaultContainerForRoom(clinic.env.db, 'Room 1', '2026-02-24')).toBe(first.id);
  });

  it('accepts an in-service container and refuses unknown, voided and picked-up ones', async () => {
    const c = await register();
    expect(() => assertContainerTakesUse(clinic.env.db, c.id, 'sharpsContainerId')).not.toThrow();
    expect(() => assertContainerTakesUse(clinic.env.db, 999, 'sharpsContainerId')).toThrow(/no sharps container #999/);
    const spare = await register({ label: 'SPARE' });
    await clinic.call('compliance.voidContainer', { id: spare.id, reason: 'registered twice' });
    expect(() => assertContainerTakesUse(clinic.env.db, spare.id, 'x')).toThrow(/SPARE was voided/);
    await seal(c.id);
    await clinic.call('compliance.recordPickup', { pickedUpOn: '2026-03-02', hauler: 'Stericycle', manifestNumber: 'M-1', containerIds: [c.id] });
    expect(() => assertContainerTakesUse(clinic.env.db, c.id, 'x')).toThrow(/picked up for disposal on 2026-03-02/);
  });

  it('will not void a container that sessions used', async () => {
    const c = await register();
    await recordSession(clinic, { sessionDate: '2026-02-25', sharpsContainerId: c.id });
    expect(await dispatch(clinic.env, 'compliance.voidContainer', { id: c.id, reason: 'mistake' })).toMatchObject({ ok: false, error: { code: 'rule_violation', message: /seal it instead/ } });
  });
});

describe('fill estimate', () => {
  it('counts needles of recorded sessions only and predicts the fill-line date from the recent daily rate', async () => {
    const c = await register(); // placed 2026-02-21: 10 days of use up to today, capacity 40
    await recordSession(clinic, { sessionDate: '2026-02-23', sharpsContainerId: c.id });
    await recordSession(clinic, { sessionDate: '2026-02-25', sharpsContainerId: c.id });
    const voided = await recordSession(clinic, { sessionDate: '2026-03-02', sharpsContainerId: c.id });
    let view = (await clinic.call('compliance.containerDetail', { id: c.id })).container;
    // 18 needles over 10 days = 1.8 a day; 22 to go = 12.2 days, so on day 13.
    expect(view).toMatchObject({ needlesIn: 18, percentOfFillLine: 45, predictedFillLineOn: '2026-03-15' });
    expect(view.needlesPerDay).toBeCloseTo(1.8);
    await clinic.call('sessions.void', { id: voided.id, reason: 'entered twice' });
    view = (await clinic.call('compliance.containerDetail', { id: c.id })).container;
    expect(view).toMatchObject({ needlesIn: 12 });
    expect((await clinic.call('compliance.containerDetail', { id: c.id })).sessions).toBe(3);
  });

  it('averages over the last 30 days only, and flags a container estimated at its fill line', async () => {
    const c = await register({ placedInServiceOn: '2026-01-06', capacityNeedles: 20 });
    await recordSession(clinic, { sessionDate: '2026-01-10', sharpsContainerId: c.id, needleCount: 10 });
    await recordSession(clinic, { sessionDate: '2026-02-20', sharpsContainerId: c.id, needleCount: 6 });
    let view = (await clinic.call('compliance.containerDetail', { id: c.id })).container;
    expect(view.needlesPerDay).toBeCloseTo(6 / 30);
    expect(view.predictedFillLineOn).toBe(addDays('2026-03-02', 20));
    await recordSession(clinic, { sessionDate: '2026-03-02', sharpsContainerId: c.id, needleCount: 4 });
    view = (await clinic.call('compliance.containerDetail', { id: c.id })).container;
    expect(view).toMatchObject({ needlesIn: 20, predictedFillLineOn: '2026-03-02' });
    expect(flagCodes(view)).toEqual(['estimated_at_fill_line']);
  });

  it('sums needles per container through its own index', () => {
    const plan = clinic.env.db
      .prepare("EXPLAIN QUERY PLAN SELECT coalesce(sum(needles_disposed), 0) FROM sessions WHERE sharps_container_id = 1 AND status = 'recorded'")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('sessions_by_sharps_container_id');
  });

  it('stops predicting once the container is sealed', async () => {
    const c = await register();
    await recordSession(clinic, { sessionDate: '2026-02-25', sharpsContainerId: c.id });
    expect((await seal(c.id)).predictedFillLineOn).toBeNull();
  });
});

describe('rules the clinic sets', () => {
  it('flags a container in service longer than the replacement interval, and follows the setting', async () => {
    const c = await register({ placedInServiceOn: '2025-12-01' }); // 91 days ago; default interval 90
    expect(flagCodes((await clinic.call('compliance.containerDetail', { id: c.id })).container)).toEqual(['in_service_too_long']);
    await clinic.call('settings.update', { containerReplacementDays: 120 });
    expect((await clinic.call('compliance.containerDetail', { id: c.id })).container).toMatchObject({ flags: [], replaceBy: '2026-03-31' });
  });

  it('flags a sealed container waiting for pickup longer than the setting', async () => {
    const c = await register({ placedInServiceOn: '2026-01-05' });
    await seal(c.id, '2026-01-31'); // 30 days ago: not yet longer than 30
    expect((await clinic.call('compliance.containerDetail', { id: c.id })).container).toMatchObject({ flags: [], pickupBy: '2026-03-02' });
    clinic.setNow('2026-03-03T20:00:00.000Z');
    await signInManager(clinic);
    expect(flagCodes((await clinic.call('compliance.containerDetail', { id: c.id })).container)).toEqual(['awaiting_pickup_too_long']);
  });

  it('lists rooms with needling in the last 30 days and no container in service', async () => {
    await recordSession(clinic, { sessionDate: '2026-01-20', room: 'Room 4' }); // 41 days ago: not counted
    await recordSession(clinic, { sessionDate: '2026-02-27', room: 'Room 3' });
    await recordSession(clinic, { sessionDate: '2026-03-02', room: 'room 3' });
    await register();
    await recordSession(clinic, { sessionDate: '2026-03-02', room: 'Room 1' });
    expect((await clinic.call('compliance.listContainers', {})).roomsWithoutContainer).toEqual([{ room: 'Room 3', sessions: 2, lastSessionOn: '2026-03-02' }]);
    await register({ label: 'R3-001', room: 'ROOM 3' });
    expect((await clinic.call('compliance.listContainers', {})).roomsWithoutContainer).toEqual([]);
  });
});

describe('pickups', () => {
  it('refuses a pickup that includes an unsealed container, naming it, and writes nothing', async () => {
    const sealed = await register();
    const open = await register({ label: 'R2-001', room: 'Room 2' });
    await seal(sealed.id);
    const before = rowCounts(clinic.env.db, sharpsTables);
    const result = await dispatch(clinic.env, 'compliance.recordPickup', { pickedUpOn: '2026-03-02', hauler: 'Stericycle', manifestNumber: 'M-7', containerIds: [sealed.id, open.id] });
    expect(result).toMatchObject({ ok: false, error: { code: 'rule_violation', field: 'containerIds.1', message: 'Sharps container R2-001 is not sealed; seal it before it is picked up.' } });
    expect(rowCounts(clinic.env.db, sharpsTables)).toEqual(before);
  });

  it('takes sealed containers out of the clinic, records the certificate later, and can be voided', async () => {
    const a = await register({ placedInServiceOn: '2026-01-05' });
    const b = await register({ label: 'R2-001', room: 'Room 2', placedInServiceOn: '2026-01-05' });
    await seal(a.id, '2026-02-10');
    await seal(b.id, '2026-02-12');
    expect(await dispatch(clinic.env, 'compliance.recordPickup', { pickedUpOn: '2026-02-11', hauler: 'H', manifestNumber: 'M-1', containerIds: [a.id, b.id] })).toMatchObject({
      ok: false,
      error: { field: 'pickedUpOn' },
    });
    expect(await dispatch(clinic.env, 'compliance.recordPickup', { pickedUpOn: '2026-02-20', hauler: 'H', manifestNumber: 'M-1', containerIds: [a.id, a.id] })).toMatchObject({
      ok: false,
      error: { field: 'containerIds.1' },
    });
    expect(await dispatch(clinic.env, 'compliance.recordPickup', { pickedUpOn: '2026-02-20', hauler: 'H', manifestNumber: 'M-1', containerIds: [a.id], weight: 2 })).toMatchObject({
      ok: false,
      error: { field: 'weightUnit' },
    });
    const pickup = await clinic.call('compliance.recordPickup', {
      pickedUpOn: '2026-02-20',
      hauler: 'Stericycle',
      manifestNumber: 'STC-2026-0042',
      containerIds: [a.id, b.id],
      weight: 3.4,
      weightUnit: 'kg',
    });
    expect(pickup).toMatchObject({ status: 'recorded', certificateReference: null, retainUntil: '2029-02-20', containers: [{ label: 'R1-001' }, { label: 'R2-001' }] });
    const containers = (await clinic.call('compliance.listContainers', { includeClosed: true })).containers;
    expect(containers.map((c) => [c.label, c.status, c.isOpen, c.manifestNumber])).toEqual([
      ['R1-001', 'picked_up', false, 'STC-2026-0042'],
      ['R2-001', 'picked_up', false, 'STC-2026-0042'],
    ]);
    expect((await clinic.call('compliance.listContainers', {})).containers).toEqual([]);
    expect(await dispatch(clinic.env, 'compliance.recordPickup', { pickedUpOn: '2026-02-21', hauler: 'H', manifestNumber: 'OTHER', containerIds: [a.id] })).toMatchObject({
      ok: false,
      error: { field: 'containerIds.0', message: /already picked up on 2026-02-20/ },
    });
    expect(await dispatch(clinic.env, 'compliance.recordPickup', { pickedUpOn: '2026-02-21', hauler: 'H', manifestNumber: 'STC-2026-0042', containerIds: [a.id] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'manifestNumber' },
    });

    expect(await dispatch(clinic.env, 'compliance.recordCertificate', { pickupId: pickup.id, certificateReference: 'COD-1', receivedOn: '2026-02-19' })).toMatchObject({
      ok: false,
      error: { field: 'receivedOn' },
    });
    const certified = await clinic.call('compliance.recordCertificate', { pickupId: pickup.id, certificateReference: 'COD-88121', receivedOn: '2026-03-01' });
    expect(certified).toMatchObject({ certificateReference: 'COD-88121', certificateReceivedOn: '2026-03-01' });

    const voided = await clinic.call('compliance.voidPickup', { id: pickup.id, reason: 'wrong manifest keyed' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: 'wrong manifest keyed' });
    expect((await clinic.call('compliance.listContainers', {})).containers.map((c) => c.status)).toEqual(['sealed', 'sealed']);
    expect((await clinic.call('compliance.listPickups', {})).length).toBe(0);
    expect((await clinic.call('compliance.listPickups', { includeVoided: true })).length).toBe(1);
    expect(auditEvents(clinic.env.db, 'sharps_pickup').map((e) => e.action)).toEqual(['create', 'record_certificate', 'void']);
  });

  it('never deletes a container or a pickup', async () => {
    await register();
    expect(() => clinic.env.db.prepare('DELETE FROM sharps_containers').run()).toThrow(/void them instead/);
  });
});

describe('who may do what', () => {
  it('lets therapists and front desk read containers and record fill checks, not pickups or voids', async () => {
    const c = await register();
    await seal(c.id);
    const open = await register({ label: 'R1-002' });
    await signInAs(clinic, 'front_desk');
    expect((await clinic.call('compliance.listContainers', {})).containers.length).toBe(2);
    expect((await check(open.id, 'quarter')).lastCheck?.checkedByName).toBe('A front_desk');
    expect(await dispatch(clinic.env, 'compliance.recordPickup', { pickedUpOn: '2026-03-02', hauler: 'H', manifestNumber: 'M', containerIds: [c.id] })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await signInAs(clinic, 'therapist');
    expect((await check(open.id, 'half')).lastCheck?.level).toBe('half');
    expect(await dispatch(clinic.env, 'compliance.voidContainer', { id: open.id, reason: 'nope' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(clinic, 'auditor');
    expect((await clinic.call('compliance.listContainers', {})).containers.length).toBe(2);
    expect(await dispatch(clinic.env, 'compliance.recordFillCheck', { containerId: open.id, checkedOn: '2026-03-02', level: 'half', isUprightAndClosed: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
