import { describe, expect, it } from 'vitest';
import type { LotView } from '../../../db/inventory/inventory-contract';
import { countErrorField, sortCountSheet, summariseCount, toCommitCountInput, toCountRows } from './cycle-count';

const lot = (id: number, onHand: number): LotView => ({
  id, itemId: 1, itemName: 'Nitrile M', itemKind: 'ppe', unit: 'glove', lotNumber: `G${id}`, expiryDate: '2028-01-01', status: 'available',
  effectiveStatus: 'available', onHand, firstReceivedOn: '2025-01-01', recallReference: null, recalledOn: null, unitCostCents: 9.5,
});
const sheet = [lot(1, 200), lot(2, 150), lot(3, 40), lot(4, 10)];

describe('cycle count variances', () => {
  it('shows the variance of each counted lot and leaves blank ones out', () => {
    const rows = toCountRows(sheet, { 1: '188', 2: '150', 3: '45', 4: '' });
    expect(rows.map((r) => r.variance)).toEqual([-12, 0, 5, null]);
    expect(summariseCount(rows)).toEqual({ lotCount: 4, countedCount: 3, withVariance: 2, unitsOver: 5, unitsUnder: 12, hasErrors: false });
  });

  it('flags counts that are not whole, non-negative numbers', () => {
    const rows = toCountRows(sheet, { 1: 'ten', 2: '1.5', 3: '-1', 4: '2000000' });
    expect(rows.map((r) => r.error)).toEqual(['must be a number', 'must be a whole number', 'must not be negative', 'must be at most 1,000,000']);
    expect(summariseCount(rows).hasErrors).toBe(true);
  });
});

describe('toCommitCountInput', () => {
  it('commits only counted lots', () => {
    const rows = toCountRows(sheet, { 1: '188', 3: '40' });
    expect(toCommitCountInput('exam_glove', '2025-03-01', 'quarterly', rows)).toEqual({
      ok: true,
      input: { category: 'exam_glove', countedOn: '2025-03-01', note: 'quarterly', counts: [{ lotId: 1, countedQuantity: 188 }, { lotId: 3, countedQuantity: 40 }] },
    });
  });

  it('puts errors on the lot rows and asks for at least one count', () => {
    expect(toCommitCountInput('exam_glove', '2025-03-01', '', toCountRows(sheet, { 2: 'x' }))).toEqual({ ok: false, fieldErrors: { 'count.2': 'must be a number' } });
    expect(toCommitCountInput('exam_glove', '2025-03-01', '', toCountRows(sheet, {}))).toEqual({ ok: false, fieldErrors: { counts: 'count at least one lot' } });
    expect(toCommitCountInput('exam_glove', 'not a date', '', toCountRows(sheet, { 1: '1' }))).toEqual({ ok: false, fieldErrors: { countedOn: 'must be a date written YYYY-MM-DD' } });
  });

  it('maps a refused commit back to the lot', () => {
    expect(countErrorField('counts.1.lotId', [5, 9])).toBe('count.9');
    expect(countErrorField('countedOn', [5])).toBe('countedOn');
  });
});

describe('sortCountSheet', () => {
  it('groups lots by item, first expiry first', () => {
    const sheet = [
      { ...lot(1, 1), itemName: 'Nitrile S', expiryDate: '2029-01-01' },
      { ...lot(2, 1), itemName: 'Nitrile L', expiryDate: '2030-01-01' },
      { ...lot(3, 1), itemName: 'Nitrile L', expiryDate: null },
      { ...lot(4, 1), itemName: 'Nitrile L', expiryDate: '2028-01-01' },
    ];
    expect(sortCountSheet(sheet).map((l) => l.id)).toEqual([4, 2, 3, 1]);
  });
});
