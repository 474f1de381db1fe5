// The one error the backup area throws: a message a clinic manager can act on, naming the file or folder at fault.
import { ApiError } from '../api/errors';

export class BackupError extends Error {
  constructor(
    message: string,
    /** The API input field at fault, when one is (path, backupId, passphrase). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** What a failed backup call returns to the API caller. */
export function toApiError(error: unknown): unknown {
  return error instanceof BackupError ? new ApiError('rule_violation', error.message, error.field) : error;
}

/** The operating system's reason in a few words (EACCES, ENOSPC, ...), for messages. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    ENOSPC: 'the disk is full',
    EROFS: 'the drive is read-only',
    ENOTDIR: 'part of the path is a file, not a folder',
    ENOENT: 'the path does not exist',
    EEXIST: 'a file of that name already exists',
    EBUSY: 'the file is in use',
  };
  return typeof code === 'string' && code in reasons ? `${reasons[code]} (${code})` : message;
}
