// Closes a day: the manager counts the cash drawer; the difference from what the day's cash says shows as they type.
import { Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import type { DayCloseSummary } from '../../../db/revenue/revenue-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { formatBusinessDateLong } from '../../lib/format';
import { formatCents } from './money';
import { cashDifference, toCloseDayInput } from './revenue-forms';

export function CloseDayModal({ summary, onClose }: { summary: DayCloseSummary; onClose: () => void }) {
  const close = useApiMutation('revenue.closeDay');
  const form = useFormState({ cashCountedCents: '', note: '' });
  const difference = cashDifference(summary.cashExpectedCents, form.values.cashCountedCents);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = toCloseDayInput({ date: summary.date, cashCounted: form.values.cashCountedCents, note: form.values.note });
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    close.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Close ${formatBusinessDateLong(summary.date)}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Once closed, changes to this day are amendments with a reason, shown as late entries. The audit chain&apos;s head is kept on the close sheet.
          </Text>
          {form.alert && <ErrorAlert title="Not closed" error={form.alert} />}
          <TextInput
            label="Cash counted in the drawer ($)"
            required
            inputMode="decimal"
            description={`Cash expected from today's payments and refunds: ${formatCents(summary.cashExpectedCents)}`}
            data-autofocus
            {...form.textProps('cashCountedCents')}
          />
          {difference && (
            <Text size="sm" role="status" c={difference.isMismatch ? 'orange.8' : 'teal.8'}>
              {difference.isMismatch
                ? `! The drawer is ${difference.differenceCents > 0 ? 'over' : 'short'} by ${formatCents(Math.abs(difference.differenceCents))}: say why in the note.`
                : '✓ The drawer matches.'}
            </Text>
          )}
          <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
          <FormButtons isSaving={close.isPending} submitLabel="Close the day" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
