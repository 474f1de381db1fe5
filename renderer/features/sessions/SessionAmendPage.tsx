// Amends a session: the entry form prefilled with the session as it stands, saved with a required reason.
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formValuesFromSession } from './session-form';
import { SessionForm, type SessionFormSubmit } from './SessionForm';

export function SessionAmendPage() {
  const { id } = useParams();
  const sessionId = Number(id);
  const { acting } = useClinicSession();
  const navigate = useNavigate();
  const session = useApiQuery('sessions.get', { id: sessionId }, { enabled: Number.isInteger(sessionId) && sessionId > 0, staleTime: Infinity });
  const amend = useApiMutation('sessions.amend');

  if (session.isPending) return <PageLoader label="Loading the session" />;
  if (session.isError) return <ErrorAlert title="Could not load the session" error={session.error} />;
  const detail = session.data;

  const save = async ({ input, amendReason }: SessionFormSubmit) => {
    await amend.mutateAsync({ id: detail.id, reason: amendReason, session: input });
    void navigate(`/sessions/${detail.id}`);
  };

  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/sessions/${detail.id}`} size="sm">
          ← Session #{detail.id}
        </Anchor>
        <Title order={1}>Amend session #{detail.id}</Title>
        <Text c="dimmed">The original stays visible with the reason you give. Needles and supplies are re-counted: changed lines return and re-take stock.</Text>
      </div>
      {detail.status === 'voided' ? (
        <Alert color="red" variant="light" title="✗ This session is voided">
          A voided session cannot be amended.
        </Alert>
      ) : (
        <SessionForm
          mode="amend"
          initialValues={formValuesFromSession(detail)}
          onSubmit={save}
          isSaving={amend.isPending}
          canRecordConsent={acting.role !== 'auditor'}
          onCancel={() => void navigate(`/sessions/${detail.id}`)}
        />
      )}
    </Stack>
  );
}
