// Stock alerts for the Dashboard and the inventory overview: expired lots, lots expiring within the warning
// thresholds, items at or below their reorder point (with a suggested order up to par), and lots likely to expire
// before they can be used. Only lots with stock count. Each entry links to its lot or item.
import { Anchor, Button, Group, Stack, Table, Text, Title, type TitleOrder } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { InventoryAlerts as Alerts, LotView } from '../../../db/inventory/inventory-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { pluralize } from '../../lib/format';
import { formatUnits } from './inventory-labels';
import { inventoryPaths } from './inventory-paths';
import { countAlerts, groupExpiring } from './overview-filters';

interface InventoryAlertsProps {
  /** Level of the "Stock alerts" heading; each kind of alert gets the next level. */
  headingOrder?: 2 | 3 | 4;
  /** Entries shown per list before "Show all". */
  limit?: number;
}

export function InventoryAlerts({ headingOrder = 2, limit = 5 }: InventoryAlertsProps) {
  const alerts = useApiQuery('inventory.alerts', {});
  const subOrder = (headingOrder + 1) as TitleOrder;
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={headingOrder} size="h3" id={headingId}>
        Stock alerts
      </Title>
      {alerts.isPending ? (
        <PageLoader label="Loading stock alerts" />
      ) : alerts.isError ? (
        <ErrorAlert title="Could not load stock alerts" error={alerts.error} />
      ) : countAlerts(alerts.data) === 0 ? (
        <Group gap="xs">
          <StatusBadge tone="good">No alerts</StatusBadge>
          <Text size="sm">No expired or expiring stock, and every item is above its reorder point.</Text>
        </Group>
      ) : (
        <AlertLists alerts={alerts.data} order={subOrder} limit={limit} />
      )}
    </Stack>
  );
}

function AlertLists({ alerts, order, limit }: { alerts: Alerts; order: TitleOrder; limit: number }) {
  return (
    <Stack gap="md">
      {alerts.expired.length > 0 && (
        <AlertList
          title="Expired"
          tone="bad"
          order={order}
          limit={limit}
          note="Do not use on a patient: quarantine, return or destroy."
          rows={alerts.expired.map((lot) => ({
            key: lot.id,
            cells: [<LotLink key="lot" lot={lot} />, lot.itemName, `expired ${lot.expiryDate ?? ''}`, formatUnits(lot.onHand, lot.unit)],
          }))}
          columns={['Lot', 'Item', 'Expiry', 'On hand']}
        />
      )}
      {groupExpiring(alerts.expiring).map((group) => (
        <AlertList
          key={group.withinDays}
          title={`Expiring within ${group.withinDays} days`}
          tone={group.withinDays <= 30 ? 'warning' : 'neutral'}
          order={order}
          limit={limit}
          rows={group.entries.map(({ lot, daysLeft }) => ({
            key: lot.id,
            cells: [<LotLink key="lot" lot={lot} />, lot.itemName, `${lot.expiryDate ?? ''} (${pluralize(daysLeft, 'day')} left)`, formatUnits(lot.onHand, lot.unit)],
          }))}
          columns={['Lot', 'Item', 'Expiry', 'On hand']}
        />
      ))}
      {alerts.belowReorder.length > 0 && (
        <AlertList
          title="Below reorder point"
          tone="warning"
          order={order}
          limit={limit}
          note="Suggested order brings usable stock up to the par level, in whole packs."
          rows={alerts.belowReorder.map(({ item, usableOnHand, suggestedOrderUnits, suggestedOrderPacks }) => ({
            key: item.id,
            cells: [
              <Anchor key="item" component={Link} to={inventoryPaths.lots(item.id)}>
                {item.name}
              </Anchor>,
              `${formatUnits(usableOnHand, item.unit)} usable (reorder at ${item.reorderPoint.toLocaleString('en-US')})`,
              `${formatUnits(suggestedOrderUnits, item.unit)} (${pluralize(suggestedOrderPacks, 'pack')})`,
            ],
          }))}
          columns={['Item', 'Usable stock', 'Suggested order']}
        />
      )}
      {alerts.likelyToExpireUnused.length > 0 && (
        <AlertList
          title="Likely to expire before use"
          tone="warning"
          order={order}
          limit={limit}
          note="At the last 90 days' rate of use, first-expiring lots first."
          rows={alerts.likelyToExpireUnused.map(({ lot, unitsAtRisk, usePerDay }) => ({
            key: lot.id,
            cells: [
              <LotLink key="lot" lot={lot} />,
              lot.itemName,
              lot.expiryDate ?? '',
              `${formatUnits(unitsAtRisk, lot.unit)} of ${lot.onHand.toLocaleString('en-US')}`,
              usePerDay === 0 ? 'not used lately' : `${usePerDay.toFixed(1)} a day`,
            ],
          }))}
          columns={['Lot', 'Item', 'Expiry', 'At risk', 'Use']}
        />
      )}
    </Stack>
  );
}

function LotLink({ lot }: { lot: LotView }) {
  return (
    <Anchor component={Link} to={inventoryPaths.lot(lot.id)}>
      {lot.lotNumber || `(no lot number) #${lot.id}`}
    </Anchor>
  );
}

interface AlertListProps {
  title: string;
  tone: 'bad' | 'warning' | 'neutral';
  order: TitleOrder;
  limit: number;
  note?: string;
  columns: string[];
  rows: Array<{ key: number; cells: ReactNode[] }>;
}

function AlertList({ title, tone, order, limit, note, columns, rows }: AlertListProps) {
  const [isShowingAll, setIsShowingAll] = useState(false);
  const shown = isShowingAll ? rows : rows.slice(0, limit);
  return (
    <div>
      <Group gap="xs" mb={4}>
        <Title order={order} size="h5">
          {title}
        </Title>
        <StatusBadge tone={tone}>{String(rows.length)}</StatusBadge>
      </Group>
      {note && (
        <Text size="xs" c="dimmed" mb={4}>
          {note}
        </Text>
      )}
      <Table aria-label={title} verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td key={index}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > limit && (
        <Button variant="subtle" size="compact-sm" onClick={() => setIsShowingAll((all) => !all)} aria-label={`${isShowingAll ? 'Show fewer' : 'Show all'}: ${title}`}>
          {isShowingAll ? 'Show fewer' : `Show all ${rows.length}`}
        </Button>
      )}
    </div>
  );
}
