import { describe, expect, it } from 'vitest';
import { parseGs1 } from '../../../db/inventory/gs1';
import type { StockItem } from '../../../db/inventory/inventory-contract';
import {
  applyScanToLine,
  blankLine,
  consistentCost,
  describeFieldPath,
  fieldAfterScan,
  lineErrors,
  lineTotalCents,
  nextAfterEnter,
  placeDeliveryError,
  toDeliveryInput,
  toScreenField,
  type ReceiveLineValues,
} from './receive-form';

const needle: StockItem = {
  id: 7, kind: 'needle', category: 'needle', name: 'J-Type 0.16x30', manufacturer: 'Seirin', gtin: '09506000134352', unit: 'needle',
  unitsPerPack: 100, reorderPoint: 300, parLevel: 1500, isLotTracked: true, requiresExpiry: true, diameterMm: 0.16, gauge: 34,
  lengthMm: 30, hasGuideTube: true, isSterileSingleUse: true, size: null, material: null, isActive: true,
};
const gloves: StockItem = { ...needle, id: 9, kind: 'ppe', category: 'exam_glove', name: 'Nitrile M', gtin: null, unit: 'glove', unitsPerPack: 200, isLotTracked: false, requiresExpiry: false, diameterMm: null, gauge: null, lengthMm: null, hasGuideTube: null, isSterileSingleUse: null, size: 'M', material: 'nitrile' };
const header = { receivedOn: '2025-03-01', supplier: 'Lhasa OMS', reference: 'PO-1' };
const line = (values: Partial<ReceiveLineValues>): ReceiveLineValues => ({ ...blankLine(), ...values });

describe('toDeliveryInput', () => {
  it('builds the call from typed text, leaving blank lines out and remembering which line is which', () => {
    const check = toDeliveryInput(
      header,
      [
        line({ itemId: '7', lotNumber: 'A1', expiryDate: '2027-01-31', quantity: '5', costCents: '12.50' }),
        line({}),
        line({ itemId: '9', quantity: '400', quantityUnit: 'unit', costCents: '30', costPer: 'line' }),
      ],
      [needle, gloves],
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.lineIndexes).toEqual([0, 2]);
    expect(check.input.lines).toEqual([
      { itemId: 7, lotNumber: 'A1', expiryDate: '2027-01-31', quantity: 5, quantityUnit: 'pack', costCents: 1250, costPer: 'pack', condition: 'ok', udiRaw: null },
      { itemId: 9, lotNumber: '', expiryDate: null, quantity: 400, quantityUnit: 'unit', costCents: 3000, costPer: 'line', condition: 'ok', udiRaw: null },
    ]);
  });

  it('names the line and field of every problem at once (bad input from the issue)', () => {
    const check = toDeliveryInput(
      { ...header, supplier: '  ' },
      [
        line({ itemId: '7', lotNumber: '   ', expiryDate: '2025-02-01', quantity: '0' }),
        line({ itemId: '7', lotNumber: 'B', expiryDate: '2027-01-01', quantity: '1.5', costCents: '-2' }),
        line({ itemId: '', quantity: '2000000', quantityUnit: 'unit' }),
        line({ itemId: '9', quantity: 'lots' }),
      ],
      [needle, gloves],
    );
    expect(check).toEqual({
      ok: false,
      fieldErrors: {
        supplier: 'must not be empty',
        'lines.0.lotNumber': 'J-Type 0.16x30 is lot-tracked; enter the lot number from the box',
        'lines.0.expiryDate': 'the expiry 2025-02-01 is before the receipt date 2025-03-01',
        'lines.0.quantity': 'must be more than zero',
        'lines.1.quantity': 'must be a whole number',
        'lines.1.costCents': 'must not be negative',
        'lines.2.itemId': 'choose the item',
        'lines.2.quantity': 'is more than 1,000,000, which no delivery or count holds',
        'lines.3.quantity': 'must be a number',
      },
    });
  });

  it('refuses an absurd number of units made of boxes', () => {
    const check = toDeliveryInput(header, [line({ itemId: '7', lotNumber: 'A', expiryDate: '2027-01-01', quantity: '20000' })], [needle]);
    expect(check.ok ? null : check.fieldErrors['lines.0.quantity']).toBe('2,000,000 units is more than 1,000,000');
  });

  it('asks for an item on an empty form rather than sending nothing', () => {
    const check = toDeliveryInput(header, [line({})], [needle]);
    expect(check.ok ? null : check.fieldErrors).toMatchObject({ 'lines.0.itemId': 'choose the item', 'lines.0.quantity': 'enter how many' });
  });
});

