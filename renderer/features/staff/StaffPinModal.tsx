// Set or clear a staff member's PIN. Managers may do it for anyone; others only for themselves (the API decides).
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { contract } from '../../../db/api/contract';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';

export function StaffPinModal({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const setPin = useApiMutation('staff.setPin');
  const form = useFormState({ pin: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { id: member.id, pin: form.values.pin };
    const check = checkWithSchema(contract['staff.setPin'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    setPin.mutate(input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  const clearPin = () => setPin.mutate({ id: member.id, pin: null }, { onSuccess: onClose, onError: form.showSubmitError });

  return (
    <Modal opened onClose={onClose} title={`PIN for ${member.name}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{member.hasPin ? 'A PIN is set. Enter a new one to replace it, or clear it.' : 'No PIN is set.'}</Text>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <PasswordInput
            label="New PIN"
            description="4 to 8 digits"
            inputMode="numeric"
            autoComplete="new-password"
            data-autofocus
            {...form.textProps('pin')}
          />
          {member.hasPin && (
            <Group>
              <Button variant="subtle" color="red" onClick={clearPin} disabled={setPin.isPending}>
                Clear PIN
              </Button>
            </Group>
          )}
          <FormButtons isSaving={setPin.isPending} submitLabel="Save PIN" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
