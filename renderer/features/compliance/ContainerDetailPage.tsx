// One sharps container: its facts and flags, the actions its state allows (fill check, seal and remove, pickup,
// void), and every fill check with who checked it.
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { ContainerView, FillCheckView } from '../../../db/compliance/sharps-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { pluralize } from '../../lib/format';
import { canCall } from './compliance-forms';
import { containerFlagStyles, containerStatusStyles, describeFill, fillLevelShort } from './compliance-labels';
import { compliancePaths } from './compliance-paths';
import { CompliancePageHeader } from './CompliancePageHeader';
import { FactsGrid, StyleBadge, ToneBadge, VoidRecordModal, VoidRowButton } from './ComplianceParts';
import { FillCheckModal, PickupModal, SealModal } from './SharpsModals';

type Dialog = { kind: 'check' } | { kind: 'seal' } | { kind: 'pickup' } | { kind: 'void' } | { kind: 'voidCheck'; check: FillCheckView };

export function ContainerDetailPage() {
  const id = Number(useParams().containerId);
  const isValidId = Number.isInteger(id) && id > 0;
  const detail = useApiQuery('compliance.containerDetail', { id }, { enabled: isValidId });
  if (!isValidId) return <CompliancePageHeader title="Container not found" />;
  if (detail.isPending) return <PageLoader label="Loading the container" />;
  if (detail.isError) {
    return (
      <>
        <CompliancePageHeader title="Sharps container" />
        <ErrorAlert error={detail.error} />
      </>
    );
  }
  const { container, checks, sessions } = detail.data;
  return <ContainerDetail container={container} checks={checks} sessions={sessions} />;
}