describe('consistentCost', () => {
  it('passes matching units through and turns mismatched ones into a line total', () => {
    expect(consistentCost(1250, 'pack', 5, 'pack', 100)).toEqual({ costCents: 1250, costPer: 'pack' });
    expect(consistentCost(1250, 'line', 5, 'unit', 100)).toEqual({ costCents: 1250, costPer: 'line' });
    expect(consistentCost(1250, 'pack', 250, 'unit', 100)).toEqual({ costCents: 3125, costPer: 'line' });
    expect(consistentCost(12, 'unit', 3, 'pack', 100)).toEqual({ costCents: 3600, costPer: 'line' });
  });
  it('shows the line total the API will record', () => {
    expect(lineTotalCents(line({ quantity: '5', costCents: '12.50' }), needle)).toBe(6250);
    expect(lineTotalCents(line({ quantity: 'x', costCents: '12.50' }), needle)).toBeNull();
  });
});

describe('errors from the API', () => {
  it('maps the call line back to the on-screen line', () => {
    expect(toScreenField('lines.1.expiryDate', [0, 2])).toBe('lines.2.expiryDate');
    expect(toScreenField('supplier', [0, 2])).toBe('supplier');
  });
  it('shows a named field beside its input and the rest as an alert naming the line', () => {
    const shown = placeDeliveryError({ message: 'lines.1.expiryDate: the expiry 2025-01-01 is before the receipt date 2025-03-01.', field: 'lines.1.expiryDate' }, [0, 1], 2);
    expect(shown).toEqual({ fieldErrors: { 'lines.1.expiryDate': 'the expiry 2025-01-01 is before the receipt date 2025-03-01.' }, alert: null });
    expect(placeDeliveryError({ message: 'lines.0.manufactureDate: made later', field: 'lines.0.manufactureDate' }, [3], 4).alert).toBe('Line 4: made later');
    expect(placeDeliveryError({ message: 'A therapist may not do that.' }, [0], 1).alert).toBe('A therapist may not do that.');
  });
  it('collects one line’s errors by input', () => {
    expect(lineErrors({ 'lines.1.expiryDate': 'x', 'lines.10.quantity': 'y', 'lines.1.manufactureDate': 'z', supplier: 's' }, 1)).toEqual({ expiryDate: 'x' });
  });
});

describe('scanning into a line', () => {
  it('fills item, lot and expiry from a GS1 string whose lot is followed by more fields', () => {
    const raw = '0109506000134352' + '10LOT-7/B' + '\u001d' + '17280131' + '21X1';
    const filled = applyScanToLine(line({ scan: raw, quantity: '2' }), parseGs1(raw), needle, raw);
    expect(filled).toMatchObject({ scan: '', itemId: '7', lotNumber: 'LOT-7/B', expiryDate: '2028-01-31', quantity: '2', udiRaw: raw });
    expect(fieldAfterScan(filled)).toBe('quantity');
  });
  it('fills lot and expiry from the bracketed form even when the GTIN is not linked yet', () => {
    const raw = '(01)09506000134352(17)270600(10)A-12';
    const filled = applyScanToLine(line({}), parseGs1(raw), null, raw);
    expect(filled).toMatchObject({ itemId: '', lotNumber: 'A-12', expiryDate: '2027-06-30' });
    expect(fieldAfterScan(filled)).toBe('itemId');
  });
});

describe('nextAfterEnter', () => {
  it('walks the line and adds a line after the last input of the last line', () => {
    expect(nextAfterEnter(0, 'scan', 1)).toEqual({ lineIndex: 0, field: 'itemId', addsLine: false });
    expect(nextAfterEnter(0, 'condition', 2)).toEqual({ lineIndex: 1, field: 'scan', addsLine: false });
    expect(nextAfterEnter(1, 'condition', 2)).toEqual({ lineIndex: 2, field: 'scan', addsLine: true });
  });
});

describe('describeFieldPath', () => {
  it('names the line (counting from 1) and the field in words', () => {
    expect(describeFieldPath('lines.1.expiryDate')).toBe('Line 2, expiry');
    expect(describeFieldPath('lines.0.costCents')).toBe('Line 1, cost');
    expect(describeFieldPath('supplier')).toBe('Supplier');
  });
});
