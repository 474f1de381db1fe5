// Checks a plaintext backup copy: a SQLite file, not from a newer app, a clinic file, integrity_check ok, audit chain intact.
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { latestSchemaVersion } from '../migrations';
import { readFileStart, sqliteHeader } from './backup-files';

export type CheckProblem = 'not_database' | 'newer_schema' | 'not_clinic_file' | 'integrity' | 'audit_chain';

export type BackupCheck =
  | { isOk: true; schemaVersion: number; eventCount: number; headHash: string }
  | { isOk: false; problem: CheckProblem; message: string; schemaVersion: number | null; eventCount: number | null };

/**
 * Switches a private copy to a rollback journal, so it is one self-contained file: opening it read-only later
 * leaves no -wal/-shm beside it (on a USB drive, say). Only ever called on our own scratch copies.
 */
export function makeSelfContained(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** `label` names the file in messages (the backup the user chose, not our scratch copy of it). */
export function checkBackupFile(path: string, label: string): BackupCheck {
  const start = readFileStart(path, 100);
  if (start.length < 100 || !start.subarray(0, sqliteHeader.length).equals(sqliteHeader)) {
    return failed('not_database', `${label} is not a Clinic Ops backup: it is not an SQLite database.`);
  }
  // user_version sits at offset 60 of the header: a newer file is refused before SQLite parses anything else.
  const fileVersion = start.readUInt32BE(60);
  if (fileVersion > latestSchemaVersion) {
    return failed(
      'newer_schema',
      `${label} was written by a newer version of Clinic Ops (schema ${fileVersion}; this app knows up to ${latestSchemaVersion}). ` +
        'Install the newer Clinic Ops to use it.',
      fileVersion,
    );
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (problems.length > 0) {
      return failed('integrity', `${label} fails SQLite's integrity check (${problems.slice(0, 3).join('; ')}).`, fileVersion);
    }
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]));
    if (!['clinics', 'audit_events', 'audit_chain_head'].every((t) => tables.has(t))) {
      return failed('not_clinic_file', `${label} is an SQLite database but not a Clinic Ops clinic file.`, fileVersion);
    }
    const chain = verifyAuditChain(db);
    if (!chain.isIntact) {
      return {
        ...failed('audit_chain', `${label}: its audit chain is broken at event #${chain.firstProblem?.seq}: ${chain.firstProblem?.message}.`, fileVersion),
        eventCount: chain.eventCount,
      };
    }
    return { isOk: true, schemaVersion: fileVersion, eventCount: chain.eventCount, headHash: chain.headHash };
  } catch (error) {
    return failed('integrity', `${label} is damaged: SQLite could not read it (${(error as Error).message}).`, fileVersion);
  } finally {
    db?.close();
  }
}

function failed(problem: CheckProblem, message: string, schemaVersion: number | null = null): BackupCheck {
  return { isOk: false, problem, message, schemaVersion, eventCount: null };
}
