// Voids a session with a reason: its needles and supplies return to stock; its payments can be refunded with it.
import { Checkbox, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { contract, type MethodInput } from '../../../db/api/contract';
import type { SessionView } from '../../../db/sessions/sessions-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';
import { formatCents } from '../revenue/money';

export function VoidSessionModal({ session, onClose }: { session: SessionView; onClose: () => void }) {
  const voidSession = useApiMutation('sessions.void');
  const form = useFormState({ reason: '' });
  const hasPayments = session.paidCents > 0;
  const [isRefunding, setIsRefunding] = useState(hasPayments);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: MethodInput<'sessions.void'> = { id: session.id, reason: form.values.reason, refundPayments: hasPayments && isRefunding };
    const check = checkWithSchema(contract['sessions.void'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    voidSession.mutate(input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Void session #${session.id}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            The session stays on record marked as voided. Its {session.needlesOpened} needles and its supplies go back to their lots through reversing
            movements{session.coveredByPackageId !== null ? ', and its package visit is returned' : ''}.
          </Text>
          {form.alert && <ErrorAlert title="Not voided" error={form.alert} />}
          <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.textProps('reason')} />
          {hasPayments && (
            <Checkbox
              label={`Refund the ${formatCents(session.paidCents)} paid, by the same method, today`}
              checked={isRefunding}
              onChange={(e) => setIsRefunding(e.currentTarget.checked)}
            />
          )}
          <FormButtons isSaving={voidSession.isPending} submitLabel="Void session" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
