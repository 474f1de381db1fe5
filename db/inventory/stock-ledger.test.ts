import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { addGloveItem, addNeedleItem, receiveLot } from './inventory-test-helpers';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic('2026-03-02T15:00:00.000Z');
});
afterEach(() => clinic.close());

const rowCount = (table: string) => (clinic.env.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('receiving', () => {
  it('adds a second receipt of the same lot number to the same lot, in packs or units', async () => {
    const needle = await addNeedleItem(clinic.call);
    const first = await receiveLot(clinic.call, needle.id, 'L-100', '2028-01-31', 500);
    const { lots } = await clinic.call('inventory.receiveDelivery', {
      receivedOn: '2026-03-02',
      supplier: 'Lhasa OMS',
      lines: [{ itemId: needle.id, lotNumber: 'L-100', expiryDate: '2028-01-31', quantity: 2, quantityUnit: 'pack', costCents: 1500, costPer: 'pack' }],
    });
    expect(lots[0]?.id).toBe(first.id);
    expect(lots[0]?.onHand).toBe(700);
    // (500 units for 5000 cents + 200 units for 3000 cents) / 700 units
    expect(lots[0]?.unitCostCents).toBeCloseTo(8000 / 700);
  });

  it('costs a line the same whether the price is per unit, per pack or for the line, and whatever the quantity is counted in', async () => {
    const needle = await addNeedleItem(clinic.call);
    const { lots } = await clinic.call('inventory.receiveDelivery', {
      receivedOn: '2026-03-01',
      supplier: 'S',
      lines: [
        { itemId: needle.id, lotNumber: 'A', expiryDate: '2028-01-31', quantity: 2, quantityUnit: 'pack', costCents: 12, costPer: 'unit' },
        { itemId: needle.id, lotNumber: 'B', expiryDate: '2028-01-31', quantity: 250, quantityUnit: 'unit', costCents: 1500, costPer: 'pack' },
        { itemId: needle.id, lotNumber: 'C', expiryDate: '2028-01-31', quantity: 3, quantityUnit: 'pack', costCents: 4500, costPer: 'line' },
      ],
    });
    expect(lots.map((l) => [l.onHand, l.unitCostCents])).toEqual([
      [200, 12],
      [250, 15],
      [300, 15],
    ]);
  });

  it.each([
    [{ itemId: 999 }, 'lines.0.itemId', 'not_found'],
    [{ lotNumber: '   ' }, 'lines.0.lotNumber', 'rule_violation'],
    [{ expiryDate: '2026-02-01' }, 'lines.0.expiryDate', 'rule_violation'],
    [{ expiryDate: '2026-02-30' }, 'lines.0.expiryDate', 'invalid_input'],
    [{ expiryDate: null }, 'lines.0.expiryDate', 'rule_violation'],
    [{ quantity: 0 }, 'lines.0.quantity', 'invalid_input'],
    [{ quantity: -5 }, 'lines.0.quantity', 'invalid_input'],
    [{ quantity: 2.5 }, 'lines.0.quantity', 'invalid_input'],
    [{ quantity: 1_000_001 }, 'lines.0.quantity', 'invalid_input'],
    [{ quantity: 20_000, quantityUnit: 'pack' }, 'lines.0.quantity', 'rule_violation'],
    [{ costCents: -1 }, 'lines.0.costCents', 'invalid_input'],
    [{ quantity: '10' }, 'lines.0.quantity', 'invalid_input'],
  ])('refuses a bad line %j naming %s, writing nothing', async (override, field, code) => {
    const needle = await addNeedleItem(clinic.call);
    const [lots, movements, events] = [rowCount('stock_lots'), rowCount('stock_movements'), rowCount('audit_events')];
    const line = { itemId: needle.id, lotNumber: 'L-1', expiryDate: '2028-01-31', quantity: 100, ...override };
    const result = await dispatch(clinic.env, 'inventory.receiveDelivery', { receivedOn: '2026-03-01', supplier: 'S', lines: [line] });
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    expect([rowCount('stock_lots'), rowCount('stock_movements'), rowCount('audit_events')]).toEqual([lots, movements, events]);
  });

  it('refuses a receipt date that is not a date or lies in the future', async () => {
    const needle = await addNeedleItem(clinic.call);
    const line = { itemId: needle.id, lotNumber: 'L-1', expiryDate: '2028-01-31', quantity: 1 };
    expect(await dispatch(clinic.env, 'inventory.receiveDelivery', { receivedOn: 'yesterday', supplier: 'S', lines: [line] })).toMatchObject({
      ok: false,
      error: { field: 'receivedOn' },
    });
    expect(await dispatch(clinic.env, 'inventory.receiveDelivery', { receivedOn: '2026-03-03', supplier: 'S', lines: [line] })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'receivedOn' },
    });
  });

  it('rolls back a whole delivery when its second line is bad', async () => {
    const needle = await addNeedleItem(clinic.call);
    const result = await dispatch(clinic.env, 'inventory.receiveDelivery', {
      receivedOn: '2026-03-01',
      supplier: 'S',
      lines: [
        { itemId: needle.id, lotNumber: 'GOOD', expiryDate: '2028-01-31', quantity: 100 },
        { itemId: needle.id, lotNumber: 'BAD', expiryDate: '2025-01-31', quantity: 100 },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { field: 'lines.1.expiryDate' } });
    expect(rowCount('stock_lots')).toBe(0);
  });

  it('holds a lot that arrives with a damaged pack', async () => {
    const needle = await addNeedleItem(clinic.call);
    const { lots } = await clinic.call('inventory.receiveDelivery', {
      receivedOn: '2026-03-01',
      supplier: 'S',
      lines: [{ itemId: needle.id, lotNumber: 'TORN', expiryDate: '2028-01-31', quantity: 100, condition: 'seal_breach' }],
    });
    expect(lots[0]?.status).toBe('on_hold');
    await expect(clinic.call('inventory.use', { lotId: lots[0]!.id, quantity: 1, occurredOn: '2026-03-02' })).rejects.toThrow(/on hold/);
  });
});

