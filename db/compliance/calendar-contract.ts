// API methods for the compliance calendar ("are we inspection-ready today?") and the auditor's inspector view.
// Pure: shared with the renderer.
import { z } from 'zod';
import { method } from '../api/define-method';
import { oversight, readers } from '../api/roles';
import type { RetentionRule } from './retention';

/** The screen that fixes an item; `id` is the record to open there. */
export const complianceLinkAreas = [
  'sharps',
  'pickups',
  'injuries',
  'mdr',
  'training',
  'vaccination',
  'plan-reviews',
  'credentials',
  'tasks',
  'inventory',
] as const;
export type ComplianceLinkArea = (typeof complianceLinkAreas)[number];

export const calendarItemKinds = [
  'fill_check_due',
  'container_to_seal',
  'container_check_problem',
  'container_replacement_due',
  'container_fill_line_soon',
  'container_awaiting_pickup',
  'room_without_container',
  'certificate_missing',
  'training_due',
  'hbv_vaccination',
  'plan_review_due',
  'credential_expiring',
  'credential_problem',
  'mdr_evaluation',
  'mdr_unevaluated_event',
  'mdr_annual_report',
  'task_due',
  'task_missed',
  'lot_expired',
  'lot_expiring',
] as const;
export type CalendarItemKind = (typeof calendarItemKinds)[number];

export interface CalendarItem {
  kind: CalendarItemKind;
  severity: 'overdue' | 'due_soon';
  title: string;
  detail: string;
  dueOn: string;
  link: { area: ComplianceLinkArea; id?: number };
}

export interface ComplianceCalendar {
  today: string;
  /** Overdue first, then by due date. */
  items: CalendarItem[];
  overdueCount: number;
  dueSoonCount: number;
  /** Green: nothing is overdue. */
  isInspectionReady: boolean;
}

export const inspectorRecordKeys = [
  'sharps_injury_log',
  'bbp_training',
  'exposure_control_plan',
  'hbv_vaccination',
  'sharps_containers',
  'waste_pickups',
  'mdr_files',
  'dn_credentials',
] as const;
export type InspectorRecordKey = (typeof inspectorRecordKeys)[number];

export interface InspectorRecord {
  key: InspectorRecordKey;
  title: string;
  citation: string;
  status: 'ok' | 'attention' | 'missing';
  statusDetail: string;
  /** Counts and dates that show the record is kept; never names. */
  evidence: Record<string, number | string | boolean | null>;
  retention: string;
}

export interface InspectorView {
  generatedOn: string;
  clinicName: string;
  maintainedVoluntarily: boolean;
  records: InspectorRecord[];
  retentionRules: RetentionRule[];
}

export const calendarMethods = {
  // A write: reading the calendar records task occurrences whose window closed undone as missed (audited).
  'compliance.calendar': method<ComplianceCalendar>()({
    input: z.strictObject({}),
    kind: 'write',
    roles: readers,
    summary: 'Everything overdue or due within 30 days, each linking to the screen that fixes it; green when nothing is overdue.',
  }),
  'compliance.inspectorView': method<InspectorView>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: oversight,
    summary: 'Each OSHA and FDA record the clinic must keep, its status and evidence counts and dates (no identities).',
  }),
};
