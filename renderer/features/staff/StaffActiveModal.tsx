// Deactivate or reactivate a staff member; the reason is required because the log must explain every change.
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { contract } from '../../../db/api/contract';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';

export function StaffActiveModal({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const method = member.isActive ? 'staff.deactivate' : 'staff.reactivate';
  const verb = member.isActive ? 'Deactivate' : 'Reactivate';
  const change = useApiMutation(method);
  const form = useFormState({ reason: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { id: member.id, reason: form.values.reason };
    const check = checkWithSchema(contract[method].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    change.mutate(input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`${verb} ${member.name}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {member.isActive
              ? `${member.name} will no longer be able to sign in or be chosen. Their records and history stay.`
              : `${member.name} will be able to sign in again.`}
          </Text>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.textProps('reason')} />
          <FormButtons isSaving={change.isPending} submitLabel={verb} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
