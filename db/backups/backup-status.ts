// What Settings and the Dashboard show about backups: the last good one, its age, staleness, the last drill, alerts.
import type { Database } from 'better-sqlite3';
import { readSettings } from '../clinic/clinic-store';
import { drillEveryDays, staleAfterDays, type BackupStatus } from './backup-contract';
import { backupDirectoryOf } from './backup-files';
import { lastDrill, lastRestore, newestBackup, newestGoodBackup } from './backup-store';

const dayMs = 86_400_000;

export function readBackupStatus(db: Database, dbPath: string, now: Date): BackupStatus {
  const settings = readSettings(db);
  const lastGood = newestGoodBackup(db);
  const lastAttempt = newestBackup(db);
  const drill = lastDrill(db);
  const ageMs = lastGood ? now.getTime() - Date.parse(lastGood.createdAt) : null;
  const isStale = ageMs === null || ageMs > staleAfterDays * dayMs;
  const ageDays = ageMs === null ? null : Math.max(0, Math.floor(ageMs / dayMs));

  const alerts: BackupStatus['alerts'] = [];
  if (drill?.status === 'failed') alerts.push({ code: 'drill_failed', message: `The last restore drill failed: ${drill.message}` });
  if (lastGood === null) alerts.push({ code: 'no_good_backup', message: 'There is no good backup of the clinic file yet.' });
  else if (isStale) alerts.push({ code: 'stale', message: `The last good backup is ${ageDays} days old.` });
  if (lastAttempt && lastAttempt.status === 'failed' && lastAttempt.id !== lastGood?.id) {
    alerts.push({ code: 'last_backup_failed', message: `The last backup failed: ${lastAttempt.message}` });
  }
  if (lastGood && drill && drill.status === 'ok' && now.getTime() - Date.parse(drill.ranAt) > (drillEveryDays + 7) * dayMs) {
    alerts.push({ code: 'drill_overdue', message: `No restore drill has run for over ${drillEveryDays} days.` });
  }
  return {
    directory: backupDirectoryOf(dbPath, settings.backupDirectory),
    isEncryptionOn: settings.backupEncrypted,
    lastGood,
    ageDays,
    isStale,
    lastAttempt,
    lastDrill: drill,
    lastRestore: lastRestore(db),
    alerts,
  };
}
