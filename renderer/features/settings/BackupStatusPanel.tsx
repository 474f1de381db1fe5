// backups.status in words: where backups go, the last good one and its age (a warning past two days), the last
// restore drill and any alerts. Every state carries text and a symbol, not only a colour.
import { Alert, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { BackupStatus } from '../../../db/backups/backup-contract';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { StatusBadge } from '../../components/StatusBadge';
import { formatLocalDateTime } from '../../lib/format';
import { backupAgeWarning, checkStatusStyles, formatBackupAge, formatDurationMs } from './backup-labels';

export function BackupStatusPanel({ status }: { status: BackupStatus }) {
  const { clinic } = useClinicSession();
  const when = (iso: string) => formatLocalDateTime(iso, clinic.timeZone);
  const warning = backupAgeWarning(status);
  const otherAlerts = status.alerts.filter((alert) => alert.code !== 'stale' && alert.code !== 'no_good_backup');
  return (
    <Stack gap="sm" role="group" aria-label="Backup status">
      {warning && (
        <Alert color="yellow" variant="light" title="! Backup is out of date" role="alert">
          {warning}
        </Alert>
      )}
      {otherAlerts.length > 0 && (
        <Alert color="red" variant="light" title="✗ Backup alerts" role="alert">
          <List size="sm">
            {otherAlerts.map((alert) => (
              <List.Item key={alert.code}>{alert.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <div>
          <Text size="sm" fw={600}>
            Last good backup
          </Text>
          {status.lastGood ? (
            <Text size="sm" data-testid="last-good-backup">
              {when(status.lastGood.createdAt)} ({formatBackupAge(status.ageDays)}){status.lastGood.isEncrypted ? ', encrypted' : ''}
            </Text>
          ) : (
            <Text size="sm">None yet</Text>
          )}
          {status.lastAttempt && status.lastAttempt.status === 'failed' && (
            <Text size="sm">
              ✗ Last attempt failed {when(status.lastAttempt.createdAt)}: {status.lastAttempt.message}
            </Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            Last restore drill
          </Text>
          {status.lastDrill ? (
            <Stack gap={2} data-testid="last-drill">
              <div>
                <StatusBadge tone={status.lastDrill.status === 'ok' ? 'good' : 'bad'}>
                  {status.lastDrill.status === 'ok' ? 'Drill passed' : 'Drill failed'}
                </StatusBadge>
              </div>
              <Text size="sm">
                {when(status.lastDrill.ranAt)}, {status.lastDrill.startedBy === 'automatic' ? 'automatic' : 'run by hand'}, {formatDurationMs(status.lastDrill.durationMs)}
                {status.lastDrill.backupFileName ? ` — ${status.lastDrill.backupFileName}` : ''}
              </Text>
              {status.lastDrill.message && <Text size="sm">{status.lastDrill.message}</Text>}
            </Stack>
          ) : (
            <Text size="sm">Never run</Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            Backup folder
          </Text>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {status.directory}
          </Text>
          <Text size="sm">{status.isEncryptionOn ? 'Automatic backups are encrypted.' : 'Automatic backups are not encrypted.'}</Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            Last restore
          </Text>
          <Text size="sm">{status.lastRestore ? `${when(status.lastRestore.at)} from ${status.lastRestore.restoredFrom}` : 'Never restored'}</Text>
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Check results: {checkStatusStyles.ok.label} means the copy opened, passed SQLite&apos;s integrity check and its audit chain verified.
      </Text>
    </Stack>
  );
}
