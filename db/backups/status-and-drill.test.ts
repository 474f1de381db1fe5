import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { addSomeRecords, flipBytes } from './backup-test-helpers';


let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic('2026-03-02T15:00:00.000Z');
  await addSomeRecords(clinic, 'A');
});
afterEach(() => clinic.close());

/** Moves the clock and signs the manager in again (a jump of days locks the PC). */
function moveTo(iso: string) {
  clinic.setNow(iso);
  clinic.env.session.signIn(clinic.managerId, Date.parse(iso));
}

describe('backup status', () => {
  it('is stale with no backup, fresh after one, and stale again once the last good one is over 2 days old', async () => {
    let status = await clinic.call('backups.status', {});
    expect(status).toMatchObject({ lastGood: null, ageDays: null, isStale: true, lastDrill: null, isEncryptionOn: false });
    expect(status.alerts.map((a) => a.code)).toEqual(['no_good_backup']);

    const backup = await clinic.call('backups.runNow', {});
    moveTo('2026-03-03T15:00:00.000Z');
    status = await clinic.call('backups.status', {});
    expect(status).toMatchObject({ ageDays: 1, isStale: false, alerts: [] });
    expect(status.lastGood?.id).toBe(backup.id);

    moveTo('2026-03-04T15:00:00.000Z');
    expect((await clinic.call('backups.status', {})).isStale).toBe(false);
    moveTo('2026-03-04T15:01:00.000Z');
    status = await clinic.call('backups.status', {});
    expect(status).toMatchObject({ ageDays: 2, isStale: true });
    expect(status.alerts).toEqual([{ code: 'stale', message: 'The last good backup is 2 days old.' }]);
  });

  it('is for managers and auditors only', async () => {
    await clinic.call('staff.create', { name: 'Ada Auditor', role: 'auditor', jobTitle: '' });
    const therapist = await clinic.call('staff.create', { name: 'Tom Therapist', role: 'therapist', jobTitle: '' });
    clinic.env.session.signIn(therapist.id, Date.parse('2026-03-02T15:00:00.000Z'));
    await expect(clinic.call('backups.status', {})).rejects.toMatchObject({ body: { code: 'forbidden' } });
    await expect(clinic.call('backups.runNow', {})).rejects.toMatchObject({ body: { code: 'forbidden' } });
  });
});

describe('the restore drill', () => {
  it('restores the newest good backup to a scratch file and records success', async () => {
    const backup = await clinic.call('backups.runNow', {});
    const drill = await clinic.call('backups.runDrill', {});
    expect(drill).toMatchObject({ status: 'ok', startedBy: 'manual', backupId: backup.id, backupFileName: backup.fileName, eventCount: backup.eventCount, message: '' });
    expect((await clinic.call('backups.status', {})).lastDrill).toEqual(drill);
    const event = clinic.env.db.prepare("SELECT entity_type FROM audit_events WHERE action = 'restore_drill'").pluck().get();
    expect(event).toBe('backup_drill');
  });

  it('records a failure, shown as an alert, when the newest backup is corrupted', async () => {
    const backup = await clinic.call('backups.runNow', {});
    flipBytes(backup.path, 6000);
    const drill = await clinic.call('backups.runDrill', {});
    expect(drill.status).toBe('failed');
    expect(drill.message).toMatch(/has changed since it was written/);
    const status = await clinic.call('backups.status', {});
    expect(status.alerts[0]).toEqual({ code: 'drill_failed', message: `The last restore drill failed: ${drill.message}` });
  });

  it('fails when the newest backup is out of reach or there is none', async () => {
    expect(await clinic.call('backups.runDrill', {})).toMatchObject({ status: 'failed', message: 'There is no good backup to restore.', backupId: null });
    const backup = await clinic.call('backups.runNow', {});
    rmSync(backup.path);
    expect((await clinic.call('backups.runDrill', {})).message).toMatch(/There is no backup file at/);
  });
});
