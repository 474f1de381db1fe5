// The audit bundle request: a date range with presets, de-identified or not, injury identities (managers only),
// purpose, and a recipient (which records a HIPAA disclosure). Checked with the contract's schema before sending.
import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ChangeEvent, FormEvent } from 'react';
import { legalBases } from '../../../db/exports/exports-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/useFormState';
import { legalBasisLabels, newBundleValues, presetRange, rangePresetLabels, toBundleRequest, type BundleFormValues, type RangePreset } from './export-form';

export function BundleForm({ isExportRunning, onStarted }: { isExportRunning: boolean; onStarted: (exportId: string) => void }) {
  const { today, acting } = useClinicSession();
  const start = useApiMutation('exports.start');
  const form = useFormState<BundleFormValues>(newBundleValues(today));
  const { values } = form;
  const isManager = acting.role === 'manager';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = toBundleRequest(values);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    form.showFieldErrors({});
    start.mutate(check.input, { onSuccess: ({ exportId }) => onStarted(exportId), onError: form.showSubmitError });
  };

  const flag = (name: keyof BundleFormValues & string) => ({
    checked: values[name] === 'true',
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const checked = event.currentTarget.checked;
      form.setValues((current) => ({ ...current, [name]: String(checked) }));
    },
    error: form.fieldErrors[name],
  });
  const choosePreset = (preset: RangePreset) => form.setValues((current) => ({ ...current, ...presetRange(preset, today) }));

  return (
    <form onSubmit={submit} noValidate aria-label="Audit bundle">
      <Stack>
        {form.alert && <ErrorAlert title="Not started" error={form.alert} />}
        <Group gap="xs" role="group" aria-label="Date range presets">
          {(Object.keys(rangePresetLabels) as RangePreset[]).map((preset) => (
            <Button key={preset} size="xs" variant="default" onClick={() => choosePreset(preset)}>
              {rangePresetLabels[preset]}
            </Button>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label="From" required {...form.textProps('from')} />
          <TextInput type="date" label="To" required {...form.textProps('to')} />
        </SimpleGrid>
        <Checkbox
          label="De-identified"
          description="Chart numbers become stable pseudonyms (a keyed hash only this clinic can compute), so an auditor can follow a patient across logs without learning who it is."
          {...flag('deidentify')}
        />
        <Checkbox
          label="Include injury identities"
          description={
            isManager
              ? 'Sensitive: adds the names on the confidential sharps-injury privacy-case list. Leave it off unless the recipient needs them.'
              : 'Only a manager may include the names on the sharps-injury privacy-case list.'
          }
          disabled={!isManager}
          {...flag('includeInjuryIdentities')}
        />
        {values.includeInjuryIdentities === 'true' && (
          <Alert color="yellow" variant="light" title="! Sensitive names included" role="note">
            The bundle will name the staff on the sharps-injury privacy-case list. Send it only to someone entitled to see them.
          </Alert>
        )}
        <TextInput label="Purpose" description="Why the bundle is made, e.g. annual OSHA inspection; kept in the audit log" required {...form.textProps('purpose')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Recipient (optional)"
            description="Naming who receives it records a HIPAA disclosure (45 CFR 164.528) when the bundle holds patient data."
            {...form.textProps('recipient')}
          />
          <NativeSelect
            label="Legal basis for the disclosure"
            data={legalBases.map((basis) => ({ value: basis, label: legalBasisLabels[basis] }))}
            disabled={values.recipient.trim() === ''}
            {...form.textProps('legalBasis')}
          />
        </SimpleGrid>
        {values.recipient.trim() !== '' && (
          <Text size="sm" role="note">
            If the bundle holds patient data, this export is recorded in the accounting of disclosures for every patient in it.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={start.isPending} disabled={isExportRunning}>
            Start export
          </Button>
          {isExportRunning && <Text size="sm">An export is running; wait for it or cancel it.</Text>}
        </Group>
      </Stack>
    </form>
  );
}
