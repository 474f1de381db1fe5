// Records that a self-pay patient was given a good-faith estimate (No Surprises Act, 45 CFR 149.610).
import { Modal, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { contract, type MethodInput } from '../../../db/api/contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';
import { amountHint, centsToInputText, parseDollarsToCents } from '../revenue/money';

interface Props {
  chartNumber: string;
  givenOn: string;
  amountCents: number;
  onClose: () => void;
}

export function RecordGoodFaithEstimateModal({ chartNumber, givenOn, amountCents, onClose }: Props) {
  const record = useApiMutation('revenue.recordGoodFaithEstimate');
  const form = useFormState({ givenOn, amountCents: centsToInputText(amountCents), validUntil: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseDollarsToCents(form.values.amountCents);
    if (cents === null) return form.showFieldErrors({ amountCents: amountHint });
    const input: MethodInput<'revenue.recordGoodFaithEstimate'> = { chartNumber, givenOn: form.values.givenOn, amountCents: cents };
    if (form.values.validUntil.trim()) input.validUntil = form.values.validUntil;
    const check = checkWithSchema(contract['revenue.recordGoodFaithEstimate'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    record.mutate(input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Record a good-faith estimate for chart ${chartNumber}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <TextInput type="date" label="Given on" required data-autofocus {...form.textProps('givenOn')} />
          <TextInput label="Estimated amount ($)" required inputMode="decimal" description="The total the estimate quoted" {...form.textProps('amountCents')} />
          <TextInput type="date" label="Valid until (optional)" {...form.textProps('validUntil')} />
          <FormButtons isSaving={record.isPending} submitLabel="Record estimate" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
