// API methods for backups, restore drills and restore. Pure: shared with the renderer.
import { z } from 'zod';
import { changeReason, recordId } from '../api/common-schemas';
import { method, task } from '../api/define-method';
import { managersOnly, oversight } from '../api/roles';

export const backupKinds = ['daily', 'manual', 'pre_migration', 'scheduled'] as const;
export type BackupKind = (typeof backupKinds)[number];
export type CheckStatus = 'ok' | 'failed';

/** A backup is stale (a warning on Settings and the Dashboard) when the newest good one is older than this. */
export const staleAfterDays = 2;
/** The restore drill runs by itself when the last one is older than this. */
export const drillEveryDays = 30;

export interface BackupRecord {
  /** Null only when the CLI backed up a file whose schema has no backups table yet. */
  id: number | null;
  kind: BackupKind;
  fileName: string;
  path: string;
  createdAt: string;
  isEncrypted: boolean;
  status: CheckStatus;
  /** Why it failed; empty when ok. */
  message: string;
  sizeBytes: number | null;
  sha256: string | null;
  schemaVersion: number | null;
  eventCount: number | null;
  prunedAt: string | null;
  /** Whether the file is reachable right now (a USB drive may be unplugged). */
  isPresent: boolean;
}

export interface DrillRecord {
  id: number | null;
  backupId: number | null;
  backupFileName: string | null;
  ranAt: string;
  startedBy: 'automatic' | 'manual';
  status: CheckStatus;
  message: string;
  eventCount: number | null;
  durationMs: number;
}

export type BackupAlertCode = 'no_good_backup' | 'stale' | 'last_backup_failed' | 'drill_failed' | 'drill_overdue';

export interface BackupStatus {
  /** The folder automatic backups go to (resolved from settings). */
  directory: string;
  isEncryptionOn: boolean;
  lastGood: BackupRecord | null;
  /** Whole days since the last good backup; null when there is none. */
  ageDays: number | null;
  /** True when there is no good backup or the newest is older than staleAfterDays. */
  isStale: boolean;
  /** The newest attempt, good or not (shows a failure that happened after the last good one). */
  lastAttempt: BackupRecord | null;
  lastDrill: DrillRecord | null;
  lastRestore: { at: string; restoredFrom: string } | null;
  /** What the Dashboard shows as warnings, most serious first. */
  alerts: Array<{ code: BackupAlertCode; message: string }>;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the file that was in use went (the clinic file, and its -wal/-shm when there were any). */
  keptAside: string[];
  /** Schema version of the backup as it was; the app migrated it on opening when older. */
  schemaVersion: number;
  eventCount: number;
}

/** Absolute paths only: the renderer sends what a file picker chose, never a path relative to the server. */
const absolutePath = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be a full path to the backup file');

/** A new passphrase; never stored, never audited. */
export const newPassphrase = z.string().min(8, 'must be at least 8 characters').max(1024, 'must be at most 1024 characters');
const givenPassphrase = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters');

export const backupMethods = {
  'backups.status': method<BackupStatus>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: oversight,
    summary: 'The last good backup and its age, whether it is stale, the last restore drill and any alerts.',
  }),
  'backups.list': method<BackupRecord[]>()({
    input: z.strictObject({
      limit: z.number().int().min(1).max(1000).default(100),
      includePruned: z.boolean().default(false),
    }),
    kind: 'read',
    roles: oversight,
    summary: 'Backups newest first, with their check results.',
  }),
  'backups.runNow': task<BackupRecord>()({
    input: z.strictObject({ passphrase: newPassphrase.optional() }),
    roles: managersOnly,
    summary:
      'Writes a checked backup now. Encrypted when a passphrase is given, or when settings say so ' +
      '(then CLINIC_OPS_BACKUP_PASSPHRASE supplies it). A failure is recorded and returned with status "failed" and its message.',
  }),
  'backups.runDrill': task<DrillRecord>()({
    input: z.strictObject({ passphrase: givenPassphrase.optional() }),
    roles: managersOnly,
    summary: 'Restores the newest good backup to a temporary file, checks it and records the result.',
  }),
  'backups.restore': task<RestoreResult>()({
    input: z
      .strictObject({
        backupId: recordId.optional(),
        path: absolutePath.optional(),
        passphrase: givenPassphrase.optional(),
        reason: changeReason,
      })
      .refine((r) => (r.backupId === undefined) !== (r.path === undefined), {
        message: 'give either a recorded backup or the path of a backup file, not both',
        path: ['backupId'],
      }),
    roles: managersOnly,
    summary:
      'Checks a backup, keeps the clinic file aside under a new name, puts the backup in its place and reopens it. ' +
      'Afterwards every screen must reload its data.',
  }),
};
