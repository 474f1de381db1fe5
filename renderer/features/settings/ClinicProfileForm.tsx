// The clinic's name, address and time zone (clinic.updateProfile).
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { contract } from '../../../db/api/contract';
import type { ClinicProfile } from '../../../db/clinic/clinic-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';
import { knownTimeZones, timeZoneChoices } from '../../lib/time-zones';

export function ClinicProfileForm({ clinic, canEdit }: { clinic: ClinicProfile; canEdit: boolean }) {
  const update = useApiMutation('clinic.updateProfile');
  const form = useFormState({ name: clinic.name, address: clinic.address, timeZone: clinic.timeZone });
  const [isSaved, setIsSaved] = useState(false);
  const zones = useMemo(() => timeZoneChoices(knownTimeZones(), [clinic.timeZone]), [clinic.timeZone]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    const input = form.values;
    const check = checkWithSchema(contract['clinic.updateProfile'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    update.mutate(input, {
      onSuccess: () => {
        form.showFieldErrors({});
        setIsSaved(true);
      },
      onError: form.showSubmitError,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Clinic profile">
      <Stack>
        {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
        <TextInput label="Clinic name" required disabled={!canEdit} {...form.textProps('name')} />
        <TextInput label="Address" disabled={!canEdit} {...form.textProps('address')} />
        <NativeSelect label="Time zone" data={zones} disabled={!canEdit} {...form.textProps('timeZone')} />
        {canEdit && (
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save clinic profile
            </Button>
            {isSaved && <SavedNote />}
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function SavedNote() {
  return (
    <span role="status" style={{ color: 'var(--mantine-color-teal-8)' }}>
      ✓ Saved
    </span>
  );
}
