import { describe, expect, it } from 'vitest';
import type { InventoryAlerts, InventoryOverviewRow, LotView, StockItem } from '../../../db/inventory/inventory-contract';
import { countAlerts, filterOverviewRows, groupExpiring, noOverviewFilters, toOverviewInput } from './overview-filters';

const item = (id: number, name: string, extra: Partial<StockItem> = {}): StockItem => ({
  id, kind: 'ppe', category: 'exam_glove', name, manufacturer: 'Acme', gtin: null, unit: 'glove', unitsPerPack: 200, reorderPoint: 400,
  parLevel: 2000, isLotTracked: false, requiresExpiry: false, diameterMm: null, gauge: null, lengthMm: null, hasGuideTube: null,
  isSterileSingleUse: null, size: null, material: null, isActive: true, ...extra,
});
const row = (i: StockItem, isBelowReorderPoint: boolean): InventoryOverviewRow => ({
  item: i, onHand: 10, usableOnHand: 10, isBelowReorderPoint, nearestExpiry: null, usePerDay30: 0, usePerDay90: 0, daysOfCover30: null, daysOfCover90: null, lotsWithStock: 1,
});
const rows = [row(item(1, 'Nitrile gloves M', { size: 'M', material: 'nitrile' }), true), row(item(2, 'J-Type 0.16x30', { manufacturer: 'Seirin', gtin: '09506000134352' }), false)];

describe('filterOverviewRows', () => {
  it('matches every word of the search anywhere in the item', () => {
    expect(filterOverviewRows(rows, { ...noOverviewFilters, search: 'seirin j-type' }).map((r) => r.item.id)).toEqual([2]);
    expect(filterOverviewRows(rows, { ...noOverviewFilters, search: '0950600' }).map((r) => r.item.id)).toEqual([2]);
    expect(filterOverviewRows(rows, { ...noOverviewFilters, search: 'NITRILE m' }).map((r) => r.item.id)).toEqual([1]);
  });
  it('keeps only items below their reorder point when asked', () => {
    expect(filterOverviewRows(rows, { ...noOverviewFilters, isBelowReorderOnly: true }).map((r) => r.item.id)).toEqual([1]);
  });
  it('sends kind and category to the API only when chosen', () => {
    expect(toOverviewInput(noOverviewFilters)).toEqual({});
    expect(toOverviewInput({ ...noOverviewFilters, kind: 'needle', category: 'needle' })).toEqual({ kind: 'needle', category: 'needle' });
  });
});

describe('groupExpiring', () => {
  const lot = { id: 1 } as LotView;
  it('groups by threshold, nearest threshold and nearest expiry first', () => {
    const groups = groupExpiring([
      { lot, withinDays: 90, daysLeft: 80 },
      { lot, withinDays: 30, daysLeft: 20 },
      { lot, withinDays: 30, daysLeft: 3 },
      { lot, withinDays: 60, daysLeft: 45 },
    ]);
    expect(groups.map((g) => [g.withinDays, g.entries.map((e) => e.daysLeft)])).toEqual([[30, [3, 20]], [60, [45]], [90, [80]]]);
  });
  it('counts all alerts', () => {
    const alerts: InventoryAlerts = { today: '2025-01-01', expired: [lot], expiring: [{ lot, withinDays: 30, daysLeft: 1 }], belowReorder: [], likelyToExpireUnused: [{ lot, unitsAtRisk: 3, usePerDay: 1 }] };
    expect(countAlerts(alerts)).toBe(3);
  });
});
