// Records a disclosure of patient information by hand (HIPAA accounting, 45 CFR 164.528), e.g. a recall list sent
// to a manufacturer. Checked with the contract's disclosureInput schema before sending.
import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { legalBases } from '../../../db/exports/exports-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { newDisclosureValues, toDisclosureInput, type DisclosureFormValues } from './disclosure-form';
import { legalBasisLabels } from './export-form';

export function RecordDisclosureModal({ onClose }: { onClose: () => void }) {
  const { today } = useClinicSession();
  const record = useApiMutation('disclosures.record');
  const form = useFormState<DisclosureFormValues>(newDisclosureValues(today));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = toDisclosureInput(form.values);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    record.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title="Record a disclosure" size="lg">
      <form onSubmit={submit} noValidate aria-label="Record a disclosure">
        <Stack>
          {form.alert && <ErrorAlert title="Not recorded" error={form.alert} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="Disclosed on" required data-autofocus {...form.textProps('disclosedOn')} />
            <NativeSelect label="Legal basis" data={legalBases.map((basis) => ({ value: basis, label: legalBasisLabels[basis] }))} {...form.textProps('legalBasis')} />
            <TextInput label="Recipient" required {...form.textProps('recipientName')} />
            <TextInput label="Recipient address (optional)" {...form.textProps('recipientAddress')} />
          </SimpleGrid>
          <TextInput label="Purpose" required description="e.g. device recall notification to the manufacturer" {...form.textProps('purpose')} />
          <Textarea label="What was sent" required autosize minRows={2} description="The information disclosed, e.g. chart numbers and session dates for lot 7B" {...form.textProps('phiDescription')} />
          <Textarea label="Chart numbers" required autosize minRows={2} description="The patients whose information was sent, separated by commas or new lines" {...form.textProps('chartNumbers')} />
          <FormButtons isSaving={record.isPending} submitLabel="Record disclosure" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
