import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/cli';
import { openTestClinic } from '../test-support/test-clinic';
import { addSomeRecords, contentHash } from './backup-test-helpers';


let dir: string;
let dbPath: string;
let lines: string[];

beforeEach(async () => {
  const clinic = await openTestClinic('2026-03-02T15:00:00.000Z');
  await addSomeRecords(clinic, 'A');
  clinic.env.db.close();
  dir = clinic.dir;
  dbPath = clinic.dbPath;
  lines = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void lines.push(args.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const backupsIn = (folder: string) => readdirSync(folder).filter((n) => /\.sqlite3(\.enc)?$/.test(n));
const staffNamed = (name: string) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM staff WHERE name = ?').pluck().get(name);
  } finally {
    db.close();
  }
};

describe('clinic-ops backup', () => {
  it('writes a checked backup, prints its path, and exits 0', async () => {
    const to = join(dir, 'usb');
    expect(await main(['backup', '--db', dbPath, '--to', to])).toBe(0);
    const [name] = backupsIn(to);
    expect(name).toMatch(/^clinic-ops-\d{4}-\d{2}-\d{2}T\d{6}Z-scheduled\.sqlite3$/);
    expect(lines.join('\n')).toContain(`Backup written and checked: ${join(to, name ?? '')}`);
    expect(lines.join('\n')).toMatch(/sha256 [0-9a-f]{64}, \d+ audit events, chain intact/);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare("SELECT kind, status FROM backups").all()).toEqual([{ kind: 'scheduled', status: 'ok' }]);
    db.close();
  });

  it('exits 1 naming the folder when it cannot be written, and 2 for missing arguments', async () => {
    writeFileSync(join(dir, 'blocker'), 'x');
    const to = join(dir, 'blocker', 'backups');
    expect(await main(['backup', '--db', dbPath, '--to', to])).toBe(1);
    expect(lines.at(-1)).toContain(`Backup FAILED: Could not write the backup into ${to}`);
    expect(await main(['backup', '--db', dbPath])).toBe(2);
    expect(lines.at(-1)).toMatch(/--to: say which folder/);
    expect(await main(['backup', '--db', join(dir, 'missing.sqlite3'), '--to', dir])).toBe(1);
    expect(lines.at(-1)).toMatch(/There is no clinic file at/);
    expect(await main(['restore', '--db', dbPath])).toBe(2);
  });
});

describe('clinic-ops restore', () => {
  it('puts a backup in place, keeps the current file aside, and exits 0', async () => {
    const to = join(dir, 'usb');
    expect(await main(['backup', '--db', dbPath, '--to', to])).toBe(0);
    const backup = join(to, backupsIn(to)[0] ?? '');
    const db = new Database(dbPath);
    db.prepare("UPDATE staff SET name = 'Renamed After Backup' WHERE name = 'Therapist A'").run();
    db.close();

    expect(await main(['restore', '--db', dbPath, '--from', backup])).toBe(0);
    expect(lines.join('\n')).toMatch(/The previous clinic file was kept as .*clinic\.sqlite3\.before-restore-/);
    expect(staffNamed('Therapist A')).toBe(1);
    const aside = readdirSync(dir).filter((n) => n.includes('.before-restore-'));
    expect(aside).toHaveLength(1);
    const asideDb = new Database(join(dir, aside[0] ?? ''), { readonly: true });
    expect(asideDb.prepare("SELECT count(*) FROM staff WHERE name = 'Renamed After Backup'").pluck().get()).toBe(1);
    asideDb.close();
    expect(await main(['verify', '--db', dbPath])).toBe(0);
  });

  it('exits 1 with nothing changed for a file that is not a backup, or while the app has the file open', async () => {
    const records = { skipTables: ['backups', 'audit_events', 'audit_chain_head'] };
    const before = contentHash(dbPath, records);
    const junk = join(dir, 'junk.sqlite3');
    writeFileSync(junk, 'not a database at all, just some words '.repeat(10));
    expect(await main(['restore', '--db', dbPath, '--from', junk])).toBe(1);
    expect(lines.at(-1)).toMatch(/junk\.sqlite3 is not a Clinic Ops backup/);

    const to = join(dir, 'usb');
    await main(['backup', '--db', dbPath, '--to', to]);
    const backup = join(to, backupsIn(to)[0] ?? '');
    const running = new Database(dbPath);
    running.pragma('journal_mode = WAL');
    running.prepare('SELECT count(*) FROM staff').get();
    expect(await main(['restore', '--db', dbPath, '--from', backup])).toBe(1);
    expect(lines.at(-1)).toMatch(/is in use by Clinic Ops/);
    running.close();
    expect(readdirSync(dir).filter((n) => n.includes('.before-restore-'))).toEqual([]);
    expect(contentHash(dbPath, records)).toBe(before);
  });

  it('encrypts with --passphrase-file and needs the same passphrase to restore', async () => {
    const right = join(dir, 'pass.txt');
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(right, 'usb drive passphrase\n');
    writeFileSync(wrong, 'another passphrase\n');
    const to = join(dir, 'usb');
    expect(await main(['backup', '--db', dbPath, '--to', to, '--passphrase-file', right])).toBe(0);
    const [name] = backupsIn(to);
    expect(name).toMatch(/\.sqlite3\.enc$/);
    const backup = join(to, name ?? '');

    vi.stubEnv('CLINIC_OPS_BACKUP_PASSPHRASE', '');
    expect(await main(['restore', '--db', dbPath, '--from', backup])).toBe(1);
    expect(lines.at(-1)).toMatch(/is encrypted: give its passphrase/);
    expect(await main(['restore', '--db', dbPath, '--from', backup, '--passphrase-file', wrong])).toBe(1);
    expect(lines.at(-1)).toMatch(/The passphrase is wrong for/);
    expect(await main(['restore', '--db', dbPath, '--from', backup, '--passphrase-file', join(dir, 'nope.txt')])).toBe(1);
    expect(lines.at(-1)).toMatch(/--passphrase-file: cannot read/);
    expect(readdirSync(dir).filter((n) => n.includes('.before-restore-'))).toEqual([]);
    expect(await main(['restore', '--db', dbPath, '--from', backup, '--passphrase-file', right])).toBe(0);
    expect(existsSync(dbPath)).toBe(true);
    expect(staffNamed('Therapist A')).toBe(1);
  });
});
