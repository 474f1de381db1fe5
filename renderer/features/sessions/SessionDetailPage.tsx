// One session in full: what was done, the needles and supplies with their lots, money, and every amendment with
// its before and after (the original stays visible). Amend, void, take a payment, print.
import { Alert, Anchor, Button, Card, Collapse, DataList, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paymentMethodLabels, type PaymentView } from '../../../db/revenue/revenue-contract';
import type { SessionDetail, SessionStockUse } from '../../../db/sessions/sessions-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { formatLocalDateTime } from '../../lib/format';
import { formatCents } from '../revenue/money';
import { RecordPaymentModal } from '../revenue/RecordPaymentModal';
import { UsePackageModal } from '../revenue/UsePackageModal';
import { PrintButton } from '../../components/PrintButton';
import { amendmentChanges, snapshotRows } from './session-amendments';
import { adverseEventLabels, kindLabel, missingPrecautions, regionsLabel } from './session-labels';
import { SessionStatusBadges } from './SessionStatusBadges';
import { VoidSessionModal } from './VoidSessionModal';

export function SessionDetailPage() {
  const { id } = useParams();
  const sessionId = Number(id);
  const session = useApiQuery('sessions.get', { id: sessionId }, { enabled: Number.isInteger(sessionId) && sessionId > 0 });
  if (!Number.isInteger(sessionId) || sessionId <= 0) return <ErrorAlert error={`There is no session "${id ?? ''}".`} />;
  if (session.isPending) return <PageLoader label="Loading the session" />;
  if (session.isError) return <ErrorAlert title="Could not load the session" error={session.error} />;
  return <SessionDetailView session={session.data} />;
}

type Dialog = 'void' | 'pay' | 'package' | null;