describe('FEFO and use', () => {
  it('offers the earliest-expiring lot that is in date, available and stocked', async () => {
    const needle = await addNeedleItem(clinic.call);
    const expired = await receiveLot(clinic.call, needle.id, 'OLD', '2026-03-01', 50, '2026-01-10');
    const soon = await receiveLot(clinic.call, needle.id, 'SOON', '2026-06-30', 50);
    const later = await receiveLot(clinic.call, needle.id, 'LATER', '2027-06-30', 50);
    const fefo = () => clinic.call('inventory.fefoLot', { itemId: needle.id, onDate: '2026-03-02' });
    expect((await fefo())?.id).toBe(soon.id);
    await clinic.call('inventory.quarantine', { lotId: soon.id, occurredOn: '2026-03-02', note: 'suspect' });
    expect((await fefo())?.id).toBe(later.id);
    await clinic.call('inventory.release', { lotId: soon.id, occurredOn: '2026-03-02', note: 'inspected, fine' });
    await clinic.call('inventory.use', { lotId: soon.id, quantity: 50, occurredOn: '2026-03-02' });
    expect((await fefo())?.id).toBe(later.id);
    expect(expired.effectiveStatus).toBe('expired');
  });

  it('refuses to use an expired, quarantined or recalled lot, naming the lot and why', async () => {
    const needle = await addNeedleItem(clinic.call);
    const old = await receiveLot(clinic.call, needle.id, 'OLD-7', '2026-02-28', 50, '2026-01-10');
    const q = await receiveLot(clinic.call, needle.id, 'Q-8', '2027-02-28', 50);
    const r = await receiveLot(clinic.call, needle.id, 'R-9', '2027-02-28', 50);
    await clinic.call('inventory.quarantine', { lotId: q.id, occurredOn: '2026-03-02', note: '' });
    await clinic.call('inventory.recall', { lotId: r.id, occurredOn: '2026-03-02', noticeReference: 'FSN-2026-01', note: '' });
    const use = (lotId: number) => dispatch(clinic.env, 'inventory.use', { lotId, quantity: 1, occurredOn: '2026-03-02' });
    expect(await use(old.id)).toMatchObject({ ok: false, error: { field: 'lotId', message: expect.stringMatching(/Lot OLD-7 .* expired on 2026-02-28/) } });
    expect(await use(q.id)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Lot Q-8 .* quarantined/) } });
    expect(await use(r.id)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Lot R-9 .* recalled \(notice FSN-2026-01\)/) } });
  });

  it('never takes a lot below zero', async () => {
    const gloves = await addGloveItem(clinic.call);
    const lot = await receiveLot(clinic.call, gloves.id, 'G1', '2029-01-01', 10);
    await clinic.call('inventory.use', { lotId: lot.id, quantity: 8, occurredOn: '2026-03-02' });
    expect(await dispatch(clinic.env, 'inventory.use', { lotId: lot.id, quantity: 3, occurredOn: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', field: 'quantity', message: expect.stringContaining('holds 2 gloves') },
    });
  });

  it('keeps expired and recalled stock out of use but never a dead end: quarantine, return, destroy with a witness', async () => {
    const needle = await addNeedleItem(clinic.call);
    const witness = await clinic.call('staff.create', { name: 'Wit Ness', role: 'therapist', jobTitle: '' });
    const old = await receiveLot(clinic.call, needle.id, 'EXP', '2026-02-28', 300, '2026-01-10');
    await clinic.call('inventory.quarantine', { lotId: old.id, occurredOn: '2026-03-02', note: 'expired' });
    await clinic.call('inventory.returnToSupplier', { lotId: old.id, quantity: 100, occurredOn: '2026-03-02', reference: 'RMA-55', note: '' });
    await expect(
      clinic.call('inventory.destroy', { lotId: old.id, quantity: 200, occurredOn: '2026-03-02', method: 'sharps incineration', witnessStaffId: clinic.managerId, note: '' }),
    ).rejects.toThrow(/witness must be someone other/);
    const destroyed = await clinic.call('inventory.destroy', {
      lotId: old.id,
      quantity: 200,
      occurredOn: '2026-03-02',
      method: 'sharps incineration',
      witnessStaffId: witness.id,
      note: '',
    });
    expect(destroyed).toMatchObject({ balanceAfter: 0, statusAfter: 'destroyed', witnessName: 'Wit Ness' });
    const detail = await clinic.call('inventory.lotDetail', { lotId: old.id });
    expect(detail.movements.map((m) => [m.kind, m.balanceAfter])).toEqual([
      ['receive', 300],
      ['quarantine', 300],
      ['return', 200],
      ['destroy', 0],
    ]);
    expect(detail.movements.every((m) => m.recordedByName === 'Morgan Manager')).toBe(true);
  });

  it('needs a note for waste coded "other"', async () => {
    const gloves = await addGloveItem(clinic.call);
    const lot = await receiveLot(clinic.call, gloves.id, 'G1', '2029-01-01', 10);
    expect(await dispatch(clinic.env, 'inventory.waste', { lotId: lot.id, quantity: 1, occurredOn: '2026-03-02', reason: 'other' })).toMatchObject({
      ok: false,
      error: { field: 'note' },
    });
    const wasted = await clinic.call('inventory.waste', { lotId: lot.id, quantity: 1, occurredOn: '2026-03-02', reason: 'dropped_or_contaminated' });
    expect(wasted).toMatchObject({ kind: 'waste', quantity: -1, wasteReason: 'dropped_or_contaminated' });
  });
});

