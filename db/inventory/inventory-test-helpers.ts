// Shared setup for inventory tests: a needle product and a glove item in a fresh clinic.
import type { LocalCaller } from '../api/local-caller';

export async function addNeedleItem(call: LocalCaller, name = 'Seirin J-Type 0.20x30mm') {
  return call('inventory.createItem', {
    kind: 'needle',
    category: 'needle',
    name,
    manufacturer: 'Seirin',
    unit: 'needle',
    unitsPerPack: 100,
    reorderPoint: 200,
    parLevel: 1000,
    diameterMm: 0.2,
    gauge: 32,
    lengthMm: 30,
    hasGuideTube: true,
    isSterileSingleUse: true,
  });
}

export async function addGloveItem(call: LocalCaller) {
  return call('inventory.createItem', {
    kind: 'ppe',
    category: 'exam_glove',
    name: 'Nitrile exam gloves M',
    unit: 'glove',
    unitsPerPack: 200,
    reorderPoint: 400,
    parLevel: 2000,
    size: 'M',
    material: 'nitrile',
  });
}

export async function receiveLot(call: LocalCaller, itemId: number, lotNumber: string, expiryDate: string, quantity: number, receivedOn = '2026-03-01') {
  const { lots } = await call('inventory.receiveDelivery', {
    receivedOn,
    supplier: 'Lhasa OMS',
    reference: 'INV-1',
    lines: [{ itemId, lotNumber, expiryDate, quantity, quantityUnit: 'unit', costCents: quantity * 10, costPer: 'line' }],
  });
  const lot = lots[0];
  if (!lot) throw new Error('no lot received');
  return lot;
}
