// Demo stock: a realistic catalogue and monthly deliveries over the demo's years, sized to the sessions that
// follow; then, once sessions have used stock, a wasted box, a cycle count and one recalled lot.
import type { MethodInput } from '../api/contract';
import { addDays } from '../clinic/business-time';
import type { DemoScale, DemoStep } from '../demo/seed-demo';
import type { StockItem } from './inventory-contract';

/** Average sessions per therapist per weekday in the demo; benchmarks scale it up. */
export function sessionsPerTherapistDay(scale: DemoScale): number {
  return scale.years >= 5 ? 16 : 2.5;
}

export const seedDemoInventory: DemoStep = {
  name: 'needle lots and PPE',
  async run(call, _env, progress, scale) {
    const today = (await call('clinic.status', {})).today;
    const needle = (name: string, manufacturer: string, diameterMm: number, gauge: number, lengthMm: number, gtin: string | null) =>
      call('inventory.createItem', {
        kind: 'needle', category: 'needle', name, manufacturer, gtin, unit: 'needle', unitsPerPack: 100,
        reorderPoint: 300, parLevel: 1500, diameterMm, gauge, lengthMm, hasGuideTube: true, isSterileSingleUse: true,
      });
    const supply = (kind: 'ppe' | 'supply', category: StockItem['category'], name: string, unit: string, unitsPerPack: number, reorderPoint: number, parLevel: number, size: 'S' | 'M' | 'L' | null = null) =>
      call('inventory.createItem', { kind, category, name, unit, unitsPerPack, reorderPoint, parLevel, size, material: category === 'exam_glove' ? 'nitrile' : null });

    const needles = [
      await needle('Seirin J-Type 0.16x30mm', 'Seirin', 0.16, 34, 30, '09506000134352'),
      await needle('Seirin J-Type 0.20x40mm', 'Seirin', 0.2, 32, 40, null),
      await needle('Myotech 0.30x50mm', 'Myotech', 0.3, 30, 50, null),
      await needle('DongBang DB100 0.25x40mm', 'DongBang', 0.25, 31, 40, null),
    ];
    const gloves = [
      await supply('ppe', 'exam_glove', 'Nitrile exam gloves S', 'glove', 200, 400, 2000, 'S'),
      await supply('ppe', 'exam_glove', 'Nitrile exam gloves M', 'glove', 200, 400, 2000, 'M'),
      await supply('ppe', 'exam_glove', 'Nitrile exam gloves L', 'glove', 200, 400, 2000, 'L'),
    ];
    const swabs = await supply('supply', 'alcohol_swab', 'Alcohol prep pads', 'pad', 200, 300, 1600);
    const cotton = await supply('supply', 'cotton', 'Cotton balls', 'ball', 300, 200, 1200);
    const rub = await supply('ppe', 'hand_rub', 'Alcohol hand rub 500 ml', 'bottle', 1, 2, 8);
    const containers = await supply('supply', 'sharps_container', 'Sharps container 1 qt', 'container', 1, 2, 8);
    const masks = await supply('ppe', 'mask', 'Procedure masks', 'mask', 50, 50, 200);
    for (const kind of ['self_pay', 'plan_of_care'] as const) {
      await call('sessions.setKit', { sessionKind: kind, lines: [{ itemId: gloves[1]!.id, quantity: 2 }, { itemId: swabs.id, quantity: 2 }, { itemId: cotton.id, quantity: 2 }] });
    }

    // Monthly deliveries sized to the sessions that follow (about 6 needles and a kit per session), with spare.
    const sessionsPerMonth = scale.therapists * sessionsPerTherapistDay(scale) * 22;
    const packs = (units: number, perPack: number) => Math.max(1, Math.ceil((units * 1.25) / perPack));
    const months = scale.years * 12 + 1;
    for (let month = months; month >= 0; month -= 1) {
      const receivedOn = addDays(today, -month * 30 - 3);
      if (month % 6 === 0) progress(`  deliveries ${months - month}/${months}`);
      const tag = receivedOn.slice(2).replaceAll('-', '');
      const lines: MethodInput<'inventory.receiveDelivery'>['lines'] = [
        ...needles.map((n, i) => ({
          itemId: n.id,
          lotNumber: `${n.manufacturer.slice(0, 2).toUpperCase()}${tag}${i}`,
          expiryDate: addDays(receivedOn, month === 3 ? 200 : 730 + i * 60),
          quantity: packs((sessionsPerMonth * 6 * [0.35, 0.3, 0.15, 0.2][i]!), 100),
          quantityUnit: 'pack' as const,
          costCents: 1250 + i * 100,
          costPer: 'pack' as const,
        })),
        ...gloves.map((g, i) => ({ itemId: g.id, lotNumber: `G${tag}${i}`, expiryDate: addDays(receivedOn, 1400), quantity: i === 1 ? packs(sessionsPerMonth * 2, 200) : 1, quantityUnit: 'pack' as const, costCents: 1899, costPer: 'pack' as const })),
        { itemId: swabs.id, lotNumber: `AP${tag}`, expiryDate: addDays(receivedOn, 900), quantity: packs(sessionsPerMonth * 2, 200), quantityUnit: 'pack', costCents: 499, costPer: 'pack' },
        { itemId: cotton.id, lotNumber: `CB${tag}`, expiryDate: null, quantity: packs(sessionsPerMonth * 2, 300), quantityUnit: 'pack', costCents: 350, costPer: 'pack' },
      ];
      if (month % 3 === 0) {
        lines.push(
          { itemId: rub.id, lotNumber: `HR${tag}`, expiryDate: addDays(receivedOn, 700), quantity: 2, quantityUnit: 'pack', costCents: 899, costPer: 'pack' },
          { itemId: containers.id, lotNumber: '', expiryDate: null, quantity: 2, quantityUnit: 'pack', costCents: 650, costPer: 'pack' },
          { itemId: masks.id, lotNumber: `PM${tag}`, expiryDate: addDays(receivedOn, 1800), quantity: 1, quantityUnit: 'pack', costCents: 799, costPer: 'pack' },
        );
      }
      await call('inventory.receiveDelivery', { receivedOn, supplier: 'Lhasa OMS', reference: `PO-${tag}`, lines });
    }
  },
};

