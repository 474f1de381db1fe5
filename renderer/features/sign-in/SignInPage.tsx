// The sign-in and lock screen: who is at the PC, with a PIN when they have one. Shows names and roles only, never clinical data.
import { Badge, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { ClinicProfile } from '../../../db/clinic/clinic-contract';
import type { SignInChoice } from '../../../db/staff/staff-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { signInReasonMessages, type SignInReason } from '../../app/sign-in-requests';
import { useSignInRequests } from '../../app/SignInRequestsProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { placeSubmitError } from '../../lib/form-errors';
import { roleLabel } from '../../lib/format';
import classes from './SignInPage.module.css';

/** Reads that hold no clinical data and so may stay cached while nobody is signed in. */
const signedOutQueries = new Set<unknown>(['clinic.status', 'session.signInChoices']);

export function SignInPage({ clinic, reason }: { clinic: ClinicProfile; reason: SignInReason }) {
  const queryClient = useQueryClient();
  const requests = useSignInRequests();
  const choices = useApiQuery('session.signInChoices', {});
  const signIn = useApiMutation('session.signIn');
  const [chosen, setChosen] = useState<SignInChoice | null>(null);
  const [pin, setPin] = useState('');

  // Whatever the last user looked at leaves memory when the screen locks.
  useEffect(() => {
    queryClient.removeQueries({ predicate: (query) => !signedOutQueries.has(query.queryKey[0]) });
  }, [queryClient]);

  const signInAs = (choice: SignInChoice, pinGiven?: string) => {
    signIn.mutate({ staffId: choice.id, pin: pinGiven }, { onSuccess: () => requests.clear() });
  };

  const choose = (choice: SignInChoice) => {
    signIn.reset();
    if (choice.hasPin) {
      setChosen(choice);
      setPin('');
    } else {
      signInAs(choice);
    }
  };

  const submitPin = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) signInAs(chosen, pin);
  };

  const shownError = signIn.error ? placeSubmitError(signIn.error, chosen ? ['pin'] : []) : null;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} component="main">
        <Stack>
          <div>
            <Text c="dimmed" size="sm">
              {clinic.name}
            </Text>
            <Title order={1}>{reason === 'lock_button' || reason === 'idle' || reason === 'locked' ? 'Locked' : 'Sign in'}</Title>
          </div>
          <Text>{signInReasonMessages[reason]}</Text>
          {shownError?.alert && <ErrorAlert title="Could not sign in" error={shownError.alert} />}
          {chosen ? (
            <form onSubmit={submitPin} noValidate>
              <Stack>
                <Text>
                  Signing in as <strong>{chosen.name}</strong> ({roleLabel(chosen.role)})
                </Text>
                <PasswordInput
                  label="PIN"
                  autoFocus
                  inputMode="numeric"
                  autoComplete="off"
                  value={pin}
                  onChange={(event) => setPin(event.currentTarget.value)}
                  error={shownError?.fieldErrors.pin}
                />
                <Group justify="space-between">
                  <Button variant="subtle" onClick={() => setChosen(null)}>
                    Choose someone else
                  </Button>
                  <Button type="submit" loading={signIn.isPending}>
                    Sign in
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <StaffChoiceList choices={choices} isSigningIn={signIn.isPending} onChoose={choose} />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

function StaffChoiceList({
  choices,
  isSigningIn,
  onChoose,
}: {
  choices: ReturnType<typeof useApiQuery<'session.signInChoices'>>;
  isSigningIn: boolean;
  onChoose: (choice: SignInChoice) => void;
}) {
  if (choices.isPending) return <PageLoader label="Loading staff" />;
  if (choices.isError) return <ErrorAlert error={choices.error} />;
  return (
    <Stack gap="xs" role="group" aria-label="Who is using this PC?">
      <Text fw={600}>Who is using this PC?</Text>
      {choices.data.map((choice) => (
        <UnstyledButton key={choice.id} className={classes.choice} onClick={() => onChoose(choice)} disabled={isSigningIn}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={500}>{choice.name}</Text>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {roleLabel(choice.role)}
              </Text>
              {choice.hasPin && (
                <Badge size="sm" variant="outline" color="gray">
                  PIN
                </Badge>
              )}
            </Group>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
