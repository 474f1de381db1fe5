// The stock catalogue: needle products, PPE and supplies with their units, reorder points and par levels.
// Managers add and edit items; everyone else reads.
import { Alert, Button, Group, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { StockItem } from '../../../db/inventory/inventory-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StatusBadge } from '../../components/StatusBadge';
import { canCall } from './form-numbers';
import { InventoryPageHeader } from './InventoryPageHeader';
import { describeItem, itemCategoryLabels, itemKindLabels } from './inventory-labels';
import { ItemFormModal } from './ItemFormModal';

export function CataloguePage() {
  const { acting } = useClinicSession();
  const canEdit = canCall('inventory.createItem', acting.role);
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<StockItem | 'new' | null>(null);
  const items = useApiQuery('inventory.listItems', { includeInactive: showInactive });
  return (
    <>
      <InventoryPageHeader
        title="Catalogue"
        description="What the clinic stocks. Items are made inactive, never deleted."
        actions={canEdit && <Button onClick={() => setEditing('new')}>Add item</Button>}
      />
      {!canEdit && (
        <Alert color="gray" variant="light">
          Only a manager can add or change catalogue items.
        </Alert>
      )}
      <Switch label="Show inactive items" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
      {items.isPending ? (
        <PageLoader label="Loading catalogue" />
      ) : items.isError ? (
        <ErrorAlert error={items.error} />
      ) : (
        <ItemTable items={items.data} canEdit={canEdit} onEdit={setEditing} />
      )}
      {editing && <ItemFormModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function ItemTable({ items, canEdit, onEdit }: { items: StockItem[]; canEdit: boolean; onEdit: (item: StockItem) => void }) {
  if (items.length === 0) return <Text>The catalogue is empty. {canEdit ? 'Add the needles and supplies you stock.' : ''}</Text>;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover aria-label="Catalogue items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Category</Table.Th>
            <Table.Th scope="col">GTIN</Table.Th>
            <Table.Th scope="col" ta="right">Reorder point</Table.Th>
            <Table.Th scope="col" ta="right">Par level</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            {canEdit && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={500}>
                {item.name}
                <Text size="xs" c="dimmed" fw={400}>
                  {describeItem(item)}
                </Text>
              </Table.Th>
              <Table.Td>{itemKindLabels[item.kind]}</Table.Td>
              <Table.Td>{itemCategoryLabels[item.category]}</Table.Td>
              <Table.Td ff="monospace">{item.gtin ?? '—'}</Table.Td>
              <Table.Td ta="right">{item.reorderPoint.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right">{item.parLevel.toLocaleString('en-US')}</Table.Td>
              <Table.Td>{item.isActive ? <StatusBadge tone="good">Active</StatusBadge> : <StatusBadge tone="neutral">Inactive</StatusBadge>}</Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={6}>
                    <Button size="compact-sm" variant="default" aria-label={`Edit ${item.name}`} onClick={() => onEdit(item)}>
                      Edit
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
