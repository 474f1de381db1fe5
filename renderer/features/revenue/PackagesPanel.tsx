// Prepaid packages: visits left and balance per package, filtered by chart; selling a new one.
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCents } from './money';
import { SellPackageModal } from './SellPackageModal';

export function PackagesPanel() {
  const { acting } = useClinicSession();
  const [chart, setChart] = useState('');
  const [debouncedChart] = useDebouncedValue(chart.trim(), 300);
  const packages = useApiQuery('revenue.listPackages', debouncedChart ? { chartNumber: debouncedChart } : {});
  const [isSelling, setIsSelling] = useState(false);
  const withVisits = (packages.data ?? []).filter((p) => p.status === 'active' && p.visitsLeft > 0);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput label="Chart number" description="Blank lists every package" value={chart} onChange={(e) => setChart(e.currentTarget.value)} w={220} />
        {acting.role !== 'auditor' && <Button onClick={() => setIsSelling(true)}>Sell package</Button>}
      </Group>
      {packages.isPending ? (
        <PageLoader label="Loading packages" />
      ) : packages.isError ? (
        <ErrorAlert error={packages.error} />
      ) : packages.data.length === 0 ? (
        <Text>No packages{debouncedChart ? ` for chart ${debouncedChart}` : ''}.</Text>
      ) : (
        <>
          <Text size="sm">
            {withVisits.length} active with visits left, {withVisits.reduce((t, p) => t + p.visitsLeft, 0)} prepaid visits owed.
          </Text>
          <Table.ScrollContainer minWidth={820} data-print="full-width">
            <Table striped fz="sm" aria-label="Packages">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Sold</Table.Th>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">Chart</Table.Th>
                  <Table.Th scope="col">Package</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Visits left
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Price
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Paid
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Balance
                  </Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {packages.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.soldOn}</Table.Td>
                    <Table.Td>{p.id}</Table.Td>
                    <Table.Td>{p.chartNumber}</Table.Td>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td ta="right">
                      {p.visitsLeft} of {p.visitsTotal}
                    </Table.Td>
                    <Table.Td ta="right">{formatCents(p.priceCents)}</Table.Td>
                    <Table.Td ta="right">{formatCents(p.paidCents)}</Table.Td>
                    <Table.Td ta="right">{formatCents(p.balanceCents)}</Table.Td>
                    <Table.Td>
                      {p.status === 'voided' ? (
                        <StatusBadge tone="bad">Voided</StatusBadge>
                      ) : p.visitsLeft === 0 ? (
                        <StatusBadge tone="neutral">Used up</StatusBadge>
                      ) : (
                        <StatusBadge tone="good">Active</StatusBadge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {isSelling && <SellPackageModal onClose={() => setIsSelling(false)} />}
    </Stack>
  );
}
