// Restore from a recorded backup (manager): choose it, say why, and confirm. The current clinic file is kept aside,
// never overwritten; afterwards every cached read is dropped and the app reloads on the Dashboard.
import { Alert, Button, Group, Modal, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupRecord } from '../../../db/backups/backup-contract';
import { contract } from '../../../db/api/contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/useFormState';
import { blankToUndefined, checkWithSchema } from '../../lib/form-errors';
import { formatLocalDateTime } from '../../lib/format';
import { backupKindLabels } from './backup-labels';

export function BackupRestoreModal({ backups, onClose }: { backups: BackupRecord[]; onClose: () => void }) {
  const { clinic } = useClinicSession();
  const queryClient = useQueryClient();
  const restorable = backups.filter((b) => b.id !== null && b.status === 'ok' && b.isPresent && b.prunedAt === null);
  const form = useFormState({ backupId: restorable[0]?.id != null ? String(restorable[0].id) : '', reason: '', passphrase: '' });
  const [isConfirming, setIsConfirming] = useState(false);
  const restore = useApiMutation('backups.restore', {
    onSuccess: () => {
      // Every screen held data from the file that was just set aside.
      queryClient.clear();
      window.location.hash = '#/';
      window.location.reload();
    },
  });
  const chosen = restorable.find((b) => String(b.id) === form.values.backupId);

  const input = () => ({
    backupId: Number(form.values.backupId),
    reason: form.values.reason,
    ...(blankToUndefined(form.values.passphrase) === undefined ? {} : { passphrase: form.values.passphrase }),
  });
  const review = (event: FormEvent) => {
    event.preventDefault();
    const check = checkWithSchema(contract['backups.restore'].input, input());
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    form.showFieldErrors({});
    setIsConfirming(true);
  };
  const confirm = () => restore.mutate(input(), { onError: (error) => (setIsConfirming(false), form.showSubmitError(error)) });

  return (
    <Modal opened onClose={onClose} title="Restore from a backup" size="lg">
      {restorable.length === 0 ? (
        <Stack>
          <Text>There is no checked backup whose file is reachable now.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      ) : !isConfirming ? (
        <form onSubmit={review} noValidate aria-label="Restore from a backup">
          <Stack>
            {form.alert && <ErrorAlert title="Not restored" error={form.alert} />}
            <NativeSelect
              label="Backup"
              data-autofocus
              data={restorable.map((b) => ({
                value: String(b.id),
                label: `${formatLocalDateTime(b.createdAt, clinic.timeZone)} — ${backupKindLabels[b.kind]}${b.isEncrypted ? ' (encrypted)' : ''}`,
              }))}
              {...form.textProps('backupId')}
            />
            {chosen?.isEncrypted && <PasswordInput label="Passphrase" description="The passphrase this backup was encrypted with" {...form.textProps('passphrase')} />}
            <TextInput label="Reason" required description="Kept in the audit log, e.g. the PC's disk failed" {...form.textProps('reason')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Review restore…</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Alert color="yellow" variant="light" title="! Confirm the restore" role="note">
            <Text size="sm">
              The backup from {chosen ? formatLocalDateTime(chosen.createdAt, clinic.timeZone) : 'the chosen date'} is checked first. Then the clinic file
              in use now is kept aside under a new name (nothing is overwritten or deleted) and the backup takes its place.
            </Text>
            <Text size="sm" mt="xs">
              Anything recorded after that backup is not in it; it stays in the file kept aside. The app reloads on the Dashboard afterwards.
            </Text>
          </Alert>
          <ErrorAlert title="Not restored" error={restore.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)} disabled={restore.isPending}>
              Back
            </Button>
            <Button color="red" onClick={confirm} loading={restore.isPending} data-autofocus>
              Restore this backup
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
