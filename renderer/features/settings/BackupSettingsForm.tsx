// Where backups go and how many are kept (settings.update); each saved change becomes its own audit event.
import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ClinicSettings } from '../../../db/clinic/settings-schema';
import { settingsPatchSchema } from '../../../db/clinic/settings-schema';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';
import { toBackupSettingsPatch, toBackupSettingsValues } from './backup-settings-form';
import { SavedNote } from './ClinicProfileForm';

export function BackupSettingsForm({ settings, canEdit }: { settings: ClinicSettings; canEdit: boolean }) {
  const update = useApiMutation('settings.update');
  const form = useFormState(toBackupSettingsValues(settings));
  const [isSaved, setIsSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    const converted = toBackupSettingsPatch(form.values);
    if (!converted.ok) return form.showFieldErrors(converted.fieldErrors);
    const check = checkWithSchema(settingsPatchSchema, converted.patch);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    update.mutate(converted.patch, {
      onSuccess: (saved) => {
        form.reset(toBackupSettingsValues(saved));
        setIsSaved(true);
      },
      onError: form.showSubmitError,
    });
  };

  const numberProps = { inputMode: 'numeric' as const, disabled: !canEdit };
  return (
    <form onSubmit={submit} noValidate aria-label="Backup settings">
      <Stack>
        {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
        <TextInput
          label="Backup folder"
          description="A full path, e.g. a USB drive or a network share; empty keeps backups in a folder beside the clinic file"
          disabled={!canEdit}
          {...form.textProps('backupDirectory')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Keep daily copies" description="Newest of each of the last N days" {...numberProps} {...form.textProps('backupKeepDaily')} />
          <TextInput label="Keep weekly copies" description="Newest of each of the last N weeks" {...numberProps} {...form.textProps('backupKeepWeekly')} />
          <TextInput label="Keep monthly copies" description="Newest of each of the last N months" {...numberProps} {...form.textProps('backupKeepMonthly')} />
        </SimpleGrid>
        <Checkbox
          label="Encrypt automatic backups"
          description="Uses the passphrase in the CLINIC_OPS_BACKUP_PASSPHRASE setting of this PC; without it, backups fail (and say so) rather than being written unencrypted."
          disabled={!canEdit}
          checked={form.values.backupEncrypted === 'true'}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            form.setValues((current) => ({ ...current, backupEncrypted: String(checked) }));
          }}
        />
        {canEdit && (
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save backup settings
            </Button>
            {isSaved && <SavedNote />}
          </Group>
        )}
      </Stack>
    </form>
  );
}
