// The self-pay price list with effective dates; a manager adds a price from a date on. Past sessions keep theirs.
import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { useFormState } from '../../components/useFormState';
import { formatLocalDateTime } from '../../lib/format';
import { formatCents } from './money';
import { toSetPriceInput } from './revenue-forms';

export function PricesPanel() {
  const { acting, today, clinic } = useClinicSession();
  const prices = useApiQuery('revenue.listPrices', {});
  const [isAdding, setIsAdding] = useState(false);
  // Newest first: the first one that has started is the price in force today.
  const current = prices.data?.find((p) => p.effectiveFrom <= today);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text>
          A session stores the price in force on its date; a new price never rewrites past sessions.
          {prices.data && prices.data.length === 0 ? ' With no price set, the self-pay price is $60.00.' : ''}
        </Text>
        {acting.role === 'manager' && <Button onClick={() => setIsAdding(true)}>Add price</Button>}
      </Group>
      {prices.isPending ? (
        <PageLoader label="Loading prices" />
      ) : prices.isError ? (
        <ErrorAlert error={prices.error} />
      ) : (
        <Table striped fz="sm" aria-label="Self-pay prices" maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Effective from</Table.Th>
              <Table.Th scope="col" ta="right">
                Price per visit
              </Table.Th>
              <Table.Th scope="col">Recorded</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {prices.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.effectiveFrom}</Table.Td>
                <Table.Td ta="right">{formatCents(p.priceCents)}</Table.Td>
                <Table.Td>{formatLocalDateTime(p.recordedAt, clinic.timeZone)}</Table.Td>
                <Table.Td>
                  {p === current ? (
                    <StatusBadge tone="good">In force</StatusBadge>
                  ) : p.effectiveFrom > today ? (
                    <StatusBadge tone="neutral">Upcoming</StatusBadge>
                  ) : (
                    <StatusBadge tone="neutral">Past</StatusBadge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {isAdding && <AddPriceModal onClose={() => setIsAdding(false)} />}
    </Stack>
  );
}

function AddPriceModal({ onClose }: { onClose: () => void }) {
  const { today } = useClinicSession();
  const setPrice = useApiMutation('revenue.setPrice');
  const form = useFormState({ effectiveFrom: today, priceCents: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = toSetPriceInput({ effectiveFrom: form.values.effectiveFrom, price: form.values.priceCents });
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    setPrice.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
  };
  return (
    <Modal opened onClose={onClose} title="Add a self-pay price">
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <TextInput type="date" label="Effective from" required data-autofocus {...form.textProps('effectiveFrom')} />
          <TextInput label="Price per visit ($)" required inputMode="decimal" {...form.textProps('priceCents')} />
          <FormButtons isSaving={setPrice.isPending} submitLabel="Add price" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
