// The whole API: every method name with its input schema, output type and roles. Pure: the renderer imports it.
// Each area declares its methods beside its code; this map only gathers them.
import { auditMethods } from '../audit/audit-contract';
import { backupMethods } from '../backups/backup-contract';
import { clinicMethods } from '../clinic/clinic-contract';
import { complianceMethods } from '../compliance/compliance-contract';
import { dashboardMethods } from '../dashboard/dashboard-contract';
import { exportMethods } from '../exports/exports-contract';
import { inventoryCsvMethods, inventoryMethods } from '../inventory/inventory-contract';
import { revenueMethods } from '../revenue/revenue-contract';
import { sessionMethods } from '../sessions/sessions-contract';
import { staffMethods } from '../staff/staff-contract';
import type { InputOf, OutputOf } from './define-method';

export const contract = {
  ...clinicMethods,
  ...staffMethods,
  ...auditMethods,
  ...backupMethods,
  ...inventoryMethods,
  ...inventoryCsvMethods,
  ...sessionMethods,
  ...revenueMethods,
  ...dashboardMethods,
  ...exportMethods,
  ...complianceMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = InputOf<Contract[M]>;
export type MethodOutput<M extends MethodName> = OutputOf<Contract[M]>;

export function isMethodName(name: string): name is MethodName {
  // Own keys only, so "__proto__", "constructor" and "toString" are unknown methods.
  return Object.prototype.hasOwnProperty.call(contract, name);
}
