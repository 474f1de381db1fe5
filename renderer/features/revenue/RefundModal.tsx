// Refunds part or all of a payment, by the same method: never more than is left of it.
import { Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { paymentMethodLabels, type PaymentView } from '../../../db/revenue/revenue-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { centsToInputText, formatCents } from './money';
import { toRefundInput } from './revenue-forms';

export function RefundModal({ payment, onClose }: { payment: PaymentView; onClose: () => void }) {
  const { today } = useClinicSession();
  const refund = useApiMutation('revenue.refund');
  const refundable = payment.amountCents - payment.refundedCents;
  const form = useFormState({ amountCents: centsToInputText(refundable), paidOn: today, reason: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = toRefundInput({ paymentId: payment.id, amount: form.values.amountCents, paidOn: form.values.paidOn, reason: form.values.reason }, refundable);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    refund.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Refund payment #${payment.id}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {formatCents(payment.amountCents)} paid by {paymentMethodLabels[payment.method]} on {payment.paidOn} (chart {payment.chartNumber})
            {payment.refundedCents > 0 ? `; ${formatCents(payment.refundedCents)} already refunded` : ''}. Refunded by the same method.
          </Text>
          {form.alert && <ErrorAlert title="Not refunded" error={form.alert} />}
          <TextInput label="Amount to refund ($)" required inputMode="decimal" description={`At most ${formatCents(refundable)}`} data-autofocus {...form.textProps('amountCents')} />
          <TextInput type="date" label="Refunded on" required max={today} {...form.textProps('paidOn')} />
          <Textarea label="Reason" required autosize minRows={2} {...form.textProps('reason')} />
          <FormButtons isSaving={refund.isPending} submitLabel="Refund" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
