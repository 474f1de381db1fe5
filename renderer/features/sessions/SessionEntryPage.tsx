// Fast session entry for the front desk: the form, then what was saved (warnings, payment) and a fresh form
// for the next visit that keeps the date, therapist, kind and room.
import { Alert, Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SessionDetail } from '../../../db/sessions/sessions-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { paymentMethodLabels, type PaymentMethod } from '../../../db/revenue/revenue-contract';
import { formatCents } from '../revenue/money';
import { kindLabel } from './session-labels';
import { blankSessionForm, roundedTimeNow, type SessionFormValues } from './session-form';
import { SessionForm, type SessionFormSubmit } from './SessionForm';

interface SaveResult {
  session: SessionDetail;
  warnings: string[];
  paidWith: { method: PaymentMethod; amountCents: number } | 'package' | null;
  paymentError: unknown;
}

export function SessionEntryPage() {
  const { today, clinic, acting } = useClinicSession();
  const record = useApiMutation('sessions.record');
  const payWithPackage = useApiMutation('revenue.payWithPackage');
  const fresh = (carry?: Partial<SessionFormValues>): SessionFormValues =>
    blankSessionForm({
      sessionDate: carry?.sessionDate ?? today,
      startTime: roundedTimeNow(new Date(), clinic.timeZone),
      therapistId: carry?.therapistId ?? (acting.role === 'therapist' ? String(acting.staffId) : ''),
      kind: carry?.kind,
      room: carry?.room,
    });
  const [form, setForm] = useState(() => ({ key: 0, initial: fresh() }));
  const [result, setResult] = useState<SaveResult | null>(null);

  const save = async ({ input, payPlan }: SessionFormSubmit) => {
    // "Pay now" is saved with the session in one transaction: both or neither.
    const payment = payPlan.kind === 'pay' ? { method: payPlan.method, amountCents: payPlan.amountCents } : null;
    const saved = await record.mutateAsync({ ...input, payment });
    let paidWith: SaveResult['paidWith'] = payment ? { method: payment.method, amountCents: payment.amountCents } : null;
    let paymentError: unknown = null;
    if (payPlan.kind === 'package') {
      try {
        await payWithPackage.mutateAsync({ sessionId: saved.session.id, packageId: payPlan.packageId });
        paidWith = 'package';
      } catch (error) {
        // The session is saved either way; the package visit can be drawn from its page.
        paymentError = error;
      }
    }
    setResult({ session: saved.session, warnings: saved.warnings, paidWith, paymentError });
    setForm((f) => ({ key: f.key + 1, initial: fresh({ sessionDate: input.sessionDate, therapistId: String(input.therapistId), kind: input.kind, room: input.room }) }));
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Record a session</Title>
          <Text c="dimmed">A dry-needling visit: needles and supplies used come off stock when you save.</Text>
        </div>
        <Anchor component={Link} to="/sessions">
          Back to the sessions list
        </Anchor>
      </Group>
      {result && <SavedSession result={result} />}
      <SessionForm
        key={form.key}
        mode="record"
        initialValues={form.initial}
        onSubmit={save}
        isSaving={record.isPending || payWithPackage.isPending}
        canRecordConsent={acting.role !== 'auditor'}
      />
    </Stack>
  );
}

function SavedSession({ result }: { result: SaveResult }) {
  const { session, warnings, paidWith, paymentError } = result;
  return (
    <Stack gap="xs" role="status" aria-live="polite" aria-label="Saved session">
      <Alert color="teal" variant="light" title={`✓ Session #${session.id} recorded`}>
        <Text size="sm">
          Chart {session.chartNumber}, {session.sessionDate} {session.startTime}, {session.therapistName}, {kindLabel(session.kind)}
          {session.kind === 'self_pay' ? ` (${formatCents(session.priceCents)})` : ''}, {session.needlesOpened} needles.{' '}
          {paidWith === 'package'
            ? 'Paid from the prepaid package.'
            : paidWith
              ? `Paid ${formatCents(paidWith.amountCents)} by ${paymentMethodLabels[paidWith.method]}; balance ${formatCents(session.balanceCents)}.`
              : session.kind === 'self_pay'
                ? `Balance due ${formatCents(session.balanceCents)}.`
                : ''}{' '}
          <Anchor component={Link} to={`/sessions/${session.id}`}>
            Open session #{session.id}
          </Anchor>
        </Text>
      </Alert>
      {warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="! Saved with warnings">
          <List size="sm">
            {warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {paymentError !== null && <ErrorAlert title="The session is saved, but the payment was not" error={paymentError} />}
    </Stack>
  );
}