export const seedDemoStockEvents: DemoStep = {
  name: 'a wasted box, a cycle count and a recall',
  async run(call) {
    const today = (await call('clinic.status', {})).today;
    const items = await call('inventory.listItems', {});
    const needles = items.filter((i) => i.kind === 'needle');
    const first = needles[0];
    if (first) {
      const lot = await call('inventory.fefoLot', { itemId: first.id, onDate: today });
      if (lot) await call('inventory.waste', { lotId: lot.id, quantity: Math.min(100, lot.onHand), occurredOn: addDays(today, -3), reason: 'dropped_or_contaminated', note: 'Box fell on the floor, seal split' });
    }
    const sheet = await call('inventory.cycleCountSheet', { category: 'exam_glove' });
    if (sheet.length > 0) {
      await call('inventory.commitCycleCount', {
        category: 'exam_glove',
        countedOn: addDays(today, -2),
        note: 'quarterly count',
        counts: sheet.map((lot, i) => ({ lotId: lot.id, countedQuantity: Math.max(0, lot.onHand - (i === 0 ? 12 : 0)) })),
      });
    }
    // Recall a Myotech lot that sessions have drawn from (even if FEFO has emptied it), so the trace lists them.
    const myotech = needles.find((n) => n.manufacturer === 'Myotech');
    if (myotech) {
      const lots = await call('inventory.listLots', { itemId: myotech.id, includeEmpty: true });
      const used = lots
        .filter((l) => l.status === 'available' && l.firstReceivedOn < addDays(today, -30))
        .sort((a, b) => b.firstReceivedOn.localeCompare(a.firstReceivedOn))[0];
      if (used) await call('inventory.recall', { lotId: used.id, occurredOn: addDays(today, -1), noticeReference: 'MYO-FSN-2026-07', note: 'Manufacturer letter: possible seal failure' });
    }
  },
};
