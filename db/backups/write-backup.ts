// Writes one backup: an online copy in the work folder, its check, then the copy (or encrypted copy) in the backup folder.
import { constants, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendAuditEvent } from '../audit/audit-log';
import { readSettings } from '../clinic/clinic-store';
import type { BackupKind, BackupRecord } from './backup-contract';
import { decryptFile, encryptFile } from './backup-crypto';
import { describeFsError } from './backup-error';
import { backupDirectoryOf, backupFileName, freePath, fsyncFile, removeQuietly, scratchPath, sha256OfFile, writeChecksumFile } from './backup-files';
import { nowOf, type BackupHost } from './backup-host';
import { hasBackupTables, insertBackup, type NewBackup } from './backup-store';
import { checkBackupFile, makeSelfContained, type BackupCheck } from './check-backup-file';
import { passphraseForNewBackup } from './passphrase';
import { pruneBackups } from './prune-backups';

export interface WriteBackupOptions {
  kind: BackupKind;
  /** Overrides the folder from settings (the CLI's --to). */
  directory?: string;
  /** Null writes an unencrypted backup. */
  passphrase: string | null;
  actorStaffId: number | null;
}

export type FinishOutcome = 'placed' | 'check_failed' | 'place_failed';

/**
 * A backup with the passphrase settings ask for: the one given, else CLINIC_OPS_BACKUP_PASSPHRASE when encryption is on.
 * A missing passphrase is recorded as a failed backup like any other failure.
 */
export async function backupWithSettings(
  host: BackupHost,
  options: Omit<WriteBackupOptions, 'passphrase'> & { givenPassphrase: string | null },
): Promise<BackupRecord> {
  const isEncryptionOn = readSettings(host.db).backupEncrypted;
  let passphrase: string | null;
  try {
    passphrase = passphraseForNewBackup(options.givenPassphrase, isEncryptionOn);
  } catch (error) {
    return recordBackup(host, { ...options, passphrase: null }, nowOf(host), null, { message: (error as Error).message });
  }
  return writeBackup(host, { ...options, passphrase });
}

/**
 * Online backup with SQLite's backup API: pages are copied a few at a time between other work, so the app stays
 * usable. Never throws for a failed backup: the failure is recorded and returned with status 'failed'.
 */
export async function writeBackup(host: BackupHost, options: WriteBackupOptions): Promise<BackupRecord> {
  const createdAt = nowOf(host);
  let workPath: string | null = null;
  try {
    try {
      workPath = scratchPath(host.dbPath, 'backup');
      await host.db.backup(workPath);
    } catch (error) {
      return recordBackup(host, options, createdAt, null, { message: `Could not copy the clinic file: ${describeFsError(error)}.` });
    }
    return (await finishBackup(host, workPath, { ...options, createdAt })).record;
  } finally {
    if (workPath !== null) removeQuietly(workPath);
  }
}

/** Checks a plaintext copy, puts it (or its encryption) in the backup folder, records it and applies retention. */
export async function finishBackup(
  host: BackupHost,
  workPath: string,
  options: WriteBackupOptions & { createdAt: Date },
): Promise<{ record: BackupRecord; outcome: FinishOutcome }> {
  const { createdAt, passphrase } = options;
  const directory = options.directory ?? backupDirectoryOf(host.dbPath, readSettings(host.db).backupDirectory);
  const fileName = backupFileName(createdAt, options.kind, passphrase !== null);
  let check: BackupCheck;
  try {
    makeSelfContained(workPath);
    check = checkBackupFile(workPath, 'The backup copy');
  } catch (error) {
    check = { isOk: false, problem: 'integrity', message: `The backup copy could not be opened: ${(error as Error).message}.`, schemaVersion: null, eventCount: null };
  }
  // A copy whose only fault is the audit chain still holds every record, so it is kept (marked failed); others are not.
  if (!check.isOk && check.problem !== 'audit_chain') {
    const record = recordBackup(host, options, createdAt, null, { message: check.message, path: join(directory, fileName) });
    return { record, outcome: 'check_failed' };
  }
  let placed: PlacedFile;
  try {
    placed = await placeBackup(workPath, directory, fileName, passphrase);
  } catch (error) {
    const message = `Could not write the backup into ${directory}: ${describeFsError(error)}. The clinic file was not changed.`;
    return { record: recordBackup(host, options, createdAt, null, { message, path: join(directory, fileName) }), outcome: 'place_failed' };
  }
  const record = recordBackup(host, options, createdAt, check, placed);
  if (record.status === 'ok' && record.id !== null) pruneBackups(host, options.actorStaffId);
  return { record, outcome: 'placed' };
}

interface PlacedFile {
  path: string;
  sizeBytes: number;
  sha256: string;
}

async function placeBackup(workPath: string, directory: string, fileName: string, passphrase: string | null): Promise<PlacedFile> {
  mkdirSync(directory, { recursive: true });
  const path = freePath(directory, fileName);
  const partial = `${path}.partial`;
  const plainSha256 = await sha256OfFile(workPath);
  try {
    if (passphrase === null) {
      await copyFile(workPath, partial, constants.COPYFILE_EXCL);
      if ((await sha256OfFile(partial)) !== plainSha256) throw new Error('the copy on the backup drive does not match the checked copy');
    } else {
      await encryptFile(workPath, partial, passphrase);
      // Read back what landed on the drive: it must decrypt to exactly the copy that passed the check.
      if ((await decryptFile(partial, null, passphrase)) !== plainSha256) throw new Error('the encrypted copy does not decrypt to the checked copy');
    }
    fsyncFile(partial);
    // Only a complete, flushed file ever carries the final name.
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const sha256 = await sha256OfFile(path);
  writeChecksumFile(path, sha256);
  return { path, sizeBytes: statSync(path).size, sha256 };
}

function recordBackup(
  host: BackupHost,
  options: WriteBackupOptions,
  createdAt: Date,
  check: BackupCheck | null,
  file: Partial<PlacedFile> & { message?: string },
): BackupRecord {
  const isOk = check?.isOk === true && file.sha256 !== undefined;
  const path = file.path ?? '';
  const backup: NewBackup = {
    kind: options.kind,
    fileName: path.split(/[\\/]/).pop() ?? '',
    path,
    createdAt: createdAt.toISOString(),
    isEncrypted: options.passphrase !== null,
    status: isOk ? 'ok' : 'failed',
    message: isOk ? '' : (file.message ?? (check && !check.isOk ? check.message : 'The backup failed.')),
    sizeBytes: file.sizeBytes ?? null,
    sha256: file.sha256 ?? null,
    schemaVersion: check?.schemaVersion ?? null,
    eventCount: check?.eventCount ?? null,
    headHash: check?.isOk ? check.headHash : null,
  };
  if (!hasBackupTables(host.db)) {
    return { ...backup, id: null, prunedAt: null, isPresent: file.sha256 !== undefined };
  }
  const at = nowOf(host).toISOString();
  return host.db.transaction(() => {
    const record = insertBackup(host.db, backup);
    const { headHash: _headHash, ...summary } = backup;
    appendAuditEvent(
      host.db,
      { action: 'backup', entityType: 'backup', entityId: record.id ?? 0, after: summary },
      { actorStaffId: options.actorStaffId, deviceId: host.deviceId, at },
    );
    return record;
  }).immediate();
}
