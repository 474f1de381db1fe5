// Applies retention: deletes old backup files (they are copies) and records each deletion.
import { rmSync } from 'node:fs';
import { appendAuditEvent } from '../audit/audit-log';
import { clinicTimeZone, readSettings } from '../clinic/clinic-store';
import { checksumPathOf } from './backup-files';
import { nowOf, type BackupHost } from './backup-host';
import { markBackupPruned, unprunedBackups } from './backup-store';
import { chooseBackupsToDelete } from './retention';

/** Returns the paths deleted. Files that are not reachable (USB drive unplugged) are neither counted nor touched. */
export function pruneBackups(host: BackupHost, actorStaffId: number | null): string[] {
  const settings = readSettings(host.db);
  const present = unprunedBackups(host.db).filter((b) => b.isPresent && b.id !== null);
  const doomed = new Set(
    chooseBackupsToDelete(
      present.map((b) => ({ id: b.id as number, createdAt: b.createdAt, kind: b.kind, status: b.status })),
      { keepDaily: settings.backupKeepDaily, keepWeekly: settings.backupKeepWeekly, keepMonthly: settings.backupKeepMonthly, timeZone: clinicTimeZone(host.db) },
    ),
  );
  const deleted: string[] = [];
  const at = nowOf(host).toISOString();
  for (const backup of present) {
    if (backup.id === null || !doomed.has(backup.id)) continue;
    try {
      rmSync(backup.path);
      rmSync(checksumPathOf(backup.path), { force: true });
    } catch (error) {
      console.error(`[clinic-ops] retention could not delete ${backup.path}:`, error);
      continue;
    }
    const id = backup.id;
    host.db.transaction(() => {
      markBackupPruned(host.db, id, at);
      appendAuditEvent(
        host.db,
        { action: 'prune', entityType: 'backup', entityId: id, before: { fileName: backup.fileName, path: backup.path, createdAt: backup.createdAt, kind: backup.kind }, reason: 'retention' },
        { actorStaffId, deviceId: host.deviceId, at },
      );
    }).immediate();
    deleted.push(backup.path);
  }
  return deleted;
}
