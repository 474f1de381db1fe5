// Makes a checked plaintext copy of a backup (decrypting when needed) for a restore or a drill; the backup is never touched.
import { constants, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { decryptFile, isEncryptedBackup } from './backup-crypto';
import { BackupError, describeFsError } from './backup-error';
import { readChecksumFile, readFileStart, removeQuietly, sha256OfFile, sqliteHeader } from './backup-files';
import { checkBackupFile, makeSelfContained } from './check-backup-file';

export interface StagedBackup {
  stagingPath: string;
  schemaVersion: number;
  eventCount: number;
  headHash: string;
  isEncrypted: boolean;
  sha256: string;
}

export interface StageOptions {
  passphrase: string | null;
  /** The SHA-256 recorded when the backup was written; else the `.sha256` file beside it is used when there is one. */
  expectedSha256?: string | null;
}

/** Throws BackupError naming the backup and what is wrong with it; on any failure nothing is left at stagingPath. */
export async function stageBackup(source: string, stagingPath: string, options: StageOptions): Promise<StagedBackup> {
  try {
    return await stage(source, stagingPath, options);
  } catch (error) {
    removeQuietly(stagingPath);
    throw error;
  }
}

async function stage(source: string, stagingPath: string, options: StageOptions): Promise<StagedBackup> {
  let isFile: boolean;
  try {
    isFile = statSync(source).isFile();
  } catch (error) {
    throw new BackupError(`There is no backup file at ${source} (${describeFsError(error)}).`, 'path');
  }
  if (!isFile) throw new BackupError(`${source} is a folder, not a backup file.`, 'path');
  const start = readFileStart(source, 16);
  const isEncrypted = isEncryptedBackup(start);
  if (!isEncrypted && !start.equals(sqliteHeader)) {
    throw new BackupError(`${source} is not a Clinic Ops backup: it is neither an SQLite database nor an encrypted Clinic Ops backup.`, 'path');
  }
  const sha256 = await sha256OfFile(source);
  const expected = options.expectedSha256 ?? readChecksumFile(source);
  if (expected && expected !== sha256) {
    throw new BackupError(
      `${source} has changed since it was written: its SHA-256 is ${sha256.slice(0, 12)}…, but ${expected.slice(0, 12)}… was recorded. It was not used.`,
      'path',
    );
  }
  if (isEncrypted) {
    if (options.passphrase === null) throw new BackupError(`${source} is encrypted: give its passphrase.`, 'passphrase');
    await decryptFile(source, stagingPath, options.passphrase, source);
  } else {
    await copyFile(source, stagingPath, constants.COPYFILE_EXCL);
  }
  const check = checkStaged(stagingPath, source);
  return { stagingPath, schemaVersion: check.schemaVersion, eventCount: check.eventCount, headHash: check.headHash, isEncrypted, sha256 };
}

function checkStaged(stagingPath: string, source: string) {
  const first = checkBackupFile(stagingPath, source);
  if (!first.isOk) throw new BackupError(`${first.message} It was not used.`, 'path');
  try {
    // A copy of a live file may still be in WAL mode; our staged copy becomes one self-contained file.
    makeSelfContained(stagingPath);
  } catch (error) {
    throw new BackupError(`${source} is damaged: SQLite could not open it (${(error as Error).message}). It was not used.`, 'path');
  }
  return first;
}
