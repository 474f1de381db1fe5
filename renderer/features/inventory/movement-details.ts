// A ledger movement's particulars in words, for the lot's movement table.
import { wasteReasonLabels, type MovementView } from '../../../db/inventory/inventory-contract';
import { arrivalConditionLabels, formatCents } from './inventory-labels';

/** The details that matter for a movement, in words (reason, note, supplier, reference, cost, witness, session). */
export function movementDetails(movement: MovementView): string[] {
  const details: string[] = [];
  if (movement.wasteReason) details.push(`Reason: ${wasteReasonLabels[movement.wasteReason]}`);
  if (movement.supplier) details.push(`Supplier: ${movement.supplier}`);
  if (movement.reference) details.push(`${movement.kind === 'recall' ? 'Notice' : movement.kind === 'return' ? 'RMA' : 'Reference'}: ${movement.reference}`);
  if (movement.lineCostCents !== null && movement.kind === 'receive') details.push(`Cost: ${formatCents(movement.lineCostCents)}`);
  if (movement.conditionOnArrival && movement.conditionOnArrival !== 'ok') {
    details.push(`Arrived: ${arrivalConditionLabels[movement.conditionOnArrival as keyof typeof arrivalConditionLabels] ?? movement.conditionOnArrival}`);
  }
  if (movement.destroyMethod) details.push(`Method: ${movement.destroyMethod}`);
  if (movement.witnessName) details.push(`Witness: ${movement.witnessName}`);
  if (movement.sessionId !== null) details.push(`Session #${movement.sessionId}`);
  if (movement.reversesMovementId !== null) details.push(`Reverses movement #${movement.reversesMovementId}`);
  if (movement.note) details.push(`Note: ${movement.note}`);
  return details;
}
