// Sharps containers: every container in service or awaiting pickup with its room, fill, needles, predicted
// fill-line date, flags and status; rooms needling without a container; register a container, record a pickup.
import { Alert, Anchor, Button, Group, List, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ContainerView, RoomWithoutContainer } from '../../../db/compliance/sharps-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { pluralize } from '../../lib/format';
import { canCall } from './compliance-forms';
import { containerFlagStyles, containerStatusStyles, describeFill } from './compliance-labels';
import { compliancePaths } from './compliance-paths';
import { CompliancePageHeader } from './CompliancePageHeader';
import { PrintButton, PrintOnlyNote, StyleBadge } from './ComplianceParts';
import { PickupModal, RegisterContainerModal } from './SharpsModals';

export function ContainersPage() {
  const { acting } = useClinicSession();
  const navigate = useNavigate();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [dialog, setDialog] = useState<'register' | 'pickup' | null>(null);
  const overview = useApiQuery('compliance.listContainers', { includeClosed });
  return (
    <>
      <CompliancePageHeader
        title="Sharps containers"
        description="Containers in service and awaiting pickup: fill, predicted fill-line date and flags. Open one for its checks."
        actions={
          <>
            {canCall('compliance.registerContainer', acting.role) && <Button onClick={() => setDialog('register')}>Register container</Button>}
            {canCall('compliance.recordPickup', acting.role) && (
              <Button variant="default" onClick={() => setDialog('pickup')}>
                Record pickup
              </Button>
            )}
            <PrintButton what="the sharps container list" />
          </>
        }
      />
      <Switch
        label="Show picked-up and voided containers"
        checked={includeClosed}
        onChange={(e) => setIncludeClosed(e.currentTarget.checked)}
        data-print="hide"
      />
      <PrintOnlyNote>{includeClosed ? 'All containers.' : 'Containers in service and sealed awaiting pickup.'}</PrintOnlyNote>
      {overview.isPending ? (
        <PageLoader label="Loading sharps containers" />
      ) : overview.isError ? (
        <ErrorAlert title="Could not load sharps containers" error={overview.error} />
      ) : (
        <Stack>
          <RoomsWithoutContainer rooms={overview.data.roomsWithoutContainer} />
          <ContainerTable containers={overview.data.containers} />
        </Stack>
      )}
      {dialog === 'register' && (
        <RegisterContainerModal
          onClose={() => setDialog(null)}
          onRegistered={(container) => {
            setDialog(null);
            void navigate(compliancePaths.container(container.id));
          }}
        />
      )}
      {dialog === 'pickup' && <PickupModal onClose={() => setDialog(null)} />}
    </>
  );
}

function RoomsWithoutContainer({ rooms }: { rooms: RoomWithoutContainer[] }) {
  if (rooms.length === 0) return null;
  return (
    <Alert color="red" variant="light" title="✗ Rooms needling without a sharps container in service" role="alert">
      <Text size="sm" mb={4}>
        Containers belong close to where needles are used (1910.1030(d)(4)(iii)(A)(2)(i)). Register one for each room:
      </Text>
      <List size="sm" aria-label="Rooms without a container">
        {rooms.map((room) => (
          <List.Item key={room.room}>
            <strong>{room.room}</strong>: {pluralize(room.sessions, 'needling session')} in the last 30 days, the last on {room.lastSessionOn}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function ContainerFlags({ container }: { container: Pick<ContainerView, 'flags'> }) {
  if (container.flags.length === 0) return <Text size="sm">None</Text>;
  return (
    <Group gap={4}>
      {container.flags.map((flag) => (
        <StyleBadge key={flag.code} style={containerFlagStyles[flag.code]} title={flag.message} />
      ))}
    </Group>
  );
}

function ContainerTable({ containers }: { containers: ContainerView[] }) {
  if (containers.length === 0) return <Text>No sharps containers to show. Register the container in each treatment room.</Text>;
  return (
    <Table.ScrollContainer minWidth={1050}>
      <Table striped highlightOnHover aria-label="Sharps containers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Container</Table.Th>
            <Table.Th scope="col">Room</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Last check</Table.Th>
            <Table.Th scope="col">Needles in</Table.Th>
            <Table.Th scope="col">Predicted fill line</Table.Th>
            <Table.Th scope="col">Flags</Table.Th>
            <Table.Th scope="col">In service</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {containers.map((c) => {
            const fill = describeFill(c);
            return (
              <Table.Tr key={c.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={compliancePaths.container(c.id)}>
                    {c.label}
                  </Anchor>
                  <Text size="xs" c="dimmed" fw={400}>
                    {[c.size, c.make].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.room}</Table.Td>
                <Table.Td miw={150}>
                  <StyleBadge style={containerStatusStyles[c.status]} />
                  {c.status === 'sealed' && (
                    <Text size="xs" c="dimmed">
                      sealed {c.sealedOn}, pickup by {c.pickupBy}
                    </Text>
                  )}
                  {c.status === 'picked_up' && (
                    <Text size="xs" c="dimmed">
                      {c.pickedUpOn}, manifest {c.manifestNumber}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td miw={130}>{fill.level}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {fill.percent}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {fill.needles}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.predictedFillLineOn ?? (c.status === 'in_service' ? 'Not enough use yet' : '—')}</Table.Td>
                <Table.Td miw={170}>
                  <ContainerFlags container={c} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    since {c.placedInServiceOn}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {pluralize(c.daysInService, 'day')}
                    {c.status === 'in_service' ? `; replace by ${c.replaceBy}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
