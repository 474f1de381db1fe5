// The restore drill: restore the newest good backup to a scratch file, check it, record the result (a failure is an alert).
import { appendAuditEvent } from '../audit/audit-log';
import type { DrillRecord } from './backup-contract';
import { BackupError } from './backup-error';
import { removeQuietly, scratchPath } from './backup-files';
import { nowOf, type BackupHost } from './backup-host';
import { insertDrill, newestGoodBackup } from './backup-store';
import { passphraseForReading, passphraseEnvVar } from './passphrase';
import { stageBackup } from './stage-backup';

export interface DrillOptions {
  startedBy: 'automatic' | 'manual';
  passphrase: string | null;
  actorStaffId: number | null;
}

/** Never throws for a failed drill: the failure is the result, recorded and shown on the Dashboard. */
export async function runRestoreDrill(host: BackupHost, options: DrillOptions): Promise<DrillRecord> {
  const ranAt = nowOf(host);
  const startedMs = Date.now();
  const backup = newestGoodBackup(host.db);
  let outcome: { status: 'ok' | 'failed'; message: string; eventCount: number | null };
  if (!backup) {
    outcome = { status: 'failed', message: 'There is no good backup to restore.', eventCount: null };
  } else {
    const stagingPath = scratchPath(host.dbPath, 'drill');
    try {
      const passphrase = passphraseForReading(options.passphrase);
      if (backup.isEncrypted && passphrase === null) {
        throw new BackupError(`${backup.path} is encrypted and ${passphraseEnvVar} is not set, so it could not be restored.`);
      }
      const staged = await stageBackup(backup.path, stagingPath, { passphrase, expectedSha256: backup.sha256 });
      outcome =
        staged.eventCount === backup.eventCount
          ? { status: 'ok', message: '', eventCount: staged.eventCount }
          : { status: 'failed', message: `${backup.path} holds ${staged.eventCount} audit events but ${backup.eventCount} were recorded.`, eventCount: staged.eventCount };
    } catch (error) {
      const message = error instanceof BackupError ? error.message : `The drill failed: ${(error as Error).message}`;
      outcome = { status: 'failed', message, eventCount: null };
    } finally {
      removeQuietly(stagingPath);
    }
  }
  const at = nowOf(host).toISOString();
  return host.db.transaction(() => {
    const drill = insertDrill(host.db, {
      backupId: backup?.id ?? null,
      ranAt: ranAt.toISOString(),
      startedBy: options.startedBy,
      ...outcome,
      durationMs: Date.now() - startedMs,
    });
    appendAuditEvent(
      host.db,
      { action: 'restore_drill', entityType: 'backup_drill', entityId: drill.id ?? 0, after: drill },
      { actorStaffId: options.actorStaffId, deviceId: host.deviceId, at },
    );
    return drill;
  }).immediate();
}
