import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic();
});
afterEach(() => clinic.close());

function eventsFor(id: number) {
  return clinic.env.db
    .prepare("SELECT action, actor_staff_id, before_json, after_json, reason FROM audit_events WHERE entity_type = 'staff' AND entity_id = ? ORDER BY seq")
    .all(String(id)) as Array<{ action: string; actor_staff_id: number; before_json: string; after_json: string; reason: string | null }>;
}

describe('staff', () => {
  it('edits keep the old values visible in the log', async () => {
    const m = await clinic.call('staff.create', { name: 'Jo', role: 'therapist', jobTitle: 'PT' });
    await clinic.call('staff.update', { id: m.id, name: 'Jo Park', role: 'therapist', jobTitle: 'DPT', reason: 'name change' });
    const [created, updated] = eventsFor(m.id);
    expect(created?.action).toBe('create');
    expect(updated).toMatchObject({ action: 'update', reason: 'name change', actor_staff_id: clinic.managerId });
    expect(JSON.parse(updated!.before_json)).toMatchObject({ name: 'Jo', jobTitle: 'PT' });
    expect(JSON.parse(updated!.after_json)).toMatchObject({ name: 'Jo Park', jobTitle: 'DPT' });
  });

  it('deactivates instead of deleting, with a reason, and can reactivate', async () => {
    const m = await clinic.call('staff.create', { name: 'Lee', role: 'front_desk', jobTitle: '' });
    await clinic.call('staff.deactivate', { id: m.id, reason: 'left the clinic' });
    expect((await clinic.call('staff.list', { includeInactive: false })).map((s) => s.id)).not.toContain(m.id);
    expect((await clinic.call('staff.list', { includeInactive: true })).find((s) => s.id === m.id)?.isActive).toBe(false);
    expect((await clinic.call('session.signInChoices', {})).map((s) => s.id)).not.toContain(m.id);
    await expect(clinic.call('staff.deactivate', { id: m.id, reason: 'again' })).rejects.toThrow(/already inactive/);
    await clinic.call('staff.reactivate', { id: m.id, reason: 'came back' });
    expect(eventsFor(m.id).map((e) => e.action)).toEqual(['create', 'deactivate', 'reactivate']);
  });

  it('keeps at least one active manager', async () => {
    await expect(clinic.call('staff.update', { id: clinic.managerId, name: 'M', role: 'therapist', jobTitle: '' })).rejects.toThrow(/at least one active manager/);
    const second = await clinic.call('staff.create', { name: 'Second', role: 'manager', jobTitle: '' });
    await clinic.call('staff.update', { id: clinic.managerId, name: 'M', role: 'therapist', jobTitle: '' });
    expect((await clinic.call('staff.list', {})).find((s) => s.id === second.id)?.role).toBe('manager');
  });

  it('lets a non-manager set only their own PIN, and never logs the PIN', async () => {
    const a = await clinic.call('staff.create', { name: 'A', role: 'therapist', jobTitle: '' });
    const b = await clinic.call('staff.create', { name: 'B', role: 'therapist', jobTitle: '' });
    await clinic.call('session.signIn', { staffId: a.id });
    await expect(clinic.call('staff.setPin', { id: b.id, pin: '1234' })).rejects.toThrow(/Only a manager/);
    expect((await clinic.call('staff.setPin', { id: a.id, pin: '98765' })).hasPin).toBe(true);
    const log = JSON.stringify(clinic.env.db.prepare('SELECT * FROM audit_events').all());
    expect(log).not.toContain('98765');
    expect(log).not.toContain('scrypt$');
  });
});
