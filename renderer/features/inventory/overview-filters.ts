// The overview's filters: kind and category go to the API; search and "below reorder only" narrow the rows here.
import type { MethodInput } from '../../../db/api/contract';
import type { InventoryAlerts, InventoryOverviewRow, ItemCategory, ItemKind } from '../../../db/inventory/inventory-contract';

export interface OverviewFilterValues {
  kind: string;
  category: string;
  search: string;
  isBelowReorderOnly: boolean;
}

export const noOverviewFilters: OverviewFilterValues = { kind: '', category: '', search: '', isBelowReorderOnly: false };

export function toOverviewInput(values: OverviewFilterValues): MethodInput<'inventory.overview'> {
  const input: MethodInput<'inventory.overview'> = {};
  if (values.kind) input.kind = values.kind as ItemKind;
  if (values.category) input.category = values.category as ItemCategory;
  return input;
}

/** Search matches name, manufacturer, GTIN, size and material, every word anywhere, ignoring case. */
export function filterOverviewRows(rows: readonly InventoryOverviewRow[], values: OverviewFilterValues): InventoryOverviewRow[] {
  const words = values.search.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return rows.filter(({ item, isBelowReorderPoint }) => {
    if (values.isBelowReorderOnly && !isBelowReorderPoint) return false;
    const haystack = [item.name, item.manufacturer, item.gtin ?? '', item.size ?? '', item.material ?? ''].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export interface ExpiringGroup {
  withinDays: number;
  entries: InventoryAlerts['expiring'];
}

/** Expiring lots grouped by the warning threshold they fall within (30, 60, 90 or whatever the settings say), nearest first. */
export function groupExpiring(expiring: InventoryAlerts['expiring']): ExpiringGroup[] {
  const groups = new Map<number, InventoryAlerts['expiring']>();
  for (const entry of [...expiring].sort((a, b) => a.daysLeft - b.daysLeft)) {
    const list = groups.get(entry.withinDays);
    if (list) list.push(entry);
    else groups.set(entry.withinDays, [entry]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([withinDays, entries]) => ({ withinDays, entries }));
}

/** How many alerts there are in all, for a heading or a Dashboard count. */
export function countAlerts(alerts: InventoryAlerts): number {
  return alerts.expired.length + alerts.expiring.length + alerts.belowReorder.length + alerts.likelyToExpireUnused.length;
}
