// Backups the app makes by itself: a copy before each migration, one at the first start of each day, the monthly drill.
import type { Database } from 'better-sqlite3';
import { readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEnvironment } from '../api/handler-context';
import { businessDateOf } from '../clinic/business-time';
import { clinicTimeZone, clinicToday, readSettings } from '../clinic/clinic-store';
import { drillEveryDays } from './backup-contract';
import { BackupError, describeFsError } from './backup-error';
import {
  backupFileName,
  ensureWorkDirectory,
  freePath,
  fsyncFile,
  pendingPreMigrationPattern,
  removeQuietly,
  timeOfFileName,
  workDirectoryOf,
} from './backup-files';
import { nowOf, type BackupHost } from './backup-host';
import { withBackupLock } from './backup-lock';
import { hasBackupTables, lastDrill, newestGoodBackup } from './backup-store';
import { runRestoreDrill } from './restore-drill';
import { passphraseForNewBackup } from './passphrase';
import { backupWithSettings, finishBackup } from './write-backup';

/** Set to `off` to skip the daily backup and the drill at start (pre-migration copies are always made). */
export const automaticBackupsEnvVar = 'CLINIC_OPS_AUTOMATIC_BACKUPS';

const dayMs = 86_400_000;
const startRuns = new WeakMap<AppEnvironment, Promise<void>>();

/** True once the clinic is set up: an empty, freshly created file has nothing worth copying. */
export function holdsClinicData(db: Database): boolean {
  const hasTable = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'clinics'").pluck().get() === 1;
  return hasTable && db.prepare('SELECT EXISTS (SELECT 1 FROM clinics)').pluck().get() === 1;
}

/**
 * The beforeMigrate hook. SQLite's VACUUM INTO makes a consistent copy synchronously (migrate() is synchronous) into
 * the work folder beside the clinic file, which is writable whenever the migration itself could be; the start-up run
 * then checks it and files it in the backup folder. When the copy cannot be made, the migration does not run.
 */
export function backupBeforeMigrate(dbPath: string, clock?: () => Date): (db: Database, fromVersion: number) => void {
  return (db, fromVersion) => {
    if (fromVersion === 0 || !holdsClinicData(db)) return;
    let path: string | null = null;
    try {
      path = freePath(ensureWorkDirectory(dbPath), backupFileName(nowOf({ clock }), 'pre_migration', false));
      db.prepare('VACUUM INTO ?').run(path);
      fsyncFile(path);
    } catch (error) {
      if (path !== null) removeQuietly(path);
      throw new BackupError(
        `Could not back up the clinic file before upgrading its schema (${describeFsError(error)}). It was not upgraded and nothing was changed.`,
      );
    }
  };
}

/** Checks and files the copies made before migrations. One whose folder cannot be written stays for the next start. */
export async function finishPendingBackups(host: BackupHost): Promise<void> {
  if (!hasBackupTables(host.db)) return;
  for (const name of listPendingCopies(host.dbPath)) {
    const path = join(workDirectoryOf(host.dbPath), name);
    const createdAt = timeOfFileName(name) ?? nowOf(host);
    let passphrase: string | null;
    try {
      passphrase = passphraseForNewBackup(null, readSettings(host.db).backupEncrypted);
    } catch (error) {
      // Kept in the work folder (protected like the clinic file) until a passphrase is available.
      console.error(`[clinic-ops] pre-migration copy ${path} waits: ${(error as Error).message}`);
      continue;
    }
    const { outcome } = await finishBackup(host, path, { kind: 'pre_migration', passphrase, actorStaffId: null, createdAt });
    if (outcome === 'placed') removeQuietly(path);
    // Kept, not retried: it is still the only copy from before that migration.
    else if (outcome === 'check_failed') renameSync(path, `${path}.unchecked`);
  }
}

function listPendingCopies(dbPath: string): string[] {
  try {
    return readdirSync(workDirectoryOf(dbPath)).filter((name) => pendingPreMigrationPattern.test(name)).sort();
  } catch {
    return [];
  }
}

/** Scratch files of a run that crashed (an hour old at least, so a second window's work is left alone). */
function removeStaleScratchFiles(host: BackupHost): void {
  const dir = workDirectoryOf(host.dbPath);
  for (const name of listScratch(dir)) {
    const path = join(dir, name);
    try {
      if (nowOf(host).getTime() - statSync(path).mtimeMs > 3_600_000) removeQuietly(path);
    } catch {
      // Gone already (another window cleaned it up).
    }
  }
}

function listScratch(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /^(backup|restoring|drill)-[0-9a-f]{12}\.sqlite3$/.test(name));
  } catch {
    return [];
  }
}

export function isDailyBackupDue(db: Database, now: Date): boolean {
  if (!holdsClinicData(db)) return false;
  const newest = newestGoodBackup(db);
  return newest === null || businessDateOf(new Date(newest.createdAt), clinicTimeZone(db)) < clinicToday(db, now);
}

export function isDrillDue(db: Database, now: Date): boolean {
  if (newestGoodBackup(db) === null) return false;
  const drill = lastDrill(db);
  return drill === null || now.getTime() - Date.parse(drill.ranAt) > drillEveryDays * dayMs;
}

/**
 * Called once when the app opens a clinic file. Decides synchronously whether there is anything to do (a new, empty
 * file has nothing), then works in the background so the window opens at once. Never rejects.
 */
export function startAutomaticBackups(env: AppEnvironment): Promise<void> {
  const hasWork = hasBackupTables(env.db) && (holdsClinicData(env.db) || listPendingCopies(env.dbPath).length > 0);
  const run = hasWork
    ? withBackupLock(env, () => runAtStart(env)).catch((error: unknown) => {
        if (env.db.open) console.error('[clinic-ops] automatic backup failed:', error);
      })
    : Promise.resolve();
  startRuns.set(env, run);
  return run;
}

/** Resolves when the start-up backups of this environment have finished (tests, and a clean shutdown). */
export function automaticBackupsSettled(env: AppEnvironment): Promise<void> {
  return startRuns.get(env) ?? Promise.resolve();
}

async function runAtStart(env: AppEnvironment): Promise<void> {
  removeStaleScratchFiles(env);
  await finishPendingBackups(env);
  if (process.env[automaticBackupsEnvVar] === 'off') return;
  if (env.db.open && isDailyBackupDue(env.db, nowOf(env))) {
    const record = await backupWithSettings(env, { kind: 'daily', givenPassphrase: null, actorStaffId: null });
    if (record.status === 'failed') console.error(`[clinic-ops] the daily backup failed: ${record.message}`);
  }
  if (env.db.open && isDrillDue(env.db, nowOf(env))) {
    const drill = await runRestoreDrill(env, { startedBy: 'automatic', passphrase: null, actorStaffId: null });
    if (drill.status === 'failed') console.error(`[clinic-ops] the restore drill failed: ${drill.message}`);
  }
}
