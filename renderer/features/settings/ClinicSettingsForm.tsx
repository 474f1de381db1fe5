// The clinic's tunable settings (settings.get / settings.update); each saved change becomes its own audit event.
import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ClinicSettings } from '../../../db/clinic/settings-schema';
import { settingsPatchSchema } from '../../../db/clinic/settings-schema';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';
import { SavedNote } from './ClinicProfileForm';
import { toSettingsFormValues, toSettingsPatch } from './settings-form';

export function ClinicSettingsForm({ settings, canEdit }: { settings: ClinicSettings; canEdit: boolean }) {
  const update = useApiMutation('settings.update');
  const form = useFormState(toSettingsFormValues(settings));
  const [isSaved, setIsSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    const converted = toSettingsPatch(form.values);
    if (!converted.ok) return form.showFieldErrors(converted.fieldErrors);
    const check = checkWithSchema(settingsPatchSchema, converted.patch);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    update.mutate(converted.patch, {
      onSuccess: (saved) => {
        form.reset(toSettingsFormValues(saved));
        setIsSaved(true);
      },
      onError: form.showSubmitError,
    });
  };

  const numberProps = { inputMode: 'numeric' as const, disabled: !canEdit };
  return (
    <form onSubmit={submit} noValidate aria-label="Clinic settings">
      <Stack>
        {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Idle lock (minutes)" description="Lock this PC after this long without use" {...numberProps} {...form.textProps('idleLockMinutes')} />
          <TextInput
            label="Expiry warning (days)"
            description="Warn this many days before a lot expires, e.g. 30, 60, 90"
            disabled={!canEdit}
            {...form.textProps('expiryWarningDays')}
          />
          <TextInput label="Replace sharps container after (days)" {...numberProps} {...form.textProps('containerReplacementDays')} />
          <TextInput label="Sealed container pickup within (days)" {...numberProps} {...form.textProps('sealedPickupDays')} />
          <TextInput label="Late entry after (hours)" description="Records entered later are labelled late" {...numberProps} {...form.textProps('lateEntryHours')} />
          <TextInput label="State rule profile" description="Two-letter state code" disabled={!canEdit} maxLength={2} {...form.textProps('stateProfile')} />
        </SimpleGrid>
        <Checkbox
          label="Partially exempt from OSHA Part 1904 (injury log kept voluntarily)"
          disabled={!canEdit}
          checked={form.values.isOsha1904Exempt === 'true'}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            form.setValues((current) => ({ ...current, isOsha1904Exempt: String(checked) }));
          }}
        />
        {canEdit && (
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save settings
            </Button>
            {isSaved && <SavedNote />}
          </Group>
        )}
      </Stack>
    </form>
  );
}
