// Inventory overview: stock alerts, then every item with on hand, usable stock, reorder state, nearest expiry and
// days of cover at the last 30 and 90 days' rate of use, filtered by kind, category, search and reorder state.
import { Anchor, Button, Card, Group, NativeSelect, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { itemCategories, itemKinds, type InventoryOverviewRow } from '../../../db/inventory/inventory-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { pluralize } from '../../lib/format';
import { canCall } from './form-numbers';
import { InventoryAlerts } from './InventoryAlerts';
import { InventoryPageHeader } from './InventoryPageHeader';
import { describeExpiry, describeItem, formatDaysOfCover, formatUnits, itemCategoryLabels, itemKindLabels, reorderStateOf } from './inventory-labels';
import { inventoryPaths } from './inventory-paths';
import { filterOverviewRows, noOverviewFilters, toOverviewInput, type OverviewFilterValues } from './overview-filters';

export function InventoryOverviewPage() {
  const { acting } = useClinicSession();
  const [filters, setFilters] = useState<OverviewFilterValues>(noOverviewFilters);
  const overview = useApiQuery('inventory.overview', toOverviewInput(filters));
  const rows = useMemo(() => filterOverviewRows(overview.data ?? [], filters), [overview.data, filters]);

  return (
    <>
      <InventoryPageHeader
        title="Inventory"
        description="Needles and PPE on one stock ledger: on hand, reorder state, expiry and days of cover."
        actions={
          canCall('inventory.receiveDelivery', acting.role) && (
            <Button component={Link} to={inventoryPaths.receive}>
              Receive stock
            </Button>
          )
        }
      />
      <Card withBorder>
        <InventoryAlerts headingOrder={2} />
      </Card>
      <Stack gap="sm" component="section" aria-labelledby="stock-by-item">
        <Title order={2} size="h3" id="stock-by-item">
          Stock by item
        </Title>
        <OverviewFilters values={filters} onChange={setFilters} />
        {overview.isPending ? (
          <PageLoader label="Loading stock" />
        ) : overview.isError ? (
          <ErrorAlert error={overview.error} />
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              Showing {pluralize(rows.length, 'item')} of {overview.data.length}. Usable stock is available and in date; cover is the days it
              lasts at the average use of the last 30 or 90 days.
            </Text>
            <OverviewTable rows={rows} />
          </>
        )}
      </Stack>
    </>
  );
}

function OverviewFilters({ values, onChange }: { values: OverviewFilterValues; onChange: (values: OverviewFilterValues) => void }) {
  const kindOptions = [{ value: '', label: 'Any kind' }, ...itemKinds.map((kind) => ({ value: kind, label: itemKindLabels[kind] }))];
  const categoryOptions = [{ value: '', label: 'Any category' }, ...itemCategories.map((c) => ({ value: c, label: itemCategoryLabels[c] }))];
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Inventory filters">
      <NativeSelect label="Kind" data={kindOptions} value={values.kind} onChange={(e) => onChange({ ...values, kind: e.currentTarget.value })} w={140} />
      <NativeSelect label="Category" data={categoryOptions} value={values.category} onChange={(e) => onChange({ ...values, category: e.currentTarget.value })} w={190} />
      <TextInput
        type="search"
        label="Search"
        placeholder="Name, maker, GTIN, size"
        value={values.search}
        onChange={(e) => onChange({ ...values, search: e.currentTarget.value })}
        w={240}
      />
      <Switch
        label="Below reorder point only"
        checked={values.isBelowReorderOnly}
        onChange={(e) => onChange({ ...values, isBelowReorderOnly: e.currentTarget.checked })}
        mb={8}
      />
      <Button variant="subtle" onClick={() => onChange(noOverviewFilters)} disabled={JSON.stringify(values) === JSON.stringify(noOverviewFilters)}>
        Clear filters
      </Button>
    </Group>
  );
}

function OverviewTable({ rows }: { rows: InventoryOverviewRow[] }) {
  const { today } = useClinicSession();
  if (rows.length === 0) return <Text>No items match. Add items in the catalogue, or clear the filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={1060}>
      <Table striped highlightOnHover aria-label="Stock by item">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col" ta="right">On hand</Table.Th>
            <Table.Th scope="col" ta="right">Usable</Table.Th>
            <Table.Th scope="col">Reorder</Table.Th>
            <Table.Th scope="col">Nearest expiry</Table.Th>
            <Table.Th scope="col" title="Days of usable stock at the last 30 days' rate of use">
              Cover (30 d)
            </Table.Th>
            <Table.Th scope="col" title="Days of usable stock at the last 90 days' rate of use">
              Cover (90 d)
            </Table.Th>
            <Table.Th scope="col">Lots</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const { item } = row;
            const reorder = reorderStateOf(row);
            const expiry = describeExpiry(row.nearestExpiry, today);
            return (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={500}>
                  {item.name}
                  <Text size="xs" c="dimmed" fw={400}>
                    {describeItem(item)}
                  </Text>
                </Table.Th>
                <Table.Td>{itemKindLabels[item.kind]}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatUnits(row.onHand, item.unit)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatUnits(row.usableOnHand, item.unit)}
                </Table.Td>
                <Table.Td miw={150}>
                  <StatusBadge tone={reorder.tone}>{reorder.label}</StatusBadge>
                  <Text size="xs" c="dimmed">
                    at {item.reorderPoint.toLocaleString('en-US')}, par {item.parLevel.toLocaleString('en-US')}
                  </Text>
                </Table.Td>
                <Table.Td miw={expiry.tone === 'neutral' ? undefined : 200}>
                  {expiry.tone === 'neutral' ? expiry.text : <StatusBadge tone={expiry.tone}>{expiry.text}</StatusBadge>}
                </Table.Td>
                <Table.Td>
                  {formatDaysOfCover(row.daysOfCover30)}
                  {row.usePerDay30 > 0 && (
                    <Text size="xs" c="dimmed">
                      {row.usePerDay30.toFixed(1)} a day
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {formatDaysOfCover(row.daysOfCover90)}
                  {row.usePerDay90 > 0 && (
                    <Text size="xs" c="dimmed">
                      {row.usePerDay90.toFixed(1)} a day
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={inventoryPaths.lots(item.id)} aria-label={`Lots of ${item.name}: ${pluralize(row.lotsWithStock, 'lot')} with stock`}>
                    {pluralize(row.lotsWithStock, 'lot')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
