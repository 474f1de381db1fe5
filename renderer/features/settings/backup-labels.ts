// How backups read in Settings: kinds, check results, age wording and sizes. Pure, so it is unit-tested.
import { staleAfterDays, type BackupKind, type BackupStatus, type CheckStatus } from '../../../db/backups/backup-contract';
import type { StatusTone } from '../../components/StatusBadge';

export const backupKindLabels: Record<BackupKind, string> = {
  daily: 'Daily (automatic)',
  manual: 'Manual',
  pre_migration: 'Before an update',
  scheduled: 'Scheduled (command line)',
};

export const checkStatusStyles: Record<CheckStatus, { label: string; tone: StatusTone }> = {
  ok: { label: 'Check passed', tone: 'good' },
  failed: { label: 'Check failed', tone: 'bad' },
};

/** "today", "yesterday", "3 days ago"; "no good backup yet" when there is none. */
export function formatBackupAge(ageDays: number | null): string {
  if (ageDays === null) return 'no good backup yet';
  if (ageDays <= 0) return 'today';
  if (ageDays === 1) return 'yesterday';
  return `${ageDays} days ago`;
}

/** The warning shown when the newest good backup is too old (the contract's staleAfterDays), or null when fresh. */
export function backupAgeWarning(status: Pick<BackupStatus, 'ageDays' | 'isStale'>): string | null {
  if (status.ageDays === null) return 'There is no good backup of this clinic yet. Back up now.';
  if (!status.isStale && status.ageDays <= staleAfterDays) return null;
  return `The last good backup is ${status.ageDays} days old (more than ${staleAfterDays}). Back up now, and check the backup folder is reachable.`;
}

/** A size for people: "812 bytes", "4.2 MB". */
export function formatFileSize(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A drill's duration: "850 ms", "2.4 s". */
export function formatDurationMs(durationMs: number): string {
  return durationMs < 1000 ? `${Math.round(durationMs)} ms` : `${(durationMs / 1000).toFixed(1)} s`;
}
