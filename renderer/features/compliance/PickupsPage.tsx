// Waste pickups: sealed containers waiting for the hauler, and every pickup with its manifest, containers,
// weight and certificate of destruction; record a pickup, a certificate, or void a pickup (managers).
import { Anchor, Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ContainerView, PickupView } from '../../../db/compliance/sharps-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { canCall } from './compliance-forms';
import { fillLevelShort } from './compliance-labels';
import { compliancePaths } from './compliance-paths';
import { CompliancePageHeader } from './CompliancePageHeader';
import { PrintButton, ToneBadge, VoidRecordModal, VoidRowButton } from './ComplianceParts';
import { ContainerFlags } from './ContainersPage';
import { CertificateModal, PickupModal } from './SharpsModals';
import { highlightProps, useHighlightedId } from './useHighlightedId';

type Dialog = { kind: 'pickup' } | { kind: 'certificate'; pickup: PickupView } | { kind: 'void'; pickup: PickupView };

export function PickupsPage() {
  const { acting } = useClinicSession();
  const [includeVoided, setIncludeVoided] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const pickups = useApiQuery('compliance.listPickups', { includeVoided });
  const containers = useApiQuery('compliance.listContainers', { includeClosed: false });
  const isManager = canCall('compliance.recordPickup', acting.role);
  const close = () => setDialog(null);
  return (
    <>
      <CompliancePageHeader
        title="Waste pickups"
        description="Sealed containers leave with a registered hauler on a manifest; the certificate of destruction follows."
        actions={
          <>
            {isManager && <Button onClick={() => setDialog({ kind: 'pickup' })}>Record pickup</Button>}
            <PrintButton what="the waste pickups" />
          </>
        }
      />
      <Stack gap="xs" component="section" aria-labelledby="awaiting-pickup">
        <Title order={2} size="h3" id="awaiting-pickup">
          Sealed, awaiting pickup
        </Title>
        {containers.isPending ? (
          <PageLoader label="Loading sealed containers" />
        ) : containers.isError ? (
          <ErrorAlert error={containers.error} />
        ) : (
          <AwaitingTable containers={containers.data.containers.filter((c) => c.status === 'sealed')} />
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="pickup-list">
        <Group justify="space-between">
          <Title order={2} size="h3" id="pickup-list">
            Pickups
          </Title>
          <Switch label="Show voided pickups" checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} data-print="hide" />
        </Group>
        {pickups.isPending ? (
          <PageLoader label="Loading pickups" />
        ) : pickups.isError ? (
          <ErrorAlert error={pickups.error} />
        ) : (
          <PickupTable pickups={pickups.data} isManager={isManager} onCertificate={(pickup) => setDialog({ kind: 'certificate', pickup })} onVoid={(pickup) => setDialog({ kind: 'void', pickup })} />
        )}
      </Stack>
      {dialog?.kind === 'pickup' && <PickupModal onClose={close} />}
      {dialog?.kind === 'certificate' && <CertificateModal pickup={dialog.pickup} onClose={close} />}
      {dialog?.kind === 'void' && <VoidRecordModal method="compliance.voidPickup" id={dialog.pickup.id} what={`pickup ${dialog.pickup.manifestNumber}`} onClose={close} />}
    </>
  );
}

function AwaitingTable({ containers }: { containers: ContainerView[] }) {
  if (containers.length === 0) return <Text>No sealed containers are waiting for pickup.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped aria-label="Sealed containers awaiting pickup">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Container</Table.Th>
            <Table.Th scope="col">Room</Table.Th>
            <Table.Th scope="col">Sealed</Table.Th>
            <Table.Th scope="col">Pickup by</Table.Th>
            <Table.Th scope="col">Flags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {containers.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={compliancePaths.container(c.id)}>
                  {c.label}
                </Anchor>
              </Table.Th>
              <Table.Td>{c.room}</Table.Td>
              <Table.Td>
                {c.sealedOn} {c.sealedLevel ? `at ${fillLevelShort[c.sealedLevel]}` : ''}
              </Table.Td>
              <Table.Td>{c.pickupBy}</Table.Td>
              <Table.Td>
                <ContainerFlags container={c} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface PickupTableProps {
  pickups: PickupView[];
  isManager: boolean;
  onCertificate: (pickup: PickupView) => void;
  onVoid: (pickup: PickupView) => void;
}

function PickupTable({ pickups, isManager, onCertificate, onVoid }: PickupTableProps) {
  const highlighted = useHighlightedId('id');
  if (pickups.length === 0) return <Text>No pickups recorded yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped aria-label="Waste pickups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Manifest</Table.Th>
            <Table.Th scope="col">Picked up</Table.Th>
            <Table.Th scope="col">Hauler</Table.Th>
            <Table.Th scope="col">Containers</Table.Th>
            <Table.Th scope="col">Weight</Table.Th>
            <Table.Th scope="col">Certificate of destruction</Table.Th>
            <Table.Th scope="col">Keep until</Table.Th>
            {isManager && (
              <Table.Th scope="col" data-print="hide">
                Actions
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pickups.map((p) => {
            const isVoided = p.status === 'voided';
            return (
              <Table.Tr key={p.id} {...highlightProps(p.id === highlighted)}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {p.manifestNumber}
                  {isVoided && (
                    <Text size="xs">
                      <ToneBadge tone="neutral">Voided</ToneBadge> {p.voidReason}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.pickedUpOn}</Table.Td>
                <Table.Td>{p.hauler}</Table.Td>
                <Table.Td>
                  {p.containers.map((c, index) => (
                    <span key={c.id}>
                      {index > 0 && ', '}
                      <Anchor component={Link} to={compliancePaths.container(c.id)}>
                        {c.label}
                      </Anchor>{' '}
                      ({c.room})
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>{p.weight === null ? 'Not weighed' : `${p.weight} ${p.weightUnit ?? ''}`}</Table.Td>
                <Table.Td>
                  {p.certificateReference ? (
                    <>
                      <ToneBadge tone="good">Received</ToneBadge>
                      <Text size="xs">
                        {p.certificateReference}, {p.certificateReceivedOn}
                      </Text>
                    </>
                  ) : (
                    <ToneBadge tone={isVoided ? 'neutral' : 'warning'}>Not received yet</ToneBadge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.retainUntil}</Table.Td>
                {isManager && (
                  <Table.Td data-print="hide">
                    {!isVoided && (
                      <Group gap={4} wrap="nowrap">
                        {!p.certificateReference && (
                          <Button size="compact-sm" variant="light" onClick={() => onCertificate(p)} aria-label={`Record the certificate for manifest ${p.manifestNumber}`}>
                            Record certificate
                          </Button>
                        )}
                        <VoidRowButton onClick={() => onVoid(p)} aria-label={`Void pickup ${p.manifestNumber}`} />
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