describe('cycle count, recall and alerts', () => {
  it('commits only variances as count adjustments', async () => {
    const gloves = await addGloveItem(clinic.call);
    const a = await receiveLot(clinic.call, gloves.id, 'A', '2029-01-01', 100);
    const b = await receiveLot(clinic.call, gloves.id, 'B', '2029-02-01', 100);
    const sheet = await clinic.call('inventory.cycleCountSheet', { category: 'exam_glove' });
    expect(sheet.map((l) => l.onHand)).toEqual([100, 100]);
    const { adjustments } = await clinic.call('inventory.commitCycleCount', {
      category: 'exam_glove',
      countedOn: '2026-03-02',
      counts: [
        { lotId: a.id, countedQuantity: 100 },
        { lotId: b.id, countedQuantity: 96 },
      ],
    });
    expect(adjustments.map((m) => [m.lotId, m.kind, m.quantity, m.balanceAfter])).toEqual([[b.id, 'adjust', -4, 96]]);
  });

  it('recalls a lot: quarantined from use, traced to every use, exported as CSV', async () => {
    const needle = await addNeedleItem(clinic.call);
    const lot = await receiveLot(clinic.call, needle.id, '=HYPERLINK("x")', '2027-12-31', 200);
    await clinic.call('inventory.use', { lotId: lot.id, quantity: 6, occurredOn: '2026-03-01' });
    await clinic.call('inventory.use', { lotId: lot.id, quantity: 4, occurredOn: '2026-03-02' });
    const trace = await clinic.call('inventory.recall', { lotId: lot.id, occurredOn: '2026-03-02', noticeReference: 'Z-0414-2026', note: 'manufacturer letter' });
    expect(trace.lot).toMatchObject({ status: 'recalled', recallReference: 'Z-0414-2026', onHand: 190 });
    expect(trace.uses.map((u) => [u.occurredOn, u.quantity])).toEqual([
      ['2026-03-01', 6],
      ['2026-03-02', 4],
    ]);
    expect(trace.totalUsed).toBe(10);
    const { csv, fileName } = await clinic.call('inventory.traceLotCsv', { lotId: lot.id });
    expect(fileName).toMatch(/^recall-trace-.*\.csv$/);
    expect(csv.startsWith('\uFEFFlot_number,item,expiry_date')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('alerts on expired and expiring lots with stock, low stock with a suggested order, and lots likely to expire unused', async () => {
    const needle = await addNeedleItem(clinic.call);
    const gloves = await addGloveItem(clinic.call);
    await receiveLot(clinic.call, needle.id, 'EXPIRED', '2026-02-28', 100, '2026-01-10');
    await receiveLot(clinic.call, needle.id, 'D20', '2026-03-22', 100, '2026-01-10');
    await receiveLot(clinic.call, needle.id, 'D50', '2026-04-21', 100, '2026-01-10');
    const slow = await receiveLot(clinic.call, needle.id, 'D80', '2026-05-21', 100, '2026-01-10');
    const empty = await receiveLot(clinic.call, gloves.id, 'EMPTY', '2026-03-10', 10, '2026-01-10');
    await clinic.call('inventory.use', { lotId: empty.id, quantity: 10, occurredOn: '2026-02-01' });
    // 45 needles used over the last 90 days: half a needle a day.
    await clinic.call('inventory.use', { lotId: (await clinic.call('inventory.fefoLot', { itemId: needle.id, onDate: '2026-02-01' }))!.id, quantity: 45, occurredOn: '2026-02-01' });
    const alerts = await clinic.call('inventory.alerts', {});
    expect(alerts.expired.map((l) => l.lotNumber)).toEqual(['EXPIRED']);
    expect(alerts.expiring.map((e) => [e.lot.lotNumber, e.withinDays])).toEqual([
      ['D20', 30],
      ['D50', 60],
      ['D80', 90],
    ]);
    expect(alerts.expiring.some((e) => e.lot.lotNumber === 'EMPTY')).toBe(false);
    const glovesLow = alerts.belowReorder.find((b) => b.item.id === gloves.id);
    expect(glovesLow).toMatchObject({ usableOnHand: 0, suggestedOrderPacks: 10, suggestedOrderUnits: 2000 });
    expect(alerts.likelyToExpireUnused.map((a) => a.lot.id)).toContain(slow.id);
  });
});
