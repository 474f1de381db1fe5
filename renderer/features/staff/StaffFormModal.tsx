// Add a staff member, or edit one's name, role and job title (with an optional reason for the log).
import { Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { contract, type MethodInput } from '../../../db/api/contract';
import type { StaffRole } from '../../../db/api/roles';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { blankToUndefined, checkWithSchema } from '../../lib/form-errors';
import { roleOptions } from './role-options';

export function StaffFormModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={member ? `Edit ${member.name}` : 'Add staff member'}>
      {member ? <EditStaffForm member={member} onDone={onClose} /> : <CreateStaffForm onDone={onClose} />}
    </Modal>
  );
}

function CreateStaffForm({ onDone }: { onDone: () => void }) {
  const create = useApiMutation('staff.create');
  const form = useFormState({ name: '', role: 'therapist', jobTitle: '', pin: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input: MethodInput<'staff.create'> = {
      name: values.name,
      role: values.role as StaffRole,
      jobTitle: values.jobTitle,
      pin: blankToUndefined(values.pin),
    };
    const check = checkWithSchema(contract['staff.create'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    create.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
        <TextInput label="Name" required data-autofocus {...form.textProps('name')} />
        <NativeSelect label="Role" data={roleOptions} {...form.textProps('role')} />
        <TextInput label="Job title" {...form.textProps('jobTitle')} />
        <PasswordInput
          label="PIN (optional)"
          description="4 to 8 digits; asked when they sign in"
          inputMode="numeric"
          autoComplete="new-password"
          {...form.textProps('pin')}
        />
        <FormButtons isSaving={create.isPending} submitLabel="Add staff member" onCancel={onDone} />
      </Stack>
    </form>
  );
}

function EditStaffForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const update = useApiMutation('staff.update');
  const form = useFormState({ name: member.name, role: member.role as string, jobTitle: member.jobTitle, reason: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input: MethodInput<'staff.update'> = {
      id: member.id,
      name: values.name,
      role: values.role as StaffRole,
      jobTitle: values.jobTitle,
      reason: blankToUndefined(values.reason),
    };
    const check = checkWithSchema(contract['staff.update'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    update.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
        <TextInput label="Name" required data-autofocus {...form.textProps('name')} />
        <NativeSelect label="Role" data={roleOptions} {...form.textProps('role')} />
        <TextInput label="Job title" {...form.textProps('jobTitle')} />
        <TextInput label="Reason for the change (optional)" description="Kept in the audit log" {...form.textProps('reason')} />
        <FormButtons isSaving={update.isPending} submitLabel="Save changes" onCancel={onDone} />
      </Stack>
    </form>
  );
}
