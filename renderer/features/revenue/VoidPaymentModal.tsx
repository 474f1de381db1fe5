// Voids a payment or refund entered by mistake (money that never changed hands); it stays listed as void.
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { contract } from '../../../db/api/contract';
import { paymentMethodLabels, type PaymentView } from '../../../db/revenue/revenue-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';
import { formatCents } from './money';

export function VoidPaymentModal({ payment, onClose }: { payment: PaymentView; onClose: () => void }) {
  const voidPayment = useApiMutation('revenue.voidPayment');
  const form = useFormState({ reason: '' });
  const what = payment.kind === 'payment' ? 'payment' : 'refund';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { paymentId: payment.id, reason: form.values.reason };
    const check = checkWithSchema(contract['revenue.voidPayment'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    voidPayment.mutate(input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Void ${what} #${payment.id}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {formatCents(payment.amountCents)} by {paymentMethodLabels[payment.method]} on {payment.paidOn}. Void only what was entered by mistake; money that
            went back to the patient is a refund.
          </Text>
          {form.alert && <ErrorAlert title="Not voided" error={form.alert} />}
          <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.textProps('reason')} />
          <FormButtons isSaving={voidPayment.isPending} submitLabel={`Void ${what}`} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