function ContainerDetail({ container: c, checks, sessions }: { container: ContainerView; checks: FillCheckView[]; sessions: number }) {
  const { acting } = useClinicSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const fill = describeFill(c);
  const facts: Array<[string, ReactNode]> = [
    ['Status', <StyleBadge key="s" style={containerStatusStyles[c.status]} />],
    ['Room', c.room],
    ['Placed in service', c.placedInServiceOn],
    ['Days in service', pluralize(c.daysInService, 'day')],
    ['Last check', fill.level],
    ['Needles in', fill.estimate],
    ['Sessions using it', String(sessions)],
    ['Predicted fill line', c.predictedFillLineOn ?? '—'],
  ];
  if (c.status === 'in_service') facts.push(['Replace by', c.replaceBy]);
  if (c.sealedOn) facts.push(['Sealed', `${c.sealedOn} at ${c.sealedLevel ? fillLevelShort[c.sealedLevel] : '?'} by ${c.sealedByName ?? '?'}`]);
  if (c.pickupBy && c.status === 'sealed') facts.push(['Pickup by', c.pickupBy]);
  if (c.pickedUpOn && c.pickupId !== null) {
    facts.push([
      'Picked up',
      <Anchor key="p" component={Link} to={compliancePaths.pickups(c.pickupId)}>
        {c.pickedUpOn}, manifest {c.manifestNumber}
      </Anchor>,
    ]);
  }
  if (c.retainUntil) facts.push(['Keep the log until', c.retainUntil]);
  if (c.voidReason) facts.push(['Voided because', c.voidReason]);

  const isInService = c.status === 'in_service';
  const actions = [
    isInService && canCall('compliance.recordFillCheck', acting.role) && (
      <Button key="check" onClick={() => setDialog({ kind: 'check' })}>
        Record fill check
      </Button>
    ),
    isInService && canCall('compliance.sealContainer', acting.role) && (
      <Button key="seal" color={c.flags.some((f) => f.code === 'fill_line_reached') ? 'red' : undefined} variant={c.flags.length > 0 ? 'filled' : 'default'} onClick={() => setDialog({ kind: 'seal' })}>
        Seal and remove
      </Button>
    ),
    c.status === 'sealed' && canCall('compliance.recordPickup', acting.role) && (
      <Button key="pickup" onClick={() => setDialog({ kind: 'pickup' })}>
        Record pickup
      </Button>
    ),
    isInService && canCall('compliance.voidContainer', acting.role) && (
      <Button key="void" variant="subtle" color="red" onClick={() => setDialog({ kind: 'void' })}>
        Void container
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      <CompliancePageHeader
        title={`Sharps container ${c.label}`}
        description={
          <>
            <Anchor component={Link} to={compliancePaths.containers}>
              Sharps containers
            </Anchor>{' '}
            · {c.room} · {[c.size, c.make].filter(Boolean).join(' · ')}
          </>
        }
      />
      {c.flags.length > 0 && (
        <Stack gap="xs" aria-label="Container flags" role="group">
          {c.flags.map((flag) => {
            const style = containerFlagStyles[flag.code];
            return (
              <Alert key={flag.code} color={style.tone === 'bad' ? 'red' : 'yellow'} variant="light" title={`${style.tone === 'bad' ? '✗' : '!'} ${style.label}`}>
                {flag.message}
              </Alert>
            );
          })}
        </Stack>
      )}
      <FactsGrid label="Container facts" facts={facts} />
      <Group gap="sm" role="group" aria-label="Container actions" data-print="hide">
        {actions}
        {actions.length === 0 && (
          <Text size="sm" c="dimmed">
            {isInService ? 'Your role can view this container but not change it.' : 'Nothing more to record for this container.'}
          </Text>
        )}
      </Group>
      <Stack gap="xs" component="section" aria-labelledby="container-checks">
        <Title order={2} size="h3" id="container-checks">
          Fill checks
        </Title>
        <FillCheckTable checks={checks} label={`Fill checks of ${c.label}`} canVoid={canCall('compliance.voidFillCheck', acting.role)} onVoid={(check) => setDialog({ kind: 'voidCheck', check })} />
      </Stack>
      {dialog?.kind === 'check' && <FillCheckModal container={c} onClose={close} />}
      {dialog?.kind === 'seal' && <SealModal container={c} onClose={close} />}
      {dialog?.kind === 'pickup' && <PickupModal preselected={[c.id]} onClose={close} />}
      {dialog?.kind === 'void' && <VoidRecordModal method="compliance.voidContainer" id={c.id} what={`container ${c.label}`} onClose={close} />}
      {dialog?.kind === 'voidCheck' && <VoidRecordModal method="compliance.voidFillCheck" id={dialog.check.id} what={`the fill check of ${dialog.check.checkedOn}`} onClose={close} />}
    </>
  );
}

function FillCheckTable({ checks, label, canVoid, onVoid }: { checks: FillCheckView[]; label: string; canVoid: boolean; onVoid: (check: FillCheckView) => void }) {
  if (checks.length === 0) return <Text>No fill checks yet. Check the container at least weekly.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Checked on</Table.Th>
            <Table.Th scope="col">Level</Table.Th>
            <Table.Th scope="col">Upright and closed</Table.Th>
            <Table.Th scope="col">Checked by</Table.Th>
            <Table.Th scope="col">Note</Table.Th>
            {canVoid && (
              <Table.Th scope="col" data-print="hide">
                Actions
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((check) => (
            <Table.Tr key={check.id} c={check.isVoided ? 'dimmed' : undefined}>
              <Table.Th scope="row" fw={500}>
                {check.checkedOn}
                {check.isVoided && (
                  <Text size="xs">
                    <ToneBadge tone="neutral">Voided</ToneBadge> {check.voidReason}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{fillLevelShort[check.level]}</Table.Td>
              <Table.Td>{check.isUprightAndClosed ? <ToneBadge tone="good">Yes</ToneBadge> : <ToneBadge tone="bad">No</ToneBadge>}</Table.Td>
              <Table.Td>{check.checkedByName}</Table.Td>
              <Table.Td>{check.note}</Table.Td>
              {canVoid && (
                <Table.Td data-print="hide">
                  {!check.isVoided && (
                    <VoidRowButton onClick={() => onVoid(check)} aria-label={`Void the fill check of ${check.checkedOn}`} />
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
