// Payments and refunds in the chosen range, with refunds limited to what was paid and voids for managers.
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { paymentMethodLabels, type PaymentView } from '../../../db/revenue/revenue-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import type { ChartRange } from '../dashboard/charts/date-range';
import { formatCents } from './money';
import { RefundModal } from './RefundModal';
import { VoidPaymentModal } from './VoidPaymentModal';

type Dialog = { kind: 'refund' | 'void'; payment: PaymentView } | null;

export function PaymentsPanel({ range }: { range: ChartRange }) {
  const { acting } = useClinicSession();
  const payments = useApiQuery('revenue.listPayments', { from: range.from, to: range.to });
  const [dialog, setDialog] = useState<Dialog>(null);
  const canRefund = acting.role === 'manager' || acting.role === 'therapist';
  const canVoid = acting.role === 'manager';

  if (payments.isPending) return <PageLoader label="Loading payments" />;
  if (payments.isError) return <ErrorAlert error={payments.error} />;
  const live = payments.data.filter((p) => p.status === 'recorded');
  const paidIn = live.filter((p) => p.kind === 'payment').reduce((t, p) => t + p.amountCents, 0);
  const paidOut = live.filter((p) => p.kind === 'refund').reduce((t, p) => t + p.amountCents, 0);

  return (
    <Stack>
      <Group gap="xl" role="group" aria-label="Payment totals">
        <Text size="sm">
          Payments: <strong>{formatCents(paidIn)}</strong>
        </Text>
        <Text size="sm">
          Refunds: <strong>{formatCents(paidOut)}</strong>
        </Text>
        <Text size="sm">
          Net collected: <strong>{formatCents(paidIn - paidOut)}</strong>
        </Text>
        <Text size="sm" c="dimmed">
          Void entries are listed but not counted.
        </Text>
      </Group>
      {payments.data.length === 0 ? (
        <Text>No payments or refunds in this range.</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000} data-print="full-width">
          <Table striped fz="sm" aria-label="Payments and refunds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">#</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Chart</Table.Th>
                <Table.Th scope="col">For</Table.Th>
                <Table.Th scope="col">Method</Table.Th>
                <Table.Th scope="col" ta="right">
                  Amount
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Refunded
                </Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">By</Table.Th>
                <Table.Th scope="col" data-print="hide">
                  Actions
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payments.data.map((p) => {
                const refundable = p.amountCents - p.refundedCents;
                return (
                  <Table.Tr key={p.id} c={p.status === 'voided' ? 'dimmed' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.paidOn}</Table.Td>
                    <Table.Td>{p.id}</Table.Td>
                    <Table.Td>{p.kind === 'payment' ? 'Payment' : `Refund of #${p.refundOfPaymentId ?? '?'}`}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.chartNumber}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {p.sessionId !== null ? (
                        <Anchor component={Link} to={`/sessions/${p.sessionId}`}>
                          Session #{p.sessionId}
                        </Anchor>
                      ) : p.packageId !== null ? (
                        `Package #${p.packageId}`
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{paymentMethodLabels[p.method]}</Table.Td>
                    <Table.Td ta="right">{formatCents(p.kind === 'refund' ? -p.amountCents : p.amountCents)}</Table.Td>
                    <Table.Td ta="right">{p.kind === 'payment' && p.refundedCents > 0 ? formatCents(p.refundedCents) : ''}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.status === 'voided' ? <StatusBadge tone="bad">Void</StatusBadge> : <Text size="sm">Recorded</Text>}
                        {p.afterCloseReason && <StatusBadge tone="warning">Late entry</StatusBadge>}
                      </Group>
                      {p.voidReason && <Text size="xs">{p.voidReason}</Text>}
                    </Table.Td>
                    <Table.Td>{p.recordedByName}</Table.Td>
                    <Table.Td data-print="hide">
                      <Group gap={4} wrap="nowrap">
                        {canRefund && p.kind === 'payment' && p.status === 'recorded' && refundable > 0 && (
                          <Button size="compact-sm" variant="default" aria-label={`Refund payment #${p.id}`} onClick={() => setDialog({ kind: 'refund', payment: p })}>
                            Refund
                          </Button>
                        )}
                        {canVoid && p.status === 'recorded' && (p.kind === 'refund' || p.refundedCents === 0) && (
                          <Button size="compact-sm" variant="subtle" color="red" aria-label={`Void ${p.kind} #${p.id}`} onClick={() => setDialog({ kind: 'void', payment: p })}>
                            Void
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'refund' && <RefundModal payment={dialog.payment} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'void' && <VoidPaymentModal payment={dialog.payment} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
