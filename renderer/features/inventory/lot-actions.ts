// Which actions a lot offers the acting user: by the lot's state (the ledger's rules) and by role (the contract's).
// Expired and recalled stock is never a dead end: quarantine, return and destroy stay open and are put first.
import type { MethodName } from '../../../db/api/contract';
import type { StaffRole } from '../../../db/api/roles';
import type { LotStatus, LotView } from '../../../db/inventory/inventory-contract';
import { canCall } from './form-numbers';

export const lotActionKinds = ['use', 'waste', 'adjust', 'quarantine', 'release', 'recall', 'return', 'destroy'] as const;
export type LotActionKind = (typeof lotActionKinds)[number];

export const lotActionMethods: Record<LotActionKind, MethodName> = {
  use: 'inventory.use',
  waste: 'inventory.waste',
  adjust: 'inventory.commitCycleCount',
  quarantine: 'inventory.quarantine',
  release: 'inventory.release',
  recall: 'inventory.recall',
  return: 'inventory.returnToSupplier',
  destroy: 'inventory.destroy',
};

export const lotActionLabels: Record<LotActionKind, string> = {
  use: 'Record use',
  waste: 'Record waste',
  adjust: 'Adjust count',
  quarantine: 'Quarantine',
  release: 'Release',
  recall: 'Recall',
  return: 'Return to supplier',
  destroy: 'Destroy',
};

/** The statuses each status-changing action starts from (see setLotStatus in the stock ledger). */
const allowedFrom: Partial<Record<LotActionKind, readonly LotStatus[]>> = {
  quarantine: ['available', 'on_hold'],
  release: ['quarantined', 'on_hold'],
  recall: ['available', 'on_hold', 'quarantined'],
};

const needsStock: ReadonlySet<LotActionKind> = new Set(['use', 'waste', 'return', 'destroy']);
/** Ways out for stock that must not be used on a patient. */
const waysOut: ReadonlySet<LotActionKind> = new Set(['quarantine', 'return', 'destroy']);

export interface LotActionOffer {
  kind: LotActionKind;
  label: string;
  /** Shown first and filled: the way out for expired or recalled stock. */
  isWayOut: boolean;
}

/** True when the lot may not be used on a patient although it still holds stock. */
export function isDeadStock(lot: Pick<LotView, 'effectiveStatus' | 'onHand'>): boolean {
  return lot.onHand > 0 && (lot.effectiveStatus === 'expired' || lot.effectiveStatus === 'recalled');
}

export function lotActionsFor(lot: Pick<LotView, 'status' | 'effectiveStatus' | 'onHand'>, role: StaffRole): LotActionOffer[] {
  if (lot.status === 'destroyed') return [];
  const isDead = isDeadStock(lot);
  const offers = lotActionKinds
    .filter((kind) => canCall(lotActionMethods[kind], role))
    .filter((kind) => !needsStock.has(kind) || lot.onHand > 0)
    .filter((kind) => allowedFrom[kind]?.includes(lot.status) ?? true)
    // Use outside a session record is for stock that may go on a patient today; the API refuses the rest.
    .filter((kind) => kind !== 'use' || lot.effectiveStatus === 'available')
    .map((kind) => ({ kind, label: lotActionLabels[kind], isWayOut: isDead && waysOut.has(kind) }));
  return [...offers.filter((o) => o.isWayOut), ...offers.filter((o) => !o.isWayOut)];
}
