// Lots, soonest expiry first, for one item or all; empty lots only when asked.
import { Group, NativeSelect, Switch } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { InventoryPageHeader } from './InventoryPageHeader';
import { LotTable } from './LotTable';

export function LotsPage() {
  const [params, setParams] = useSearchParams();
  const itemIdText = params.get('itemId') ?? '';
  const itemId = /^\d+$/.test(itemIdText) ? Number(itemIdText) : undefined;
  const includeEmpty = params.get('empty') === '1';
  const items = useApiQuery('inventory.listItems', { includeInactive: true });
  const lots = useApiQuery('inventory.listLots', itemId === undefined ? { includeEmpty } : { itemId, includeEmpty });
  const item = items.data?.find((i) => i.id === itemId);

  const change = (next: { itemId?: string; includeEmpty?: boolean }) => {
    const search = new URLSearchParams();
    const id = next.itemId ?? itemIdText;
    if (id) search.set('itemId', id);
    if (next.includeEmpty ?? includeEmpty) search.set('empty', '1');
    setParams(search, { replace: true });
  };

  const itemOptions = [{ value: '', label: 'All items' }, ...(items.data ?? []).map((i) => ({ value: String(i.id), label: i.isActive ? i.name : `${i.name} (inactive)` }))];
  return (
    <>
      <InventoryPageHeader title={item ? `Lots of ${item.name}` : 'Lots'} description="Soonest expiry first. Open a lot for its ledger and actions." />
      <Group align="flex-end" gap="sm" role="search" aria-label="Lot filters">
        <NativeSelect label="Item" data={itemOptions} value={itemIdText} onChange={(e) => change({ itemId: e.currentTarget.value })} w={300} />
        <Switch label="Show empty lots" checked={includeEmpty} onChange={(e) => change({ includeEmpty: e.currentTarget.checked })} mb={8} />
      </Group>
      {lots.isPending ? <PageLoader label="Loading lots" /> : lots.isError ? <ErrorAlert error={lots.error} /> : <LotTable lots={lots.data} label="Lots" />}
    </>
  );
}
