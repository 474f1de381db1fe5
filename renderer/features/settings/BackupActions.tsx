// "Back up now" (optionally encrypted with a passphrase that is never stored) and "Run restore drill", each with
// its outcome in words. Both can take a while, so they say so while they run.
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { newPassphrase } from '../../../db/backups/backup-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { blankToUndefined, checkWithSchema } from '../../lib/form-errors';
import { formatDurationMs } from './backup-labels';

export function BackupActions() {
  const runNow = useApiMutation('backups.runNow');
  const runDrill = useApiMutation('backups.runDrill');
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | undefined>(undefined);
  const isBusy = runNow.isPending || runDrill.isPending;

  const backUp = () => {
    const given = blankToUndefined(passphrase);
    if (given !== undefined) {
      const check = checkWithSchema(newPassphrase, given);
      if (!check.ok) return setPassphraseError(Object.values(check.fieldErrors)[0]);
    }
    setPassphraseError(undefined);
    runDrill.reset();
    runNow.mutate(given === undefined ? {} : { passphrase: given });
  };
  const drill = () => {
    setPassphraseError(undefined);
    runNow.reset();
    const given = blankToUndefined(passphrase);
    runDrill.mutate(given === undefined ? {} : { passphrase: given });
  };

  const backup = runNow.data;
  const drillResult = runDrill.data;
  return (
    <Stack gap="sm">
      <PasswordInput
        label="Passphrase (optional)"
        description="Encrypts the backup made now (at least 8 characters), or unlocks an encrypted backup for the drill. Never stored: keep it somewhere safe."
        value={passphrase}
        onChange={(event) => setPassphrase(event.currentTarget.value)}
        error={passphraseError}
        maw={420}
        autoComplete="new-password"
      />
      <Group>
        <Button onClick={backUp} loading={runNow.isPending} disabled={isBusy && !runNow.isPending}>
          Back up now
        </Button>
        <Button variant="default" onClick={drill} loading={runDrill.isPending} disabled={isBusy && !runDrill.isPending}>
          Run restore drill
        </Button>
        {isBusy && (
          <Text size="sm" role="status">
            {runNow.isPending ? 'Backing up and checking the copy…' : 'Restoring the newest backup to a scratch file and checking it…'}
          </Text>
        )}
      </Group>
      <ErrorAlert title="Backup not made" error={runNow.error} />
      <ErrorAlert title="Drill not run" error={runDrill.error} />
      {backup &&
        (backup.status === 'ok' ? (
          <Alert color="teal" variant="light" title="✓ Backup made and checked" role="status">
            {backup.fileName}
            {backup.isEncrypted ? ' (encrypted)' : ''}
          </Alert>
        ) : (
          <Alert color="red" variant="light" title="✗ Backup failed" role="alert">
            {backup.message}
          </Alert>
        ))}
      {drillResult &&
        (drillResult.status === 'ok' ? (
          <Alert color="teal" variant="light" title="✓ Restore drill passed" role="status">
            {drillResult.backupFileName ?? 'The newest backup'} restored and checked in {formatDurationMs(drillResult.durationMs)}
            {drillResult.eventCount !== null ? `; ${drillResult.eventCount.toLocaleString('en-US')} audit events match` : ''}.
          </Alert>
        ) : (
          <Alert color="red" variant="light" title="✗ Restore drill failed" role="alert">
            {drillResult.message}
          </Alert>
        ))}
    </Stack>
  );
}
