// Balances still open: self-pay visits with money due (or a credit to refund) and packages not fully paid.
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SessionView } from '../../../db/sessions/sessions-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatCents } from './money';
import { RecordPaymentModal } from './RecordPaymentModal';

export function OutstandingPanel() {
  const { acting } = useClinicSession();
  const outstanding = useApiQuery('revenue.outstanding', {});
  const [paying, setPaying] = useState<SessionView | null>(null);
  if (outstanding.isPending) return <PageLoader label="Loading balances" />;
  if (outstanding.isError) return <ErrorAlert error={outstanding.error} />;
  const { sessions, packages, totalDueCents, totalCreditCents } = outstanding.data;
  const canPay = acting.role !== 'auditor';

  return (
    <Stack>
      <Group gap="xl" role="group" aria-label="Outstanding totals">
        <Text>
          Due from patients: <strong>{formatCents(totalDueCents)}</strong>
        </Text>
        <Text>
          Credits to refund: <strong>{formatCents(totalCreditCents)}</strong>
        </Text>
      </Group>
      <Title order={2} size="h4">
        Self-pay visits
      </Title>
      {sessions.length === 0 ? (
        <Text>Every self-pay visit is settled.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760} data-print="full-width">
          <Table striped fz="sm" aria-label="Visits with a balance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Session</Table.Th>
                <Table.Th scope="col">Chart</Table.Th>
                <Table.Th scope="col">Therapist</Table.Th>
                <Table.Th scope="col" ta="right">
                  Price
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Paid
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Balance
                </Table.Th>
                <Table.Th scope="col" data-print="hide">
                  Action
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.sessionDate}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/sessions/${s.id}`}>
                      #{s.id}
                    </Anchor>
                    {s.status === 'voided' ? ' (voided)' : ''}
                  </Table.Td>
                  <Table.Td>{s.chartNumber}</Table.Td>
                  <Table.Td>{s.therapistName}</Table.Td>
                  <Table.Td ta="right">{formatCents(s.priceCents)}</Table.Td>
                  <Table.Td ta="right">{formatCents(s.paidCents)}</Table.Td>
                  <Table.Td ta="right">{s.balanceCents < 0 ? `${formatCents(-s.balanceCents)} credit` : formatCents(s.balanceCents)}</Table.Td>
                  <Table.Td data-print="hide">
                    {canPay && s.balanceCents > 0 && s.status === 'recorded' && (
                      <Button size="compact-sm" variant="default" aria-label={`Record payment for session #${s.id}`} onClick={() => setPaying(s)}>
                        Record payment
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={2} size="h4">
        Packages
      </Title>
      {packages.length === 0 ? (
        <Text>Every package is paid.</Text>
      ) : (
        <Table striped fz="sm" aria-label="Packages with a balance">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Sold</Table.Th>
              <Table.Th scope="col">Chart</Table.Th>
              <Table.Th scope="col">Package</Table.Th>
              <Table.Th scope="col" ta="right">
                Price
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Paid
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Balance
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {packages.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.soldOn}</Table.Td>
                <Table.Td>{p.chartNumber}</Table.Td>
                <Table.Td>
                  #{p.id} {p.name}
                  {p.status === 'voided' ? ' (voided)' : ''}
                </Table.Td>
                <Table.Td ta="right">{formatCents(p.priceCents)}</Table.Td>
                <Table.Td ta="right">{formatCents(p.paidCents)}</Table.Td>
                <Table.Td ta="right">{p.balanceCents < 0 ? `${formatCents(-p.balanceCents)} credit` : formatCents(p.balanceCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {paying && <RecordPaymentModal session={paying} onClose={() => setPaying(null)} />}
    </Stack>
  );
}
