// First run: name the clinic and its first manager, who becomes the acting user; then the Dashboard opens.
import { Button, Center, Fieldset, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { contract, type MethodInput } from '../../../db/api/contract';
import { useApiMutation } from '../../api/useApiMutation';
import { apiQueryKey } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/useFormState';
import { blankToUndefined, checkWithSchema } from '../../lib/form-errors';
import { knownTimeZones, localTimeZone, timeZoneChoices } from '../../lib/time-zones';

export function FirstRunPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useApiMutation('clinic.setup');
  const form = useFormState({
    name: '',
    address: '',
    timeZone: localTimeZone(),
    'firstManager.name': '',
    'firstManager.jobTitle': '',
    'firstManager.pin': '',
  });
  const zones = useMemo(() => timeZoneChoices(knownTimeZones(), [localTimeZone()]), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input: MethodInput<'clinic.setup'> = {
      name: values.name,
      address: values.address,
      timeZone: values.timeZone,
      firstManager: {
        name: values['firstManager.name'],
        jobTitle: values['firstManager.jobTitle'],
        pin: blankToUndefined(values['firstManager.pin']),
      },
    };
    const check = checkWithSchema(contract['clinic.setup'].input, input);
    if (!check.ok) return form.showFieldErrors(check.fieldErrors);
    setup.mutate(input, {
      onSuccess: (status) => {
        queryClient.setQueryData(apiQueryKey('clinic.status', {}), status);
        void navigate('/');
      },
      onError: form.showSubmitError,
    });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={560} component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1}>Set up your clinic</Title>
              <Text c="dimmed">This is done once. You can change these details later in Settings.</Text>
            </div>
            {form.alert && <ErrorAlert title="Setup did not finish" error={form.alert} />}
            <Fieldset legend="Clinic">
              <Stack>
                <TextInput label="Clinic name" required autoFocus {...form.textProps('name')} />
                <TextInput label="Address" {...form.textProps('address')} />
                <NativeSelect label="Time zone" data={zones} {...form.textProps('timeZone')} />
              </Stack>
            </Fieldset>
            <Fieldset legend="First manager (you)">
              <Stack>
                <TextInput label="Manager name" required {...form.textProps('firstManager.name')} />
                <TextInput label="Job title" {...form.textProps('firstManager.jobTitle')} />
                <PasswordInput
                  label="PIN (optional)"
                  description="4 to 8 digits, asked when you sign in at this PC"
                  inputMode="numeric"
                  autoComplete="new-password"
                  {...form.textProps('firstManager.pin')}
                />
              </Stack>
            </Fieldset>
            <Button type="submit" loading={setup.isPending}>
              Set up clinic
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
