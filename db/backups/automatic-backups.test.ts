import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEnvironment } from '../api/handler-context';
import { openAppEnvironment } from '../app-environment';
import { migrations } from '../migrations';
import type { Migration } from '../migrations/migration';
import { openTestClinic } from '../test-support/test-clinic';
import { automaticBackupsEnvVar, automaticBackupsSettled } from './automatic-backups';
import { listBackups, lastDrill } from './backup-store';
import { addSomeRecords } from './backup-test-helpers';


let dir: string;
let dbPath: string;
const opened: AppEnvironment[] = [];

beforeEach(async () => {
  // A set-up clinic with records, closed as the app would leave it at night.
  const clinic = await openTestClinic('2026-03-02T15:00:00.000Z');
  await addSomeRecords(clinic, 'A');
  await automaticBackupsSettled(clinic.env);
  clinic.env.db.close();
  dir = clinic.dir;
  dbPath = clinic.dbPath;
});
afterEach(() => {
  vi.unstubAllEnvs();
  for (const env of opened.splice(0)) if (env.db.open) env.db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startAt(iso: string, extra: { migrations?: readonly Migration[] } = {}): Promise<AppEnvironment> {
  const env = openAppEnvironment(dbPath, { clock: () => new Date(iso), ...extra });
  opened.push(env);
  await automaticBackupsSettled(env);
  return env;
}

const kinds = (env: AppEnvironment) => listBackups(env.db, { limit: 100, includePruned: true }).map((b) => `${b.kind}:${b.status}:${b.createdAt}`);

describe('automatic backups at start', () => {
  it('take one daily backup at the first start of each clinic day, and run the drill when none ran for 30 days', async () => {
    let env = await startAt('2026-03-02T16:00:00.000Z');
    expect(kinds(env)).toEqual(['daily:ok:2026-03-02T16:00:00.000Z']);
    expect(lastDrill(env.db)).toMatchObject({ status: 'ok', startedBy: 'automatic' });
    env.db.close();

    // Later the same local day (21:30 in New York is 02:30 UTC the next day): nothing new.
    env = await startAt('2026-03-03T02:30:00.000Z');
    expect(kinds(env)).toHaveLength(1);
    env.db.close();

    env = await startAt('2026-03-03T13:00:00.000Z');
    expect(kinds(env)[0]).toBe('daily:ok:2026-03-03T13:00:00.000Z');
    expect(lastDrill(env.db)?.ranAt).toBe('2026-03-02T16:00:00.000Z');
    env.db.close();

    env = await startAt('2026-04-02T13:00:00.000Z');
    expect(lastDrill(env.db)?.ranAt).toBe('2026-04-02T13:00:00.000Z');
    expect(existsSync(join(dir, 'backups'))).toBe(true);
  });

  it('can be switched off for the daily backup and drill', async () => {
    vi.stubEnv(automaticBackupsEnvVar, 'off');
    const env = await startAt('2026-03-02T16:00:00.000Z');
    expect(kinds(env)).toEqual([]);
  });

  it('do nothing for a new, empty clinic file', async () => {
    const env = openAppEnvironment(join(dir, 'fresh.sqlite3'), { clock: () => new Date('2026-03-02T16:00:00.000Z') });
    opened.push(env);
    await automaticBackupsSettled(env);
    expect(listBackups(env.db, { limit: 10, includePruned: true })).toEqual([]);
  });
});

describe('the backup before a migration', () => {
  const addFakeTable: Migration = {
    version: migrations.length + 1,
    name: 'a future migration',
    up: (db) => db.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY) STRICT'),
  };

  it('copies the file before the schema changes, then checks and files it', async () => {
    vi.stubEnv(automaticBackupsEnvVar, 'off');
    const env = await startAt('2026-03-05T14:00:00.000Z', { migrations: [...migrations, addFakeTable] });
    expect(env.db.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    const [backup] = listBackups(env.db, { limit: 10, includePruned: true });
    expect(backup).toMatchObject({ kind: 'pre_migration', status: 'ok', schemaVersion: migrations.length, createdAt: '2026-03-05T14:00:00.000Z' });
    expect(backup?.fileName).toBe('clinic-ops-2026-03-05T140000Z-pre-migration.sqlite3');
    const copy = new Database(backup?.path ?? '', { readonly: true });
    expect(copy.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'future_things'").pluck().get()).toBe(0);
    expect(copy.prepare("SELECT count(*) FROM staff WHERE name = 'Therapist A'").pluck().get()).toBe(1);
    copy.close();
    expect(readdirSync(join(dir, 'backup-work'))).toEqual([]);
  });

  it('keeps the copy for the next start when the backup folder cannot be written', async () => {
    vi.stubEnv(automaticBackupsEnvVar, 'off');
    writeFileSync(join(dir, 'backups'), 'a file where the folder should be');
    const env = await startAt('2026-03-05T14:00:00.000Z', { migrations: [...migrations, addFakeTable] });
    expect(kinds(env)).toEqual(['pre_migration:failed:2026-03-05T14:00:00.000Z']);
    expect(readdirSync(join(dir, 'backup-work'))).toEqual(['clinic-ops-2026-03-05T140000Z-pre-migration.sqlite3']);
    env.db.close();

    rmSync(join(dir, 'backups'));
    const later = await startAt('2026-03-06T14:00:00.000Z', { migrations: [...migrations, addFakeTable] });
    expect(kinds(later)[0]).toBe('pre_migration:ok:2026-03-05T14:00:00.000Z');
    expect(readdirSync(join(dir, 'backup-work'))).toEqual([]);
  });

  it('stops the migration when the copy cannot be made, changing nothing', async () => {
    writeFileSync(join(dir, 'backup-work'), 'a file where the work folder should be');
    expect(() => openAppEnvironment(dbPath, { migrations: [...migrations, addFakeTable] })).toThrow(
      /Could not back up the clinic file before upgrading its schema .*It was not upgraded and nothing was changed/,
    );
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });
});
