// Every method's handler, gathered from the areas. Typed against the contract: a missing one fails to compile.
import { auditHandlers } from '../audit/audit-handlers';
import { backupHandlers } from '../backups/backup-handlers';
import { clinicHandlers } from '../clinic/clinic-handlers';
import { complianceHandlers } from '../compliance/compliance-handlers';
import { dashboardHandlers } from '../dashboard/dashboard-handlers';
import { exportHandlers } from '../exports/exports-handlers';
import { inventoryHandlers } from '../inventory/inventory-handlers';
import { revenueHandlers } from '../revenue/revenue-handlers';
import { sessionHandlers } from '../sessions/sessions-handlers';
import { staffHandlers } from '../staff/staff-handlers';
import type { Contract } from './contract';
import type { HandlersFor } from './handler-context';

export const handlers: HandlersFor<Contract> = {
  ...clinicHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...inventoryHandlers,
  ...sessionHandlers,
  ...revenueHandlers,
  ...dashboardHandlers,
  ...exportHandlers,
  ...complianceHandlers,
};
