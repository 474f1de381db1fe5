// Handlers for the backups API. Backup work is long, so these are 'task' methods that open their own transactions,
// and they use ctx.env.db (not ctx.db): a restore replaces the connection part-way through.
import { ApiError, notFound } from '../api/errors';
import { requireActor, type HandlersFor } from '../api/handler-context';
import type { backupMethods } from './backup-contract';
import { toApiError } from './backup-error';
import { withBackupLock } from './backup-lock';
import { readBackupStatus } from './backup-status';
import { findBackup, listBackups } from './backup-store';
import { passphraseForReading } from './passphrase';
import { restoreInRunningApp } from './restore-backup';
import { runRestoreDrill } from './restore-drill';
import { backupWithSettings } from './write-backup';

async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error);
  }
}

export const backupHandlers: HandlersFor<typeof backupMethods> = {
  'backups.status': (ctx) => readBackupStatus(ctx.db, ctx.env.dbPath, ctx.now),

  'backups.list': (ctx, input) => listBackups(ctx.db, input),

  'backups.runNow': (ctx, input) =>
    mapErrors(async () => {
      const actor = requireActor(ctx);
      // A failed backup is an answer, not an error: it is recorded (so Settings and the Dashboard show it), and a
      // rejected call must leave the file as it was. The caller shows record.message when status is 'failed'.
      return withBackupLock(ctx.env, () =>
        backupWithSettings(ctx.env, { kind: 'manual', givenPassphrase: input.passphrase ?? null, actorStaffId: actor.staffId }),
      );
    }),

  'backups.runDrill': (ctx, input) =>
    mapErrors(() => {
      const actor = requireActor(ctx);
      return withBackupLock(ctx.env, () => runRestoreDrill(ctx.env, { startedBy: 'manual', passphrase: input.passphrase ?? null, actorStaffId: actor.staffId }));
    }),

  'backups.restore': (ctx, input) =>
    mapErrors(async () => {
      const actor = requireActor(ctx);
      let source = input.path ?? '';
      let expectedSha256: string | null = null;
      if (input.backupId !== undefined) {
        const backup = findBackup(ctx.env.db, input.backupId);
        if (!backup) throw notFound(`There is no backup #${input.backupId}.`, 'backupId');
        if (backup.status !== 'ok') throw new ApiError('rule_violation', `Backup #${backup.id} failed its check when it was written: ${backup.message}`, 'backupId');
        if (backup.prunedAt !== null) throw new ApiError('rule_violation', `Backup #${backup.id} was deleted by retention on ${backup.prunedAt.slice(0, 10)}.`, 'backupId');
        source = backup.path;
        expectedSha256 = backup.sha256;
      }
      return restoreInRunningApp(ctx.env, {
        source,
        expectedSha256,
        passphrase: passphraseForReading(input.passphrase),
        actorStaffId: actor.staffId,
        reason: input.reason,
      });
    }),
};
