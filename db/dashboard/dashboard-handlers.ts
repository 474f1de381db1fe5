// Gathers the Dashboard from each area's read models, in one read transaction.
import type { HandlersFor } from '../api/handler-context';
import { readBackupStatus } from '../backups/backup-status';
import { buildCalendar } from '../compliance/calendar-queries';
import { clinicToday } from '../clinic/clinic-store';
import { inventoryAlerts } from '../inventory/inventory-queries';
import { revenueSeries } from '../revenue/revenue-queries';
import { periodOf, sessionCounts } from '../sessions/sessions-queries';
import type { dashboardMethods } from './dashboard-contract';

/** The first day of the month eleven months before `today`'s month. */
export function twelveMonthsFrom(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 12, 1));
  return start.toISOString().slice(0, 10);
}

export const dashboardHandlers: HandlersFor<typeof dashboardMethods> = {
  'dashboard.summary': (ctx) => {
    const today = clinicToday(ctx.db, ctx.now);
    const from = twelveMonthsFrom(today);
    const monthlyCounts = sessionCounts(ctx.db, from, today, 'month');
    const lastWeek = sessionCounts(ctx.db, periodOf(today, 'week'), today, 'day');
    const stockAlerts = inventoryAlerts(ctx.db, today);
    return {
      today,
      sessionsToday: lastWeek.find((d) => d.period === today)?.total ?? 0,
      sessionsThisWeek: lastWeek.reduce((t, d) => t + d.total, 0),
      sessionsThisMonth: monthlyCounts.at(-1)?.total ?? 0,
      monthlyCounts,
      monthlyRevenue: revenueSeries(ctx.db, from, today, 'month'),
      inventoryAlerts: stockAlerts,
      compliance: buildCalendar(ctx, { recordMissed: false, inventoryAlerts: stockAlerts }),
      backups: readBackupStatus(ctx.db, ctx.env.dbPath, ctx.now),
    };
  },
};

