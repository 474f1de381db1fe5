// Backup and restore for the command line (`clinic-ops backup` / `restore`): no running app, a connection of its own.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readOrCreateDeviceId } from '../app-environment';
import type { BackupRecord, RestoreResult } from './backup-contract';
import { BackupError } from './backup-error';
import { readFileStart, sqliteHeader } from './backup-files';
import { passphraseForReading, readPassphraseFile } from './passphrase';
import { restoreClinicFile } from './restore-backup';
import { backupWithSettings } from './write-backup';

export interface CommandLineOptions {
  /** --passphrase-file; without it the settings and CLINIC_OPS_BACKUP_PASSPHRASE decide. */
  passphraseFile?: string;
  clock?: () => Date;
}

function passphraseOf(options: CommandLineOptions): string | null {
  return options.passphraseFile === undefined ? null : readPassphraseFile(options.passphraseFile);
}

/** For scheduled tasks: works while the app is open (SQLite's backup API reads a consistent snapshot). */
export async function backupClinicFileTo(dbPath: string, toDirectory: string, options: CommandLineOptions = {}): Promise<BackupRecord> {
  const passphrase = passphraseOf(options);
  if (!existsSync(dbPath)) throw new BackupError(`There is no clinic file at ${dbPath}.`, 'db');
  if (!readFileStart(dbPath, 16).equals(sqliteHeader)) throw new BackupError(`${dbPath} is not a Clinic Ops clinic file (not an SQLite database).`, 'db');
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const hasClinic = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('clinics', 'settings')").pluck().get() === 2;
    if (!hasClinic) throw new BackupError(`${dbPath} is an SQLite database but not a Clinic Ops clinic file.`, 'db');
    return await backupWithSettings(
      { db, dbPath, deviceId: readOrCreateDeviceId(dirname(dbPath)), clock: options.clock },
      { kind: 'scheduled', directory: resolve(toDirectory), givenPassphrase: passphrase, actorStaffId: null },
    );
  } finally {
    db.close();
  }
}

/** The app must be closed; the current file (if any) is kept aside, never overwritten. */
export async function restoreClinicFileFrom(dbPath: string, backupPath: string, options: CommandLineOptions = {}): Promise<RestoreResult> {
  const passphrase = passphraseForReading(passphraseOf(options));
  if (!existsSync(dirname(dbPath))) throw new BackupError(`--db: the folder ${dirname(dbPath)} does not exist.`, 'db');
  return restoreClinicFile(
    { dbPath, deviceId: readOrCreateDeviceId(dirname(dbPath)), clock: options.clock },
    { source: resolve(backupPath), passphrase, expectedSha256: null, actorStaffId: null, reason: 'restored from the command line' },
  );
}
