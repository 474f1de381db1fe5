// Demo catalogue and a year of stock: deliveries, use, a wasted box, a cycle count and one recalled lot.
import { addDays } from '../clinic/business-time';
import type { MethodInput } from '../api/contract';
import type { DemoStep } from '../demo/seed-demo';
import type { StockItem } from './inventory-contract';

export const seedDemoInventory: DemoStep = {
  name: 'needle lots and PPE',
  async run(call, env, progress) {
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

    // Monthly deliveries over the past year; lots expire 2 to 3 years after receipt, one batch soon.
    progress('  deliveries');
    const lotIdsByItem = new Map<number, number[]>();
    for (let month = 12; month >= 1; month -= 1) {
      const receivedOn = addDays(today, -month * 30);
      const tag = receivedOn.slice(2).replaceAll('-', '');
      const lines: MethodInput<'inventory.receiveDelivery'>['lines'] = [
        ...needles.map((n, i) => ({ itemId: n.id, lotNumber: `${n.manufacturer.slice(0, 2).toUpperCase()}${tag}${i}`, expiryDate: addDays(receivedOn, month === 11 ? 380 : 730 + i * 60), quantity: i < 2 ? 5 : 2, quantityUnit: 'pack' as const, costCents: 1250 + i * 100, costPer: 'pack' as const })),
        ...gloves.map((g) => ({ itemId: g.id, lotNumber: `G${tag}`, expiryDate: addDays(receivedOn, 1400), quantity: 1, quantityUnit: 'pack' as const, costCents: 1899, costPer: 'pack' as const })),
        { itemId: swabs.id, lotNumber: `AP${tag}`, expiryDate: addDays(receivedOn, 900), quantity: 1, quantityUnit: 'pack' as const, costCents: 499, costPer: 'pack' as const },
      ];
      if (month % 3 === 0) {
        lines.push(
          { itemId: cotton.id, lotNumber: '', expiryDate: null, quantity: 1, quantityUnit: 'pack', costCents: 350, costPer: 'pack' },
          { itemId: rub.id, lotNumber: `HR${tag}`, expiryDate: addDays(receivedOn, 700), quantity: 2, quantityUnit: 'pack', costCents: 899, costPer: 'pack' },
          { itemId: containers.id, lotNumber: '', expiryDate: null, quantity: 2, quantityUnit: 'pack', costCents: 650, costPer: 'pack' },
          { itemId: masks.id, lotNumber: `PM${tag}`, expiryDate: addDays(receivedOn, 1800), quantity: 1, quantityUnit: 'pack', costCents: 799, costPer: 'pack' },
        );
      }
      const { lots } = await call('inventory.receiveDelivery', { receivedOn, supplier: 'Lhasa OMS', reference: `PO-${tag}`, lines });
      for (const lot of lots) lotIdsByItem.set(lot.itemId, [...(lotIdsByItem.get(lot.itemId) ?? []), lot.id]);
    }

    // Weekly use outside session records (the sessions area records per-visit use on top of this).
    progress('  weekly use');
    for (let week = 50; week >= 1; week -= 1) {
      const occurredOn = addDays(today, -week * 7);
      if (week === 36) {
        const lot = await call('inventory.fefoLot', { itemId: needles[0]!.id, onDate: occurredOn });
        if (lot) await call('inventory.waste', { lotId: lot.id, quantity: Math.min(100, lot.onHand), occurredOn, reason: 'dropped_or_contaminated', note: 'Box fell on the floor, seal split' });
      }
      for (const item of [...needles, gloves[1]!, swabs]) {
        const lot = await call('inventory.fefoLot', { itemId: item.id, onDate: occurredOn });
        if (lot && lot.onHand > 0) await call('inventory.use', { lotId: lot.id, quantity: Math.min(lot.onHand, item.kind === 'needle' ? 40 : 60), occurredOn, note: 'weekly use' });
      }
    }

    // A cycle count with a small variance, and a recall.
    const sheet = await call('inventory.cycleCountSheet', { category: 'exam_glove' });
    await call('inventory.commitCycleCount', {
      category: 'exam_glove',
      countedOn: addDays(today, -40),
      note: 'quarterly count',
      counts: sheet.map((lot, i) => ({ lotId: lot.id, countedQuantity: Math.max(0, lot.onHand - (i === 0 ? 12 : 0)) })),
    });
    const recallLot = (lotIdsByItem.get(needles[2]!.id) ?? [])[4];
    if (recallLot) {
      await call('inventory.recall', { lotId: recallLot, occurredOn: addDays(today, -20), noticeReference: 'MYO-FSN-2026-07', note: 'Manufacturer letter: possible seal failure' });
    }
  },
};
