import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { dispatch } from './dispatch';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic();
});
afterEach(() => clinic.close());

/** A hash of every row of every table: a rejected call must leave it unchanged. */
function contentHash(): string {
  const { db } = clinic.env;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
  const hash = createHash('sha256');
  for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()));
  return hash.digest('hex');
}

async function signInAs(role: 'therapist' | 'front_desk' | 'auditor'): Promise<number> {
  const member = await clinic.call('staff.create', { name: `A ${role}`, role, jobTitle: '' });
  await clinic.call('session.signIn', { staffId: member.id });
  return member.id;
}

describe('dispatch', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'staff.nope', ''])('refuses the unknown method %j', async (name) => {
    const result = await dispatch(clinic.env, name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('names the field of invalid input and changes nothing', async () => {
    const before = contentHash();
    const cases: Array<[unknown, string]> = [
      [{ name: '   ', role: 'therapist' }, 'name'],
      [{ name: 'X', role: 'surgeon' }, 'role'],
      [{ name: 'X', role: 'therapist', pin: '12' }, 'pin'],
      [{ name: 'X', role: 'therapist', isAdmin: true }, 'isAdmin'],
      [{ role: 'therapist' }, 'name'],
      [null, 'input'],
      ['a string', 'input'],
    ];
    for (const [input, field] of cases) {
      const result = await dispatch(clinic.env, 'staff.create', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.field).toBe(field);
        expect(result.error.message).toContain(field);
      }
    }
    expect(contentHash()).toBe(before);
  });

  it('writes the change and its audit event together, attributed to the acting staff member', async () => {
    const created = await clinic.call('staff.create', { name: 'Riley', role: 'front_desk', jobTitle: 'Desk' });
    const event = clinic.env.db.prepare("SELECT * FROM audit_events WHERE entity_type = 'staff' AND entity_id = ?").get(String(created.id)) as Record<string, unknown>;
    expect(event).toMatchObject({ action: 'create', actor_staff_id: clinic.managerId, at: '2026-03-02T15:00:00.000Z', device_id: clinic.env.deviceId });
    expect(JSON.parse(String(event.after_json))).toMatchObject({ name: 'Riley', role: 'front_desk' });
  });

  it('rolls back a write whose rule fails, audit event included', async () => {
    const before = contentHash();
    const result = await dispatch(clinic.env, 'staff.deactivate', { id: clinic.managerId, reason: 'leaving the clinic' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    expect(contentHash()).toBe(before);
  });

  it('enforces roles in the dispatcher, not only in the interface', async () => {
    const target = await clinic.call('staff.create', { name: 'Target', role: 'therapist', jobTitle: '' });
    await signInAs('front_desk');
    const before = contentHash();
    expect(await dispatch(clinic.env, 'staff.deactivate', { id: target.id, reason: 'not allowed' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(contentHash()).toBe(before);
    await clinic.call('session.signIn', { staffId: clinic.managerId });
    await signInAs('auditor');
    expect(await dispatch(clinic.env, 'staff.create', { name: 'Z', role: 'therapist' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(clinic.env, 'audit.list', {})).toMatchObject({ ok: true });
  });

  it('refuses calls when nobody is signed in, and locks after the idle time', async () => {
    await clinic.call('session.lock', {});
    expect(await dispatch(clinic.env, 'staff.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await clinic.call('session.signIn', { staffId: clinic.managerId });
    clinic.setNow('2026-03-02T15:04:59.000Z');
    expect(await dispatch(clinic.env, 'staff.list', {})).toMatchObject({ ok: true });
    clinic.setNow('2026-03-02T15:10:00.000Z');
    expect(await dispatch(clinic.env, 'staff.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch(clinic.env, 'staff.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('checks PINs and records a failed sign-in although the call fails', async () => {
    const member = await clinic.call('staff.create', { name: 'Pinned', role: 'therapist', jobTitle: '', pin: '4321' });
    const stored = clinic.env.db.prepare('SELECT pin_hash FROM staff WHERE id = ?').get(member.id) as { pin_hash: string };
    expect(stored.pin_hash).not.toContain('4321');
    expect(stored.pin_hash.startsWith('scrypt$')).toBe(true);
    expect(await dispatch(clinic.env, 'session.signIn', { staffId: member.id, pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', field: 'pin' },
    });
    expect(clinic.env.session.staffId).toBe(clinic.managerId);
    const failed = clinic.env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'login_failed'").get();
    expect(failed).toEqual({ n: 1 });
    await clinic.call('session.signIn', { staffId: member.id, pin: '4321' });
    expect(clinic.env.session.staffId).toBe(member.id);
  });
});
