// Every log an audit bundle can hold, gathered from the areas in the order the report prints them.
// An area adds its logs by appending its list here (audit_events.csv is written by audit-events-csv.ts).
import type { Database } from 'better-sqlite3';
import { resolveLog, type ExportLog, type LogOptions, type ResolvedLog } from './log-definition';
import { auditLogs } from './logs/audit-logs';
import { complianceLogs } from './logs/compliance-logs';
import { inventoryLogs } from './logs/inventory-logs';
import { revenueLogs } from './logs/revenue-logs';
import { sessionsLogs } from './logs/sessions-logs';
import { exportAreaLogs, staffLogs } from './logs/staff-and-export-logs';

export const exportLogs: readonly ExportLog[] = [...sessionsLogs, ...inventoryLogs, ...revenueLogs, ...complianceLogs, ...staffLogs, ...exportAreaLogs, ...auditLogs];

/** The logs this clinic file holds, for these options. */
export function resolveExportLogs(db: Database, options: LogOptions, logs: readonly ExportLog[] = exportLogs): ResolvedLog[] {
  return logs.filter((log) => log.isIncluded?.(options) ?? true).flatMap((log) => resolveLog(db, log) ?? []);
}
