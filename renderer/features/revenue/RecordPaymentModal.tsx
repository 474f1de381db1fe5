// Takes a payment against a self-pay session's balance: method, amount (the balance by default), date.
import { Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { paymentMethodLabels, paymentMethods, type PaymentMethod } from '../../../db/revenue/revenue-contract';
import type { SessionView } from '../../../db/sessions/sessions-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { centsToInputText, formatCents } from './money';
import { toPaymentInput } from './revenue-forms';

const methodOptions = paymentMethods.map((m) => ({ value: m, label: paymentMethodLabels[m] }));

export function RecordPaymentModal({ session, onClose }: { session: Pick<SessionView, 'id' | 'chartNumber' | 'balanceCents'>; onClose: () => void }) {
  const { today } = useClinicSession();
  const record = useApiMutation('revenue.recordPayment');
  const form = useFormState({ method: 'card', amountCents: centsToInputText(session.balanceCents), paidOn: today, note: '', afterCloseReason: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const check = toPaymentInput(
      { sessionId: session.id, method: values.method as PaymentMethod, amount: values.amountCents, paidOn: values.paidOn, note: values.note, afterCloseReason: values.afterCloseReason },
      session.balanceCents,
    );
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    record.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Payment for session #${session.id} (chart ${session.chartNumber})`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <NativeSelect label="Payment method" data={methodOptions} data-autofocus {...form.textProps('method')} />
          <TextInput label="Amount ($)" required inputMode="decimal" description={`Balance due ${formatCents(session.balanceCents)}`} {...form.textProps('amountCents')} />
          <TextInput type="date" label="Paid on" required max={today} {...form.textProps('paidOn')} />
          <TextInput label="Note (optional)" {...form.textProps('note')} />
          {(form.fieldErrors.afterCloseReason || form.values.afterCloseReason) && (
            <TextInput label="Reason for entering after the day was closed" required {...form.textProps('afterCloseReason')} />
          )}
          <FormButtons isSaving={record.isPending} submitLabel="Record payment" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
