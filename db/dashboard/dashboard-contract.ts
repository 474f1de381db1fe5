// The Dashboard's one read: counts, a year of sessions and revenue, and every alert. Pure: shared with the renderer.
import { z } from 'zod';
import { method } from '../api/define-method';
import { readers } from '../api/roles';
import type { BackupStatus } from '../backups/backup-contract';
import type { ComplianceCalendar } from '../compliance/calendar-contract';
import type { InventoryAlerts } from '../inventory/inventory-contract';
import type { RevenuePeriod } from '../revenue/revenue-contract';
import type { CountBucket } from '../sessions/sessions-contract';

export interface DashboardSummary {
  today: string;
  sessionsToday: number;
  sessionsThisWeek: number;
  sessionsThisMonth: number;
  /** Twelve months up to this one. */
  monthlyCounts: CountBucket[];
  monthlyRevenue: RevenuePeriod[];
  inventoryAlerts: InventoryAlerts;
  /** What is overdue or due soon for an inspection (read without recording missed tasks). */
  compliance: ComplianceCalendar;
  /** The last good backup's age and any failed drill. */
  backups: BackupStatus;
}

export const dashboardMethods = {
  'dashboard.summary': method<DashboardSummary>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: readers,
    summary: "Everything the Dashboard shows: today's counts, twelve months of sessions and revenue, and the alerts.",
  }),
};
