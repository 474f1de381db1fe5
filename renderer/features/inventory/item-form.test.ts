import { describe, expect, it } from 'vitest';
import type { StockItem } from '../../../db/inventory/inventory-contract';
import { itemToFormValues, newItemValues, toCreateItemInput, toUpdateItemInput, withKind } from './item-form';

describe('toCreateItemInput', () => {
  it('builds a needle with its size fields and the needle rules', () => {
    const values = { ...newItemValues(), name: 'J-Type 0.16x30', manufacturer: 'Seirin', diameterMm: '0.16', gauge: '34', lengthMm: '30', reorderPoint: '300', parLevel: '1500', gtin: '09506000134352' };
    expect(toCreateItemInput(values)).toEqual({
      ok: true,
      input: {
        kind: 'needle', category: 'needle', name: 'J-Type 0.16x30', manufacturer: 'Seirin', gtin: '09506000134352', unit: 'needle', unitsPerPack: 100,
        reorderPoint: 300, parLevel: 1500, isLotTracked: true, requiresExpiry: true, diameterMm: 0.16, gauge: 34, lengthMm: 30,
        hasGuideTube: true, isSterileSingleUse: true, size: null, material: null,
      },
    });
  });

  it('gives the schema messages beside the fields', () => {
    const values = { ...newItemValues(), name: ' ', unitsPerPack: 'many', reorderPoint: '10', parLevel: '5', gtin: '09506000134353', diameterMm: '3' };
    expect(toCreateItemInput(values)).toEqual({
      ok: false,
      fieldErrors: {
        unitsPerPack: 'must be a number',
        name: 'must not be empty',
        gtin: 'has a wrong check digit',
        diameterMm: 'must be at most 2 mm',
      },
    });
    // The schema's cross-field rules speak once the fields themselves are right, as they do at the API.
    expect(toCreateItemInput({ ...values, name: 'X', unitsPerPack: '100', gtin: '', diameterMm: '0.2' })).toEqual({
      ok: false,
      fieldErrors: { lengthMm: 'is required for a needle product', parLevel: 'must not be below the reorder point' },
    });
  });

  it('keeps glove size and material, and drops needle fields, for gloves', () => {
    const values = { ...withKind(newItemValues(), 'ppe'), name: 'Nitrile M', unit: 'glove', unitsPerPack: '200', size: 'M', material: 'nitrile', diameterMm: '0.2' };
    const check = toCreateItemInput(values);
    expect(check.ok && check.input).toMatchObject({ kind: 'ppe', category: 'exam_glove', size: 'M', material: 'nitrile', diameterMm: null, hasGuideTube: null, isLotTracked: false, requiresExpiry: false });
  });
});

describe('withKind', () => {
  it('makes needles lot-tracked with expiry in the needle category', () => {
    const supply = { ...newItemValues(), kind: 'supply', category: 'cotton', isLotTracked: 'false', requiresExpiry: 'false' };
    expect(withKind(supply, 'needle')).toMatchObject({ category: 'needle', isLotTracked: 'true', requiresExpiry: 'true' });
    expect(withKind(newItemValues(), 'supply')).toMatchObject({ kind: 'supply', category: 'alcohol_swab', unit: '', isLotTracked: 'false', requiresExpiry: 'false' });
    expect(withKind({ ...newItemValues(), kind: 'ppe', category: 'mask', isLotTracked: 'true' }, 'supply')).toMatchObject({ category: 'mask', isLotTracked: 'true' });
  });
});

describe('toUpdateItemInput', () => {
  it('round-trips an item with a reason and active flag', () => {
    const item: StockItem = {
      id: 4, kind: 'ppe', category: 'exam_glove', name: 'Nitrile S', manufacturer: '', gtin: null, unit: 'glove', unitsPerPack: 200, reorderPoint: 400,
      parLevel: 2000, isLotTracked: false, requiresExpiry: false, diameterMm: null, gauge: null, lengthMm: null, hasGuideTube: null,
      isSterileSingleUse: null, size: 'S', material: 'nitrile', isActive: true,
    };
    const check = toUpdateItemInput(4, { ...itemToFormValues(item), parLevel: '2400', reason: 'busier' });
    expect(check.ok && check.input).toMatchObject({ id: 4, parLevel: 2400, isActive: true, reason: 'busier', size: 'S' });
  });
});
