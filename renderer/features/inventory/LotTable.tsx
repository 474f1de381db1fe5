// Lots with their effective status, expiry, stock and cost; each lot number links to its ledger.
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LotView } from '../../../db/inventory/inventory-contract';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { StatusBadge } from '../../components/StatusBadge';
import { describeExpiry, formatCents, formatUnits } from './inventory-labels';
import { inventoryPaths } from './inventory-paths';
import { LotStatusBadge } from './LotStatusBadge';

export function lotName(lot: Pick<LotView, 'lotNumber' | 'id'>): string {
  return lot.lotNumber || `(no lot number) #${lot.id}`;
}

export function LotTable({ lots, label }: { lots: LotView[]; label: string }) {
  const { today } = useClinicSession();
  if (lots.length === 0) return <Text>No lots to show.</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Lot</Table.Th>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Expiry</Table.Th>
            <Table.Th scope="col" ta="right">On hand</Table.Th>
            <Table.Th scope="col">First received</Table.Th>
            <Table.Th scope="col" ta="right">Unit cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lots.map((lot) => {
            const expiry = describeExpiry(lot.expiryDate, today);
            return (
              <Table.Tr key={lot.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={inventoryPaths.lot(lot.id)}>
                    {lotName(lot)}
                  </Anchor>
                </Table.Th>
                <Table.Td>{lot.itemName}</Table.Td>
                <Table.Td miw={130}>
                  <LotStatusBadge status={lot.effectiveStatus} />
                  {lot.recallReference && (
                    <Text size="xs" c="dimmed">
                      notice {lot.recallReference}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td miw={expiry.tone === 'neutral' ? undefined : 200}>
                  {expiry.tone === 'neutral' ? expiry.text : <StatusBadge tone={expiry.tone}>{expiry.text}</StatusBadge>}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatUnits(lot.onHand, lot.unit)}
                </Table.Td>
                <Table.Td>{lot.firstReceivedOn}</Table.Td>
                <Table.Td ta="right">{formatCents(lot.unitCostCents)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
