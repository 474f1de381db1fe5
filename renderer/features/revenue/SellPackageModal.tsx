// Sells a prepaid package (for example 5 visits for a set price) to a chart, with its first payment.
import { Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { paymentMethodLabels, paymentMethods, type PaymentMethod } from '../../../db/revenue/revenue-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { toSellPackageInput } from './revenue-forms';

export function SellPackageModal({ onClose }: { onClose: () => void }) {
  const { today } = useClinicSession();
  const sell = useApiMutation('revenue.sellPackage');
  const form = useFormState({ chartNumber: '', name: '5 visits', visitsTotal: '5', priceCents: '', soldOn: today, paymentMethod: 'card', 'payment.amountCents': '' });
  const [isPaidNow, setIsPaidNow] = useState(true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const check = toSellPackageInput({
      chartNumber: v.chartNumber,
      name: v.name,
      visitsTotal: v.visitsTotal,
      price: v.priceCents,
      soldOn: v.soldOn,
      isPaidNow,
      paymentMethod: v.paymentMethod as PaymentMethod,
      // The full price unless another first payment is typed.
      paymentAmount: v['payment.amountCents'] || v.priceCents,
    });
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    sell.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title="Sell a prepaid package">
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <TextInput label="Chart number" required data-autofocus {...form.textProps('chartNumber')} />
          <TextInput label="Package name" required {...form.textProps('name')} />
          <Group grow>
            <TextInput label="Visits" required inputMode="numeric" {...form.textProps('visitsTotal')} />
            <TextInput label="Price ($)" required inputMode="decimal" {...form.textProps('priceCents')} />
          </Group>
          <TextInput type="date" label="Sold on" required max={today} {...form.textProps('soldOn')} />
          <Checkbox label="Paid now" checked={isPaidNow} onChange={(e) => setIsPaidNow(e.currentTarget.checked)} />
          {isPaidNow && (
            <Group grow>
              <NativeSelect label="Payment method" data={paymentMethods.map((m) => ({ value: m, label: paymentMethodLabels[m] }))} {...form.textProps('paymentMethod')} />
              <TextInput label="Amount paid ($)" inputMode="decimal" placeholder="the full price" {...form.textProps('payment.amountCents')} />
            </Group>
          )}
          <FormButtons isSaving={sell.isPending} submitLabel="Sell package" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