function SessionDetailView({ session }: { session: SessionDetail }) {
  const { acting, clinic } = useClinicSession();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const isRecorded = session.status === 'recorded';
  const canChange = acting.role !== 'auditor';
  const canVoid = acting.role === 'manager' || acting.role === 'therapist';
  const missing = missingPrecautions(session);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Anchor component={Link} to="/sessions" size="sm" data-print="hide">
            ← Sessions
          </Anchor>
          <Title order={1}>Session #{session.id}</Title>
          <Text c="dimmed">
            Chart {session.chartNumber} · {session.sessionDate} {session.startTime} · {session.therapistName}
          </Text>
        </div>
        <Group data-print="hide">
          {isRecorded && canChange && (
            <Button variant="default" onClick={() => void navigate(`/sessions/${session.id}/amend`)}>
              Amend
            </Button>
          )}
          {isRecorded && session.kind === 'self_pay' && session.balanceCents > 0 && canChange && (
            <>
              <Button variant="default" onClick={() => setDialog('pay')}>
                Record payment
              </Button>
              {session.paidCents === 0 && session.coveredByPackageId === null && (
                <Button variant="default" onClick={() => setDialog('package')}>
                  Use package
                </Button>
              )}
            </>
          )}
          {isRecorded && canVoid && (
            <Button variant="light" color="red" onClick={() => setDialog('void')}>
              Void
            </Button>
          )}
          <PrintButton what={`session #${session.id}`} />
        </Group>
      </Group>
      <SessionStatusBadges session={session} isRecordedShown />
      {session.status === 'voided' && (
        <Alert color="red" variant="light" title="✗ Voided">
          Voided {session.voidedAt ? formatLocalDateTime(session.voidedAt, clinic.timeZone) : ''}: {session.voidReason}. Its stock went back to the lots.
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="session-visit">
          <Title order={2} size="h4" id="session-visit" mb="xs">
            Visit
          </Title>
          <DataList labelWidth={190}>
            <Row label="Date and time" value={`${session.sessionDate} ${session.startTime}`} />
            <Row label="Therapist" value={session.therapistName} />
            <Row label="Chart number" value={session.chartNumber} />
            <Row label="Kind" value={kindLabel(session.kind)} />
            <Row label="Room" value={session.room || '—'} />
            <Row label="Body regions" value={regionsLabel(session.bodyRegions)} />
            <Row label="Pain before → after" value={`${session.painBefore} → ${session.painAfter} (change ${session.painAfter - session.painBefore})`} />
            <Row label="Adverse event" value={session.adverseEvent === 'none' ? 'None' : `${adverseEventLabels[session.adverseEvent]}: ${session.adverseEventNote}`} />
            <Row label="Notes" value={session.notes || '—'} />
            {session.consentOverrideReason && <Row label="Recorded without consent" value={session.consentOverrideReason} />}
            {session.afterCloseReason && <Row label="Late entry (day closed)" value={session.afterCloseReason} />}
            <Row label="Recorded" value={`${formatLocalDateTime(session.recordedAt, clinic.timeZone)} by ${session.recordedByName}`} />
          </DataList>
        </Card>
        <Card withBorder component="section" aria-labelledby="session-safety">
          <Title order={2} size="h4" id="session-safety" mb="xs">
            Precautions and needle count
          </Title>
          <DataList labelWidth={190}>
            <Row label="Precautions" value={missing.length === 0 ? 'All ticked' : `Not ticked: ${missing.join(', ')}`} />
            <Row label="Needles opened" value={String(session.needlesOpened)} />
            <Row label="Into the sharps container" value={String(session.needlesDisposed)} />
            {session.countMismatchReason && <Row label="Count mismatch reason" value={session.countMismatchReason} />}
          </DataList>
          {session.kind === 'self_pay' && (
            <>
              <Title order={2} size="h4" mt="md" mb="xs">
                Money
              </Title>
              <DataList labelWidth={190}>
                <Row label="Price" value={formatCents(session.priceCents)} />
                <Row label="Paid" value={session.coveredByPackageId !== null ? `Prepaid package #${session.coveredByPackageId}` : formatCents(session.paidCents)} />
                <Row label={session.balanceCents < 0 ? 'Credit to refund' : 'Balance due'} value={formatCents(Math.abs(session.balanceCents))} />
              </DataList>
            </>
          )}
        </Card>
      </SimpleGrid>

      <StockTable title="Needles" uses={session.needles} />
      <StockTable title="Gloves, PPE and supplies" uses={session.supplies} />
      {session.kind === 'self_pay' && <SessionPayments session={session} />}
      <Amendments session={session} />

      {dialog === 'void' && <VoidSessionModal session={session} onClose={() => setDialog(null)} />}
      {dialog === 'pay' && <RecordPaymentModal session={session} onClose={() => setDialog(null)} />}
      {dialog === 'package' && <UsePackageModal session={session} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}

function StockTable({ title, uses }: { title: string; uses: SessionStockUse[] }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {uses.length === 0 ? (
        <Text size="sm">None on record (a voided session's stock has gone back to its lots).</Text>
      ) : (
        <Table aria-label={`${title} used`} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Product</Table.Th>
              <Table.Th scope="col">Lot</Table.Th>
              <Table.Th scope="col">Expiry</Table.Th>
              <Table.Th scope="col" ta="right">
                Quantity
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {uses.map((u) => (
              <Table.Tr key={u.movementId}>
                <Table.Td>{u.itemName}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/inventory/lots/${u.lotId}`}>
                    {u.lotNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{u.expiryDate ?? '—'}</Table.Td>
                <Table.Td ta="right">{u.quantity}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** Payments and refunds against this session (listed from its date on: the API lists payments by date). */
function SessionPayments({ session }: { session: SessionDetail }) {
  const { today } = useClinicSession();
  const payments = useApiQuery('revenue.listPayments', { from: session.sessionDate, to: today < session.sessionDate ? session.sessionDate : today });
  const mine = (payments.data ?? []).filter((p) => p.sessionId === session.id);
  return (
    <Card withBorder component="section" aria-label="Payments">
      <Title order={2} size="h4" mb="xs">
        Payments and refunds
      </Title>
      {payments.isPending ? (
        <PageLoader label="Loading payments" />
      ) : payments.isError ? (
        <ErrorAlert error={payments.error} />
      ) : mine.length === 0 ? (
        <Text size="sm">{session.coveredByPackageId !== null ? 'Paid from a prepaid package.' : 'No payments yet.'}</Text>
      ) : (
        <PaymentRows payments={mine} />
      )}
    </Card>
  );
}

function PaymentRows({ payments }: { payments: PaymentView[] }) {
  return (
    <Table aria-label="Payments of this session" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Date</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">Method</Table.Th>
          <Table.Th scope="col" ta="right">
            Amount
          </Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">By</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {payments.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{p.paidOn}</Table.Td>
            <Table.Td>{p.kind === 'payment' ? 'Payment' : 'Refund'}</Table.Td>
            <Table.Td>{paymentMethodLabels[p.method]}</Table.Td>
            <Table.Td ta="right">{formatCents(p.kind === 'refund' ? -p.amountCents : p.amountCents)}</Table.Td>
            <Table.Td>{p.status === 'voided' ? <StatusBadge tone="bad">Void</StatusBadge> : <StatusBadge tone="good">Recorded</StatusBadge>}</Table.Td>
            <Table.Td>{p.recordedByName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Amendments({ session }: { session: SessionDetail }) {
  const { clinic } = useClinicSession();
  const [isOriginalOpen, setIsOriginalOpen] = useState(false);
  if (session.amendments.length === 0) return null;
  const original = session.amendments[0]?.before;
  return (
    <Card withBorder component="section" aria-labelledby="session-amendments">
      <Title order={2} size="h4" id="session-amendments" mb="xs">
        Amendments
      </Title>
      <Stack gap="md">
        {session.amendments.map((a, i) => {
          const changes = amendmentChanges(a.before, a.after);
          return (
            <div key={a.id}>
              <Group gap="xs" mb={4}>
                <Text size="sm" fw={600}>
                  Amendment {i + 1}: {formatLocalDateTime(a.amendedAt, clinic.timeZone)} by {a.amendedByName}
                </Text>
                {a.isAfterClose && <StatusBadge tone="warning">After the day was closed</StatusBadge>}
              </Group>
              <Text size="sm" mb={4}>
                Reason: {a.reason}
              </Text>
              {changes.length === 0 ? (
                <Text size="sm">No field changed.</Text>
              ) : (
                <Table withTableBorder fz="sm" aria-label={`Changes in amendment ${i + 1}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Field</Table.Th>
                      <Table.Th scope="col">Before</Table.Th>
                      <Table.Th scope="col">After</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.map((c) => (
                      <Table.Tr key={c.label}>
                        <Table.Td>{c.label}</Table.Td>
                        <Table.Td>{c.before}</Table.Td>
                        <Table.Td>{c.after}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </div>
          );
        })}
        <div>
          <Button variant="subtle" size="compact-sm" aria-expanded={isOriginalOpen} onClick={() => setIsOriginalOpen((o) => !o)}>
            {isOriginalOpen ? 'Hide the original record' : 'Show the original record'}
          </Button>
          <Collapse expanded={isOriginalOpen}>
            <Table withTableBorder fz="sm" mt="xs" aria-label="Original record, as first entered">
              <Table.Tbody>
                {snapshotRows(original).map((r) => (
                  <Table.Tr key={r.label}>
                    <Table.Th scope="row" fw={500}>
                      {r.label}
                    </Table.Th>
                    <Table.Td>{r.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </div>
      </Stack>
    </Card>
  );
}
