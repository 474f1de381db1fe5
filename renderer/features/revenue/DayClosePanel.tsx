// The daily close: the day's reconciliation (sessions by kind, payments by method against the cash drawer, needle
// count mismatches, unpaid visits, precaution exceptions, adverse events, late entries), closing it, and the
// printable close sheet that carries the audit chain's head hash and event count at closing.
import { Alert, Anchor, Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { businessDate } from '../../../db/api/common-schemas';
import type { DayCloseView } from '../../../db/revenue/revenue-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBusinessDateLong, formatLocalDateTime } from '../../lib/format';
import { PrintButton } from '../../components/PrintButton';
import { adverseEventLabels } from '../sessions/session-labels';
import { CloseDayModal } from './CloseDayModal';
import { closeChanges, methodRows } from './day-close';
import { formatCents } from './money';

export function DayClosePanel() {
  const { today } = useClinicSession();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? today;
  const isValid = businessDate.safeParse(date).success;
  const day = useApiQuery('revenue.dayClose', { date }, { enabled: isValid });

  return (
    <Stack>
      <Group align="flex-end" data-print="hide">
        <TextInput
          type="date"
          label="Day"
          value={date}
          max={today}
          error={isValid ? undefined : 'must be a date written YYYY-MM-DD'}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            next.set('date', e.currentTarget.value);
            setParams(next, { replace: true });
          }}
          w={180}
        />
      </Group>
      {!isValid ? null : day.isPending ? (
        <PageLoader label="Loading the day" />
      ) : day.isError ? (
        <ErrorAlert error={day.error} />
      ) : (
        <CloseSheet view={day.data} />
      )}
    </Stack>
  );
}

