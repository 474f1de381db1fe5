// One lot: what it is, its status and stock, every movement of its ledger, and the actions the acting user may take.
// Expired or recalled stock says so plainly and puts its ways out (quarantine, return, destroy) first.
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { LotView, StockItem } from '../../../db/inventory/inventory-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { canCall } from './form-numbers';
import { InventoryPageHeader } from './InventoryPageHeader';
import { describeExpiry, describeItem, formatCents, formatUnits } from './inventory-labels';
import { inventoryPaths } from './inventory-paths';
import { isDeadStock, lotActionsFor, type LotActionKind } from './lot-actions';
import { LotActionModal } from './LotActionModal';
import { LotStatusBadge } from './LotStatusBadge';
import { lotName } from './LotTable';
import { MovementTable } from './MovementTable';

export function LotDetailPage() {
  const lotId = Number(useParams().lotId);
  const detail = useApiQuery('inventory.lotDetail', { lotId }, { enabled: Number.isInteger(lotId) && lotId > 0 });
  if (!Number.isInteger(lotId) || lotId <= 0) return <InventoryPageHeader title="Lot not found" />;
  if (detail.isPending) return <PageLoader label="Loading lot" />;
  if (detail.isError) {
    return (
      <>
        <InventoryPageHeader title="Lot" />
        <ErrorAlert error={detail.error} />
      </>
    );
  }
  const { lot, item, movements } = detail.data;
  return (
    <>
      <InventoryPageHeader
        title={`Lot ${lotName(lot)}`}
        description={
          <>
            <Anchor component={Link} to={inventoryPaths.lots(item.id)}>
              {item.name}
            </Anchor>{' '}
            · {describeItem(item)}
          </>
        }
      />
      <LotFacts lot={lot} />
      <LotActions lot={lot} item={item} />
      <Stack gap="xs" component="section" aria-labelledby="lot-movements">
        <Title order={2} size="h3" id="lot-movements">
          Movements
        </Title>
        <Text size="sm" c="dimmed">
          Every change to this lot, oldest first. On hand is worked out from these rows, never edited.
        </Text>
        <MovementTable movements={movements} label={`Movements of lot ${lotName(lot)}`} />
      </Stack>
    </>
  );
}

function LotFacts({ lot }: { lot: LotView }) {
  const { today } = useClinicSession();
  const expiry = describeExpiry(lot.expiryDate, today);
  const facts: Array<[string, ReactNode]> = [
    ['Status', <LotStatusBadge key="s" status={lot.effectiveStatus} />],
    ['On hand', formatUnits(lot.onHand, lot.unit)],
    ['Expiry', expiry.tone === 'neutral' ? expiry.text : <StatusBadge key="e" tone={expiry.tone}>{expiry.text}</StatusBadge>],
    ['First received', lot.firstReceivedOn],
    ['Unit cost', formatCents(lot.unitCostCents)],
  ];
  if (lot.recallReference) facts.push(['Recall notice', `${lot.recallReference}${lot.recalledOn ? ` (${lot.recalledOn})` : ''}`]);
  return (
    <Card withBorder>
      <SimpleGrid component="dl" cols={{ base: 2, md: facts.length }} spacing="md" m={0} aria-label="Lot facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function LotActions({ lot, item }: { lot: LotView; item: StockItem }) {
  const { acting } = useClinicSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState<LotActionKind | null>(null);
  const offers = lotActionsFor(lot, acting.role);
  const canTrace = canCall('inventory.traceLot', acting.role);
  const isDead = isDeadStock(lot);
  return (
    <Stack gap="xs">
      {isDead && (
        <Alert color="red" variant="light" title={lot.effectiveStatus === 'recalled' ? '✗ Recalled: do not use on a patient' : '✗ Expired: do not use on a patient'}>
          {lot.effectiveStatus === 'recalled'
            ? `Recalled under notice ${lot.recallReference ?? '(none given)'}. `
            : `The sterility claim ended on ${lot.expiryDate ?? ''}. `}
          The {formatUnits(lot.onHand, lot.unit)} left can still be{' '}
          {lot.status === 'recalled' ? 'returned to the supplier or destroyed with a witness.' : 'quarantined, returned to the supplier or destroyed with a witness.'}
          {offers.every((o) => !o.isWayOut) && ' Ask a manager to do it.'}
        </Alert>
      )}
      <Group gap="sm" role="group" aria-label="Lot actions">
        {offers.map((offer) => (
          <Button
            key={offer.kind}
            variant={offer.isWayOut ? 'filled' : 'default'}
            color={offer.isWayOut ? 'red' : undefined}
            onClick={() => setOpen(offer.kind)}
          >
            {offer.label}
          </Button>
        ))}
        {canTrace && (
          <Button component={Link} to={inventoryPaths.trace(lot.id)} variant={lot.status === 'recalled' ? 'light' : 'subtle'}>
            Recall trace
          </Button>
        )}
        {offers.length === 0 && lot.status !== 'destroyed' && (
          <Text size="sm" c="dimmed">
            Your role can view this lot but not change it.
          </Text>
        )}
      </Group>
      {open && (
        <LotActionModal
          kind={open}
          lot={lot}
          item={item}
          onClose={() => setOpen(null)}
          onRecalled={() => {
            setOpen(null);
            void navigate(inventoryPaths.trace(lot.id));
          }}
        />
      )}
    </Stack>
  );
}
