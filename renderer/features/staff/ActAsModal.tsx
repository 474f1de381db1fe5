// "Act as" a staff member who has a PIN: they type it here, and the PC switches to them.
import { Modal, PasswordInput, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';

export function ActAsModal({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const signIn = useApiMutation('session.signIn');
  const form = useFormState({ pin: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ staffId: member.id, pin: form.values.pin }, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Act as ${member.name}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Could not switch" error={form.alert} />}
          <PasswordInput
            label={`PIN of ${member.name}`}
            inputMode="numeric"
            autoComplete="off"
            data-autofocus
            {...form.textProps('pin')}
          />
          <FormButtons isSaving={signIn.isPending} submitLabel="Sign in" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
