// Every movement of a lot, oldest first: when, who recorded it, what it was, and the lot's stock and status after it.
import { Table, Text } from '@mantine/core';
import type { MovementView } from '../../../db/inventory/inventory-contract';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { formatLocalDateTime } from '../../lib/format';
import { formatSignedQuantity, lotStatusStyleOf, movementKindLabels } from './inventory-labels';
import { movementDetails } from './movement-details';

export function MovementTable({ movements, label }: { movements: MovementView[]; label: string }) {
  const { clinic } = useClinicSession();
  if (movements.length === 0) return <Text>No movements yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Movement</Table.Th>
            <Table.Th scope="col" ta="right">Quantity</Table.Th>
            <Table.Th scope="col" ta="right">On hand after</Table.Th>
            <Table.Th scope="col">Status after</Table.Th>
            <Table.Th scope="col">Recorded by</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movements.map((movement) => (
            <Table.Tr key={movement.id}>
              <Table.Td>{movement.occurredOn}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {movementKindLabels[movement.kind]}
              </Table.Th>
              <Table.Td ta="right" ff="monospace">
                {formatSignedQuantity(movement.quantity)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {movement.balanceAfter.toLocaleString('en-US')}
              </Table.Td>
              <Table.Td>{lotStatusStyleOf(movement.statusAfter).label}</Table.Td>
              <Table.Td>
                {movement.recordedByName}
                <Text size="xs" c="dimmed">
                  {formatLocalDateTime(movement.recordedAt, clinic.timeZone)}
                </Text>
              </Table.Td>
              <Table.Td>
                {movementDetails(movement).map((line) => (
                  <Text key={line} size="sm">
                    {line}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
