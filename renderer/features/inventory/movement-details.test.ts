import { describe, expect, it } from 'vitest';
import type { MovementView } from '../../../db/inventory/inventory-contract';
import { movementDetails } from './movement-details';

const base: MovementView = {
  id: 1, lotId: 1, kind: 'receive', quantity: 500, balanceAfter: 500, statusAfter: 'available', occurredOn: '2025-03-01', recordedAt: '2025-03-01T15:00:00Z',
  recordedByName: 'Dana', sessionId: null, wasteReason: null, note: '', reference: '', supplier: '', lineCostCents: null, conditionOnArrival: null,
  destroyMethod: null, witnessName: null, reversesMovementId: null,
};

describe('movementDetails', () => {
  it('describes a receipt with supplier, reference, cost and a damaged arrival', () => {
    expect(movementDetails({ ...base, supplier: 'Lhasa OMS', reference: 'PO-1', lineCostCents: 6250, conditionOnArrival: 'seal_breach' })).toEqual([
      'Supplier: Lhasa OMS', 'Reference: PO-1', 'Cost: $62.50', 'Arrived: Seal breach',
    ]);
  });
  it('names the recall notice, the RMA, the waste reason and the destroy witness', () => {
    expect(movementDetails({ ...base, kind: 'recall', reference: 'MYO-FSN-1' })).toEqual(['Notice: MYO-FSN-1']);
    expect(movementDetails({ ...base, kind: 'return', reference: 'RMA-9' })).toEqual(['RMA: RMA-9']);
    expect(movementDetails({ ...base, kind: 'waste', wasteReason: 'other', note: 'fell' })).toEqual(['Reason: Other', 'Note: fell']);
    expect(movementDetails({ ...base, kind: 'destroy', destroyMethod: 'Sharps incineration', witnessName: 'Riley' })).toEqual(['Method: Sharps incineration', 'Witness: Riley']);
  });
});
