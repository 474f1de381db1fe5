// Records that a chart's dry-needling consent form was signed (date and form version), from the session form.
import { Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { contract, type MethodInput } from '../../../db/api/contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';

export function RecordConsentModal({ chartNumber, signedOn, onClose }: { chartNumber: string; signedOn: string; onClose: () => void }) {
  const record = useApiMutation('sessions.recordConsent');
  const form = useFormState({ signedOn, formVersion: '' });
  const [isCopyGiven, setIsCopyGiven] = useState(true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: MethodInput<'sessions.recordConsent'> = { chartNumber, signedOn: form.values.signedOn, formVersion: form.values.formVersion, copyGiven: isCopyGiven };
    const check = checkWithSchema(contract['sessions.recordConsent'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    record.mutate(input, { onSuccess: onClose, onError: form.showSubmitError });
  };

  return (
    <Modal opened onClose={onClose} title={`Record consent for chart ${chartNumber}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <TextInput type="date" label="Signed on" required data-autofocus {...form.textProps('signedOn')} />
          <TextInput label="Consent form version" required description="As printed on the form, e.g. DN-CONSENT-2024-2" {...form.textProps('formVersion')} />
          <Checkbox label="The patient was given a copy" checked={isCopyGiven} onChange={(e) => setIsCopyGiven(e.currentTarget.checked)} />
          <FormButtons isSaving={record.isPending} submitLabel="Record consent" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
