// Restores a backup: check it first, keep the current file aside, put the checked copy in place, record who did it.
import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import type { AppEnvironment } from '../api/handler-context';
import { appendAuditEvent } from '../audit/audit-log';
import { openDatabase } from '../open-database';
import type { RestoreResult } from './backup-contract';
import { BackupError, describeFsError } from './backup-error';
import { removeQuietly, scratchPath } from './backup-files';
import { nowOf, type BackupHost } from './backup-host';
import { withBackupLock } from './backup-lock';
import { keepClinicFileAside, putClinicFileBack } from './keep-aside';
import { replaceConnection } from './live-connection';
import { stageBackup, type StagedBackup } from './stage-backup';
import { backupBeforeMigrate, finishPendingBackups } from './automatic-backups';

export interface RestoreRequest {
  source: string;
  passphrase: string | null;
  /** The SHA-256 recorded for this backup, when it was chosen from the list. */
  expectedSha256: string | null;
  actorStaffId: number | null;
  reason: string | null;
}

/**
 * In the running app. The connection is closed, the files swapped and a new connection opened in one synchronous
 * stretch, so no other API call can run against a closed or half-swapped file; env.db is then the restored file.
 */
export function restoreInRunningApp(env: AppEnvironment, request: RestoreRequest): Promise<RestoreResult> {
  return withBackupLock(env, async () => {
    const at = nowOf(env);
    const staged = await stageBackup(request.source, scratchPath(env.dbPath, 'restoring'), request);
    const reopen = () => openDatabase(env.dbPath, { beforeMigrate: backupBeforeMigrate(env.dbPath, env.clock) });
    try {
      env.db.close();
    } catch (error) {
      // better-sqlite3 refuses to close while another task is reading (an export, say); nothing has moved yet.
      removeQuietly(staged.stagingPath);
      throw new BackupError(`The clinic file is busy with another task (${(error as Error).message}); try the restore again when it has finished.`);
    }
    let keptAside: string[] = [];
    try {
      keptAside = keepClinicFileAside(env.dbPath, at);
      renameSync(staged.stagingPath, env.dbPath);
    } catch (error) {
      removeQuietly(staged.stagingPath);
      putClinicFileBack(keptAside, env.dbPath);
      replaceConnection(env, reopen());
      throw new BackupError(`Could not put the backup in place (${describeFsError(error)}). The clinic file was left as it was.`);
    }
    let restored: Database.Database;
    try {
      restored = reopen();
    } catch (error) {
      putClinicFileBack(keptAside, env.dbPath);
      replaceConnection(env, reopen());
      throw new BackupError(`The restored file could not be opened (${(error as Error).message}). The clinic file was put back as it was.`);
    }
    replaceConnection(env, restored);
    const result = recordRestore(env, request, staged, keptAside, at);
    // An older backup was migrated on opening: its pre-migration copy waits in the work folder to be checked and filed.
    await finishPendingBackups(env);
    return result;
  });
}

/**
 * From the command line, with the app closed. A clinic file still open elsewhere is refused: in WAL mode SQLite
 * cannot leave it while another connection uses it.
 */
export async function restoreClinicFile(host: Omit<BackupHost, 'db'>, request: RestoreRequest): Promise<RestoreResult> {
  const at = nowOf(host);
  const staged = await stageBackup(request.source, scratchPath(host.dbPath, 'restoring'), request);
  try {
    if (existsSync(host.dbPath)) assertNotInUse(host.dbPath);
  } catch (error) {
    removeQuietly(staged.stagingPath);
    throw error;
  }
  let keptAside: string[] = [];
  try {
    keptAside = keepClinicFileAside(host.dbPath, at);
    renameSync(staged.stagingPath, host.dbPath);
  } catch (error) {
    removeQuietly(staged.stagingPath);
    putClinicFileBack(keptAside, host.dbPath);
    throw new BackupError(`Could not put the backup in place (${describeFsError(error)}). The clinic file was left as it was.`);
  }
  // Not migrated here: the app does that (with its pre-migration backup) the next time it opens the file.
  const db = new Database(host.dbPath, { fileMustExist: true });
  try {
    return recordRestore({ ...host, db }, request, staged, keptAside, at);
  } finally {
    db.close();
  }
}

function assertNotInUse(dbPath: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    // Leaving WAL mode needs the file to ourselves, and folds the WAL into the file that is kept aside.
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new BackupError(`The clinic file ${dbPath} is in use by Clinic Ops. Close the app (or restore from Settings > Backups), then try again.`);
    }
    // A damaged clinic file is the usual reason to restore: it is kept aside as it is.
  } finally {
    db?.close();
  }
}

function recordRestore(host: BackupHost, request: RestoreRequest, staged: StagedBackup, keptAside: string[], at: Date): RestoreResult {
  const result: RestoreResult = {
    restoredFrom: request.source,
    keptAside,
    schemaVersion: staged.schemaVersion,
    eventCount: staged.eventCount,
  };
  const nowIso = nowOf(host).toISOString();
  host.db.transaction(() =>
    appendAuditEvent(
      host.db,
      {
        action: 'restore',
        entityType: 'clinic_file',
        entityId: basename(host.dbPath),
        after: { ...result, sha256: staged.sha256, isEncrypted: staged.isEncrypted, startedAt: at.toISOString() },
        reason: request.reason,
      },
      { actorStaffId: request.actorStaffId, deviceId: host.deviceId, at: nowIso },
    ),
  ).immediate();
  return result;
}