function CloseSheet({ view }: { view: DayCloseView }) {
  const { acting, clinic, today } = useClinicSession();
  const [isClosing, setIsClosing] = useState(false);
  const { summary, closed } = view;
  const methods = methodRows(summary);
  const changes = closed ? closeChanges(closed.summaryAtClose, summary) : [];

  return (
    <Stack aria-label="Close sheet" role="region">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Daily close: {formatBusinessDateLong(summary.date)}
          </Title>
          <Text size="sm" c="dimmed">
            {clinic.name}
          </Text>
        </div>
        <Group>
          {closed ? <StatusBadge tone="good">Closed</StatusBadge> : <StatusBadge tone="warning">Open</StatusBadge>}
          {!closed && acting.role === 'manager' && summary.date <= today && (
            <Button onClick={() => setIsClosing(true)} data-print="hide">
              Close the day
            </Button>
          )}
          <PrintButton what="the close sheet" label="Print close sheet" />
        </Group>
      </Group>
      {!closed && acting.role !== 'manager' && (
        <Text size="sm" c="dimmed" data-print="hide">
          A manager closes the day.
        </Text>
      )}

      {closed && (
        <Card withBorder aria-label="Closing" role="group">
          <Stack gap={4}>
            <Text size="sm">
              Closed {formatLocalDateTime(closed.closedAt, clinic.timeZone)} by {closed.closedByName}.
            </Text>
            <Text size="sm">
              Cash counted {formatCents(closed.cashCountedCents)} against {formatCents(closed.cashExpectedCents)} expected
              {closed.cashCountedCents === closed.cashExpectedCents
                ? ': ✓ matched.'
                : `: ! ${closed.cashCountedCents > closed.cashExpectedCents ? 'over' : 'short'} by ${formatCents(Math.abs(closed.cashCountedCents - closed.cashExpectedCents))}.`}
            </Text>
            {closed.note && <Text size="sm">Note: {closed.note}</Text>}
            <Text size="sm" fw={600} mt="xs">
              Audit chain at closing (a paper witness of the log)
            </Text>
            <Text size="sm" data-testid="close-chain-count">
              Events: {closed.chainEventCount.toLocaleString('en-US')}
            </Text>
            <Text size="sm">
              Head hash:{' '}
              <Code style={{ wordBreak: 'break-all' }} data-testid="close-chain-head">
                {closed.chainHeadHash}
              </Code>
            </Text>
            <Text size="sm">
              Signed checkpoint:{' '}
              <Code style={{ wordBreak: 'break-all' }} data-testid="close-checkpoint">
                {closed.checkpointJson}
              </Code>
            </Text>
            <Text size="sm">
              Signature (Ed25519, base64):{' '}
              <Code style={{ wordBreak: 'break-all' }} data-testid="close-checkpoint-signature">
                {closed.checkpointSignature}
              </Code>
            </Text>
            <Text size="sm">
              Clinic key fingerprint (SHA-256): <Code style={{ wordBreak: 'break-all' }}>{closed.signingKeyFingerprint}</Code>
            </Text>
          </Stack>
        </Card>
      )}
      {changes.length > 0 && (
        <Alert color="yellow" variant="light" title="! Changed since the close (late entries)">
          <SimpleTable
            label="Changes since the close"
            columns={['Figure', 'At closing', 'Now']}
            rows={changes.map((c) => ({ key: c.what, cells: [c.what, c.atClose, c.now] }))}
          />
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Sessions by kind">
          <SimpleTable
            label="Sessions by kind"
            columns={['Kind', 'Sessions']}
            rows={[
              { key: 'poc', cells: ['Plan of care', String(summary.sessionsByKind.plan_of_care)] },
              { key: 'sp', cells: ['Self-pay', String(summary.sessionsByKind.self_pay)] },
              { key: 'all', cells: ['All', String(summary.sessionsByKind.plan_of_care + summary.sessionsByKind.self_pay)] },
            ]}
          />
          <Anchor component={Link} to={`/sessions?from=${summary.date}&to=${summary.date}`} size="sm" data-print="hide">
            List the day&apos;s sessions
          </Anchor>
        </Section>
        <Section title="Payments by method">
          <SimpleTable
            label="Payments by method"
            columns={['Method', 'Payments', 'Refunds', 'Net']}
            rows={[
              ...methods.rows.map((r) => ({ key: r.method, cells: [r.label, formatCents(r.paymentsCents), formatCents(r.refundsCents), formatCents(r.netCents)] })),
              { key: 'total', cells: ['Total', formatCents(methods.total.paymentsCents), formatCents(methods.total.refundsCents), formatCents(methods.total.netCents)] },
            ]}
          />
          <Text size="sm" mt={4}>
            Cash expected in the drawer: <strong>{formatCents(summary.cashExpectedCents)}</strong>
            {closed ? `; counted ${formatCents(closed.cashCountedCents)}` : ''}
          </Text>
        </Section>
        <Section title="Needle count mismatches" count={summary.countMismatches.length}>
          <SimpleTable
            label="Needle count mismatches"
            columns={['Session', 'Chart', 'Opened', 'Into sharps', 'Reason']}
            rows={summary.countMismatches.map((m) => ({ key: String(m.sessionId), cells: [<SessionLink key="s" id={m.sessionId} />, m.chartNumber, String(m.opened), String(m.disposed), m.reason] }))}
          />
        </Section>
        <Section title="Unpaid self-pay visits" count={summary.unpaidSelfPay.length}>
          <SimpleTable
            label="Unpaid self-pay visits"
            columns={['Session', 'Chart', 'Balance']}
            rows={summary.unpaidSelfPay.map((u) => ({ key: String(u.sessionId), cells: [<SessionLink key="s" id={u.sessionId} />, u.chartNumber, formatCents(u.balanceCents)] }))}
          />
        </Section>
        <Section title="Precaution exceptions" count={summary.precautionExceptions.length}>
          <SimpleTable
            label="Precaution exceptions"
            columns={['Session', 'Chart', 'Not ticked']}
            rows={summary.precautionExceptions.map((p) => ({ key: String(p.sessionId), cells: [<SessionLink key="s" id={p.sessionId} />, p.chartNumber, p.missing.join(', ')] }))}
          />
        </Section>
        <Section title="Adverse events" count={summary.adverseEvents.length}>
          <SimpleTable
            label="Adverse events"
            columns={['Session', 'Chart', 'Event']}
            rows={summary.adverseEvents.map((a) => ({
              key: String(a.sessionId),
              cells: [<SessionLink key="s" id={a.sessionId} />, a.chartNumber, adverseEventLabels[a.event as keyof typeof adverseEventLabels] ?? a.event],
            }))}
          />
        </Section>
        <Section title="Late entries" count={summary.lateEntries.length}>
          <SimpleTable
            label="Late entries"
            columns={['Record', 'Reason']}
            rows={summary.lateEntries.map((l) => ({
              key: `${l.entity}-${l.id}`,
              cells: [l.entity === 'session' ? <SessionLink key="s" id={l.id} /> : `Payment #${l.id}`, l.reason],
            }))}
          />
        </Section>
      </SimpleGrid>
      {isClosing && <CloseDayModal summary={summary} onClose={() => setIsClosing(false)} />}
    </Stack>
  );
}

function SessionLink({ id }: { id: number }) {
  return (
    <Anchor component={Link} to={`/sessions/${id}`}>
      #{id}
    </Anchor>
  );
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group gap="xs" mb={4}>
        <Title order={3} size="h5">
          {title}
        </Title>
        {count !== undefined && (count === 0 ? <StatusBadge tone="good">None</StatusBadge> : <StatusBadge tone="warning">{String(count)}</StatusBadge>)}
      </Group>
      {children}
    </Card>
  );
}

function SimpleTable({ label, columns, rows }: { label: string; columns: string[]; rows: Array<{ key: string; cells: ReactNode[] }> }) {
  if (rows.length === 0) return null;
  return (
    <Table fz="sm" aria-label={label} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c} scope="col">
              {c}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            {r.cells.map((cell, i) => (
              <Table.Td key={i}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

