// Recall trace of a lot: every use with its date, session, chart number, therapist and quantity, with totals;
// downloadable as CSV (from the API) and printable without the app frame.
import { printPage } from '../../lib/print-page';
import { Anchor, Button, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { LotTrace } from '../../../db/inventory/inventory-contract';
import { useApiClient } from '../../api/ApiClientProvider';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { pluralize } from '../../lib/format';
import { downloadTextFile } from './download-text-file';
import { InventoryPageHeader } from './InventoryPageHeader';
import { formatUnits } from './inventory-labels';
import { inventoryPaths } from './inventory-paths';
import { LotStatusBadge } from './LotStatusBadge';
import { lotName } from './LotTable';

/** Printing the trace prints the trace: the app's header, navigation and page buttons stay on screen. */
const printCss = `
  .mantine-AppShell-header, .mantine-AppShell-navbar, [data-no-print] { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; min-height: 0 !important; }
  body { background: #fff !important; }
  table { font-size: 10pt; }
  a { color: inherit !important; text-decoration: none !important; }
`;

export function LotTracePage() {
  const lotId = Number(useParams().lotId);
  const isValidId = Number.isInteger(lotId) && lotId > 0;
  const trace = useApiQuery('inventory.traceLot', { lotId }, { enabled: isValidId });
  if (!isValidId) return <InventoryPageHeader title="Lot not found" />;
  if (trace.isPending) return <PageLoader label="Loading recall trace" />;
  if (trace.isError) {
    return (
      <>
        <InventoryPageHeader title="Recall trace" />
        <ErrorAlert error={trace.error} />
      </>
    );
  }
  return <TraceView trace={trace.data} />;
}

function TraceView({ trace }: { trace: LotTrace }) {
  const client = useApiClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [isDownloading, setIsDownloading] = useState(false);
  const { lot, item } = trace;

  const downloadCsv = async () => {
    setDownloadError(null);
    setIsDownloading(true);
    try {
      const file = await client.call('inventory.traceLotCsv', { lotId: lot.id });
      downloadTextFile(file.fileName, file.csv, 'text/csv');
    } catch (error) {
      setDownloadError(error);
    } finally {
      setIsDownloading(false);
    }
  };

  return (
    <>
      <style media="print">{printCss}</style>
      <InventoryPageHeader
        title={`Recall trace: lot ${lotName(lot)}`}
        description={item.name}
        actions={
          <>
            <Button onClick={() => void downloadCsv()} loading={isDownloading}>
              Download CSV
            </Button>
            <Button variant="default" onClick={() => void printPage('recall trace')}>
              Print
            </Button>
            <Button variant="subtle" component={Link} to={inventoryPaths.lot(lot.id)}>
              Back to lot
            </Button>
          </>
        }
      />
      {downloadError !== null && <ErrorAlert title="Could not download the trace" error={downloadError} />}
      <Card withBorder>
        <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" m={0} aria-label="Trace summary">
          <Fact label="Item">{item.name}</Fact>
          <Fact label="Lot">
            <Anchor component={Link} to={inventoryPaths.lot(lot.id)}>
              {lotName(lot)}
            </Anchor>
          </Fact>
          <Fact label="Expiry">{lot.expiryDate ?? 'No expiry'}</Fact>
          <Fact label="Status">
            <LotStatusBadge status={lot.effectiveStatus} />
          </Fact>
          <Fact label="Recall notice">{lot.recallReference ? `${lot.recallReference}${lot.recalledOn ? ` (${lot.recalledOn})` : ''}` : 'Not recalled'}</Fact>
          <Fact label="Total used">{formatUnits(trace.totalUsed, lot.unit)}</Fact>
          <Fact label="Sessions affected">{String(trace.sessionsAffected)}</Fact>
          <Fact label="Still on hand">{formatUnits(lot.onHand, lot.unit)}</Fact>
        </SimpleGrid>
      </Card>
      <Stack gap="xs" component="section" aria-labelledby="trace-uses">
        <Title order={2} size="h3" id="trace-uses">
          Uses
        </Title>
        <Text size="sm" c="dimmed">
          Every use of this lot. Uses recorded with a session show its chart number and therapist; reversed uses are listed but not counted.
        </Text>
        <UsesTable trace={trace} />
      </Stack>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

function UsesTable({ trace }: { trace: LotTrace }) {
  const { lot } = trace;
  if (trace.uses.length === 0) return <Text>No use of this lot is recorded.</Text>;
  return (
    <Table striped aria-label={`Uses of lot ${lotName(lot)}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Date</Table.Th>
          <Table.Th scope="col">Session</Table.Th>
          <Table.Th scope="col">Chart number</Table.Th>
          <Table.Th scope="col">Therapist</Table.Th>
          <Table.Th scope="col" ta="right">
            {lot.itemKind === 'needle' ? 'Needles' : 'Quantity'}
          </Table.Th>
          <Table.Th scope="col">Recorded by</Table.Th>
          <Table.Th scope="col">Reversed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {trace.uses.map((use) => (
          <Table.Tr key={use.movementId} style={use.isReversed ? { textDecoration: 'line-through' } : undefined}>
            <Table.Td>{use.occurredOn}</Table.Td>
            <Table.Td>{use.sessionId === null ? 'Not linked' : `#${use.sessionId}`}</Table.Td>
            <Table.Td>{use.chartNumber ?? '—'}</Table.Td>
            <Table.Td>{use.therapistName ?? '—'}</Table.Td>
            <Table.Td ta="right">{use.quantity.toLocaleString('en-US')}</Table.Td>
            <Table.Td>{use.staffName}</Table.Td>
            <Table.Td>{use.isReversed ? <StatusBadge tone="neutral">Reversed</StatusBadge> : 'No'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row" colSpan={4}>
            Total ({pluralize(trace.sessionsAffected, 'session')}, reversed uses left out)
          </Table.Th>
          <Table.Td ta="right" fw={700}>
            {trace.totalUsed.toLocaleString('en-US')}
          </Table.Td>
          <Table.Td colSpan={2} />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
