import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { openTestClinic } from '../test-support/test-clinic';
import { addGloveItem, addNeedleItem } from './inventory-test-helpers';

const lotNumbers = ['A1', 'B2', 'C3'];
const dates = ['2026-02-20', '2026-03-01', '2026-03-02', '2026-03-05'];

const operation = fc.oneof(
  fc.record({ op: fc.constant('receive'), lot: fc.constantFrom(...lotNumbers), qty: fc.integer({ min: -5, max: 400 }), item: fc.nat(1) }),
  fc.record({ op: fc.constantFrom('use', 'waste', 'return'), lot: fc.nat(5), qty: fc.integer({ min: -3, max: 150 }), date: fc.constantFrom(...dates) }),
  fc.record({ op: fc.constantFrom('quarantine', 'release', 'recall'), lot: fc.nat(5) }),
  fc.record({ op: fc.constant('count'), lot: fc.nat(5), counted: fc.integer({ min: -1, max: 500 }) }),
);

describe('the stock ledger (property)', () => {
  it('keeps every lot balance equal to the sum of its movements, never negative, under random valid and invalid operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 40 }), async (ops) => {
        const clinic = await openTestClinic('2026-03-02T15:00:00.000Z');
        try {
          const items = [await addNeedleItem(clinic.call), await addGloveItem(clinic.call)];
          for (const o of ops) {
            const lots = clinic.env.db.prepare('SELECT id FROM stock_lots ORDER BY id').all() as Array<{ id: number }>;
            const lotId = 'lot' in o && typeof o.lot === 'number' ? (lots[o.lot % Math.max(1, lots.length)]?.id ?? 999) : 999;
            switch (o.op) {
              case 'receive':
                await dispatch(clinic.env, 'inventory.receiveDelivery', {
                  receivedOn: '2026-03-01',
                  supplier: 'S',
                  lines: [{ itemId: items[o.item]!.id, lotNumber: o.lot, expiryDate: '2027-01-31', quantity: o.qty }],
                });
                break;
              case 'use':
                await dispatch(clinic.env, 'inventory.use', { lotId, quantity: o.qty, occurredOn: o.date });
                break;
              case 'waste':
                await dispatch(clinic.env, 'inventory.waste', { lotId, quantity: o.qty, occurredOn: o.date, reason: 'package_damaged' });
                break;
              case 'return':
                await dispatch(clinic.env, 'inventory.returnToSupplier', { lotId, quantity: o.qty, occurredOn: o.date, reference: 'RMA' });
                break;
              case 'count':
                await dispatch(clinic.env, 'inventory.commitCycleCount', { category: 'needle', countedOn: '2026-03-02', counts: [{ lotId, countedQuantity: o.counted }] });
                break;
              default:
                await dispatch(clinic.env, `inventory.${o.op}`, { lotId, occurredOn: '2026-03-02', note: 'checked', noticeReference: 'N-1' });
            }
            const mismatches = clinic.env.db
              .prepare(
                `SELECT l.id, l.on_hand, coalesce(sum(m.quantity), 0) AS ledger,
                        (SELECT balance_after FROM stock_movements WHERE lot_id = l.id ORDER BY id DESC LIMIT 1) AS last_balance
                 FROM stock_lots l LEFT JOIN stock_movements m ON m.lot_id = l.id GROUP BY l.id
                 HAVING l.on_hand <> ledger OR l.on_hand < 0 OR coalesce(last_balance, 0) <> l.on_hand`,
              )
              .all();
            expect(mismatches).toEqual([]);
          }
        } finally {
          clinic.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
