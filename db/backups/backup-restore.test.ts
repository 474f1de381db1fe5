import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../api/local-caller';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { migrate } from '../migrate';
import { latestSchemaVersion, migrations } from '../migrations';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { checksumPathOf, sha256OfFile } from './backup-files';
import { addSomeRecords, auditEventCount, contentHash, flipBytes } from './backup-test-helpers';


let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic('2026-03-02T15:00:00.000Z');
  await addSomeRecords(clinic, 'A');
});
afterEach(() => clinic.close());

const staffNames = () => clinic.env.db.prepare('SELECT name FROM staff ORDER BY id').pluck().all();

async function expectRefused(promise: Promise<unknown>, message: RegExp, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiCallError);
  expect((error as ApiCallError).body.code).toBe('rule_violation');
  expect((error as ApiCallError).body.message).toMatch(message);
  if (field) expect((error as ApiCallError).body.field).toBe(field);
}

describe('a backup', () => {
  it('is an exact, checked copy, recorded with its hash and an audit event', async () => {
    const before = contentHash(clinic.dbPath);
    const events = auditEventCount(clinic.env.db);
    const backup = await clinic.call('backups.runNow', {});

    expect(backup).toMatchObject({ kind: 'manual', status: 'ok', isEncrypted: false, schemaVersion: latestSchemaVersion, eventCount: events, isPresent: true });
    expect(backup.fileName).toBe('clinic-ops-2026-03-02T150000Z-manual.sqlite3');
    expect(dirname(backup.path)).toBe(join(clinic.dir, 'backups'));
    expect(backup.sha256).toBe(await sha256OfFile(backup.path));
    expect(readFileSync(checksumPathOf(backup.path), 'utf8')).toBe(`${backup.sha256}  ${backup.fileName}\n`);
    expect(contentHash(backup.path)).toBe(before);
    // One self-contained file: nothing is left beside it, and the scratch folder is empty again.
    expect(readdirSync(dirname(backup.path)).sort()).toEqual([backup.fileName, `${backup.fileName}.sha256`]);
    expect(readdirSync(join(clinic.dir, 'backup-work'))).toEqual([]);

    const event = clinic.env.db.prepare("SELECT actor_staff_id, after_json FROM audit_events WHERE action = 'backup'").get() as { actor_staff_id: number; after_json: string };
    expect(event.actor_staff_id).toBe(clinic.managerId);
    expect(JSON.parse(event.after_json)).toMatchObject({ sha256: backup.sha256, status: 'ok' });
    expect(await clinic.call('backups.list', {})).toEqual([backup]);
  });

  it('restores to identical data, keeping the replaced file aside and recording who restored it', async () => {
    const backup = await clinic.call('backups.runNow', {});
    const eventsInBackup = backup.eventCount ?? 0;
    await addSomeRecords(clinic, 'B');
    expect(staffNames()).toContain('Therapist B');
    const oldConnection = clinic.env.db;

    const result = await clinic.call('backups.restore', { backupId: backup.id ?? 0, reason: 'test the round trip' });

    expect(result).toMatchObject({ restoredFrom: backup.path, eventCount: eventsInBackup, schemaVersion: latestSchemaVersion });
    expect(result.keptAside[0]).toBe(`${clinic.dbPath}.before-restore-2026-03-02T150000Z`);
    expect(clinic.env.db).not.toBe(oldConnection);
    expect(oldConnection.open).toBe(false);
    // Same data as the backup; the restore itself is the one event after it.
    const sameData = { auditEventsUpTo: eventsInBackup, skipTables: ['audit_chain_head'] };
    expect(contentHash(clinic.dbPath, sameData)).toBe(contentHash(backup.path, sameData));
    expect(staffNames()).not.toContain('Therapist B');
    const last = clinic.env.db.prepare('SELECT seq, action, actor_staff_id, reason FROM audit_events ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ seq: eventsInBackup + 1, action: 'restore', actor_staff_id: clinic.managerId, reason: 'test the round trip' });
    expect(verifyAuditChain(clinic.env.db).isIntact).toBe(true);

    // The replaced file is whole and still holds the later work.
    const aside = new Database(result.keptAside[0] ?? '', { readonly: true });
    expect(aside.prepare("SELECT count(*) FROM staff WHERE name = 'Therapist B'").pluck().get()).toBe(1);
    aside.close();
    // The app carries on with the restored file.
    await addSomeRecords(clinic, 'C');
    expect(staffNames()).toContain('Therapist C');
    expect((await clinic.call('backups.status', {})).lastRestore).toEqual({ at: '2026-03-02T15:00:00.000Z', restoredFrom: backup.path });
  });
});

describe('a restore from a file that is not one of ours', () => {
  it('takes a plain copy of a clinic file in WAL mode and leaves no scratch files', async () => {
    clinic.env.db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = join(clinic.dir, 'copied-by-hand.sqlite3');
    copyFileSync(clinic.dbPath, copy);
    expect(readFileSync(copy).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
    await addSomeRecords(clinic, 'B');
    const result = await clinic.call('backups.restore', { path: copy, reason: 'a copy from the old PC' });
    expect(result.restoredFrom).toBe(copy);
    expect(staffNames()).not.toContain('Therapist B');
    expect(readdirSync(join(clinic.dir, 'backup-work'))).toEqual([]);
    // The chosen file itself is never changed or opened for writing.
    expect(readdirSync(clinic.dir).filter((n) => n.startsWith('copied-by-hand'))).toEqual(['copied-by-hand.sqlite3']);
  });
});

describe('a restore of a backup from an older version', () => {
  it('migrates it on opening, after filing a pre-migration copy of it', async () => {
    const backup = await clinic.call('backups.runNow', {});
    const older = join(clinic.dir, 'older.sqlite3');
    copyFileSync(backup.path, older);
    // As the file was before the newest migration: without the triggers and tables that migration creates
    // (a trigger may sit on an older table, so dropping the new tables alone would leave it behind).
    const objectsAt = (version: number, type: 'table' | 'trigger') => {
      const scratch = new Database(':memory:');
      migrate(scratch, { migrations: migrations.slice(0, version) });
      return scratch.prepare('SELECT name FROM sqlite_schema WHERE type = ?').pluck().all(type) as string[];
    };
    const db = new Database(older);
    db.pragma('foreign_keys = OFF');
    for (const type of ['trigger', 'table'] as const) {
      const previous = new Set(objectsAt(latestSchemaVersion - 1, type));
      for (const name of objectsAt(latestSchemaVersion, type).filter((t) => !previous.has(t)).reverse()) db.exec(`DROP ${type.toUpperCase()} "${name}"`);
    }
    db.pragma(`user_version = ${latestSchemaVersion - 1}`);
    db.close();

    const result = await clinic.call('backups.restore', { path: older, reason: 'the copy from before the upgrade' });
    expect(result.schemaVersion).toBe(latestSchemaVersion - 1);
    expect(clinic.env.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const [preMigration] = await clinic.call('backups.list', {});
    expect(preMigration).toMatchObject({ kind: 'pre_migration', status: 'ok', schemaVersion: latestSchemaVersion - 1, isPresent: true });
    expect(readdirSync(join(clinic.dir, 'backup-work'))).toEqual([]);
  });
});

describe('a restore refuses a bad backup and changes nothing', () => {
  let unchanged: () => void;
  beforeEach(() => {
    const before = contentHash(clinic.dbPath);
    unchanged = () => {
      expect(contentHash(clinic.dbPath)).toBe(before);
      expect(readdirSync(clinic.dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    };
  });

  it('when the backup changed after it was written', async () => {
    const backup = await clinic.call('backups.runNow', {});
    const before = contentHash(clinic.dbPath);
    flipBytes(backup.path, 5000);
    await expectRefused(clinic.call('backups.restore', { backupId: backup.id ?? 0, reason: 'corrupted' }), /has changed since it was written/, 'path');
    expect(contentHash(clinic.dbPath)).toBe(before);
  });

  it('when a copied backup (no checksum beside it) fails the integrity check', async () => {
    const backup = await clinic.call('backups.runNow', {});
    const before = contentHash(clinic.dbPath);
    const copy = join(clinic.dir, 'copied.sqlite3');
    copyFileSync(backup.path, copy);
    // The b-tree header of the first page: SQLite can no longer read the schema.
    flipBytes(copy, 100, 8);
    await expectRefused(clinic.call('backups.restore', { path: copy, reason: 'corrupted' }), /copied\.sqlite3 is damaged|integrity check/);
    expect(contentHash(clinic.dbPath)).toBe(before);
  });

  it('when its audit chain was edited', async () => {
    const backup = await clinic.call('backups.runNow', {});
    const copy = join(clinic.dir, 'edited.sqlite3');
    copyFileSync(backup.path, copy);
    const db = new Database(copy);
    db.exec('DROP TRIGGER audit_events_refuse_update');
    const hashOf2 = () => db.prepare('SELECT hash FROM audit_events WHERE seq = 2').pluck().get();
    const stored = hashOf2();
    // Another first digit: always a change (a hash that already began with 0 would have stayed as it was).
    db.prepare("UPDATE audit_events SET hash = CASE substr(hash, 1, 1) WHEN '0' THEN '1' ELSE '0' END || substr(hash, 2) WHERE seq = 2").run();
    expect(hashOf2()).not.toBe(stored);
    db.close();
    await expectRefused(clinic.call('backups.restore', { path: copy, reason: 'edited' }), /audit chain is broken at event #2/);
  });

  it('when it comes from a newer version of the app', async () => {
    const newer = join(clinic.dir, 'newer.sqlite3');
    const db = new Database(newer);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.exec('CREATE TABLE future (x INTEGER)');
    db.close();
    await expectRefused(clinic.call('backups.restore', { path: newer, reason: 'newer' }), /newer version of Clinic Ops \(schema \d+; this app knows up to \d+\)/);
    unchanged();
  });

  it('when it is not a database, or not a clinic file, or not there', async () => {
    const text = join(clinic.dir, 'notes.txt');
    writeFileSync(text, 'hello, this is not a backup\n'.repeat(20));
    await expectRefused(clinic.call('backups.restore', { path: text, reason: 'wrong file' }), /notes\.txt is not a Clinic Ops backup/, 'path');
    const other = join(clinic.dir, 'other.sqlite3');
    new Database(other).exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)');
    await expectRefused(clinic.call('backups.restore', { path: other, reason: 'wrong file' }), /not a Clinic Ops clinic file/);
    await expectRefused(clinic.call('backups.restore', { path: join(clinic.dir, 'missing.sqlite3'), reason: 'gone' }), /There is no backup file at/);
    unchanged();
    expect(readdirSync(join(clinic.dir, 'backup-work'))).toEqual([]);
  });

  it('when a recorded backup was deleted by retention or is unknown', async () => {
    await expect(clinic.call('backups.restore', { backupId: 99, reason: 'unknown' })).rejects.toMatchObject({ body: { code: 'not_found', field: 'backupId' } });
    await expect(clinic.call('backups.restore', { reason: 'neither' } as never)).rejects.toMatchObject({ body: { code: 'invalid_input' } });
    await expect(clinic.call('backups.restore', { path: 'relative/file.sqlite3', reason: 'relative' })).rejects.toMatchObject({ body: { code: 'invalid_input', field: 'path' } });
    unchanged();
  });
});

describe('a backup folder that cannot be written', () => {
  it('fails with the folder named, is recorded as failed, and leaves the clinic file alone', async () => {
    const blocker = join(clinic.dir, 'a-file');
    writeFileSync(blocker, 'x');
    await clinic.call('settings.update', { backupDirectory: join(blocker, 'backups') });
    const before = contentHash(clinic.dbPath, { skipTables: ['backups', 'audit_events', 'audit_chain_head'] });
    const failed = await clinic.call('backups.runNow', {});
    expect(failed).toMatchObject({ status: 'failed', sha256: null, isPresent: false });
    expect(failed.message).toContain(`Could not write the backup into ${join(blocker, 'backups')}: part of the path is a file, not a folder (ENOTDIR)`);
    expect(await clinic.call('backups.list', {})).toEqual([failed]);
    const status = await clinic.call('backups.status', {});
    expect(status.lastGood).toBeNull();
    expect(status.alerts.map((a) => a.code)).toEqual(['no_good_backup', 'last_backup_failed']);
    expect(contentHash(clinic.dbPath, { skipTables: ['backups', 'audit_events', 'audit_chain_head'] })).toBe(before);
    expect(existsSync(join(clinic.dir, 'backup-work')) ? readdirSync(join(clinic.dir, 'backup-work')) : []).toEqual([]);
    rmSync(blocker);
  });
});
