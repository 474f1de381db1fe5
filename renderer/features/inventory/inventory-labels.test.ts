import { describe, expect, it } from 'vitest';
import type { StockItem } from '../../../db/inventory/inventory-contract';
import { describeExpiry, describeItem, formatCents, formatDaysOfCover, formatSignedQuantity, formatUnits, reorderStateOf } from './inventory-labels';

describe('formatDaysOfCover', () => {
  it('says when nothing was used instead of showing infinity', () => {
    expect(formatDaysOfCover(null)).toBe('No recent use');
  });
  it('writes days, with the edges spelled out', () => {
    expect(formatDaysOfCover(0)).toBe('Under a day');
    expect(formatDaysOfCover(1)).toBe('1 day');
    expect(formatDaysOfCover(45)).toBe('45 days');
    expect(formatDaysOfCover(4000)).toBe('Over 999 days');
  });
});

describe('describeExpiry', () => {
  it('marks expired, near and far dates', () => {
    expect(describeExpiry('2025-01-01', '2025-03-01')).toEqual({ text: '2025-01-01 (expired)', tone: 'bad' });
    expect(describeExpiry('2025-03-01', '2025-03-01')).toEqual({ text: '2025-03-01 (expires today)', tone: 'warning' });
    expect(describeExpiry('2025-03-11', '2025-03-01')).toEqual({ text: '2025-03-11 (in 10 days)', tone: 'warning' });
    expect(describeExpiry('2026-03-11', '2025-03-01')).toEqual({ text: '2026-03-11', tone: 'neutral' });
    expect(describeExpiry(null, '2025-03-01').text).toBe('No expiry');
  });
});

describe('small formats', () => {
  it('pluralises units', () => {
    expect(formatUnits(1, 'needle')).toBe('1 needle');
    expect(formatUnits(1500, 'needle')).toBe('1,500 needles');
    expect(formatUnits(2, 'box')).toBe('2 boxes');
  });
  it('signs ledger quantities', () => {
    expect(formatSignedQuantity(500)).toBe('+500');
    expect(formatSignedQuantity(-20)).toBe('−20');
    expect(formatSignedQuantity(0)).toBe('0');
  });
  it('writes money, keeping fractions of a cent for unit costs', () => {
    expect(formatCents(1250)).toBe('$12.50');
    expect(formatCents(12.5)).toBe('$0.125');
    expect(formatCents(null)).toBe('—');
  });
  it('names the reorder state in words', () => {
    expect(reorderStateOf({ usableOnHand: 0, isBelowReorderPoint: true }).label).toBe('Out of usable stock');
    expect(reorderStateOf({ usableOnHand: 10, isBelowReorderPoint: true })).toEqual({ tone: 'warning', label: 'Reorder' });
    expect(reorderStateOf({ usableOnHand: 10, isBelowReorderPoint: false }).tone).toBe('good');
  });
});

describe('describeItem', () => {
  it('spells out a needle', () => {
    const needle: StockItem = {
      id: 1, kind: 'needle', category: 'needle', name: 'J-Type', manufacturer: 'Seirin', gtin: null, unit: 'needle', unitsPerPack: 100,
      reorderPoint: 300, parLevel: 1500, isLotTracked: true, requiresExpiry: true, diameterMm: 0.16, gauge: 34, lengthMm: 30,
      hasGuideTube: true, isSterileSingleUse: true, size: null, material: null, isActive: true,
    };
    expect(describeItem(needle)).toBe('Seirin · 0.16 × 30 mm · 34 G · guide tube · sterile, single use · 100 needles per pack');
  });
});
