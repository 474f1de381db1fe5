// API methods for clinic-defined recurring compliance tasks. An occurrence not done in its window is recorded
// as missed, never silently rolled forward. Pure.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { clinicalStaff, managersOnly, readers, staffRoles, type StaffRole } from '../api/roles';

export const cadences = ['weekly', 'monthly', 'yearly'] as const;
export type Cadence = (typeof cadences)[number];
/** The longest window each cadence allows: a window never runs into the next period. */
export const maxWindowDays: Record<Cadence, number> = { weekly: 7, monthly: 28, yearly: 365 };
export const taskEvidence = ['fill_check', 'plan_review', 'bbp_training'] as const;
export type TaskEvidence = (typeof taskEvidence)[number];

export interface TaskOccurrenceView {
  id: number | null;
  taskId: number;
  periodStart: string;
  dueOn: string;
  /** open = the current period, not yet done. */
  status: 'done' | 'missed' | 'open';
  doneOn: string | null;
  doneByName: string | null;
  evidence: string;
  note: string;
  lateDoneOn: string | null;
  lateNote: string | null;
}

export interface TaskView {
  id: number;
  title: string;
  description: string;
  cadence: Cadence;
  windowDays: number | null;
  startsOn: string | null;
  ownerRole: StaffRole | null;
  ownerStaffId: number | null;
  ownerName: string | null;
  evidence: TaskEvidence | null;
  isDefault: boolean;
  isActive: boolean;
  current: TaskOccurrenceView | null;
  /** Missed occurrences not yet done late. */
  missed: TaskOccurrenceView[];
  recent: TaskOccurrenceView[];
}

const taskFields = {
  title: requiredText(120),
  description: optionalText(1000),
  windowDays: z.number().int('must be whole days').min(1, 'must be at least 1 day').max(365).nullable().default(null),
  ownerRole: z.enum(staffRoles).nullable().default(null),
  ownerStaffId: recordId.nullable().default(null),
};

export const taskMethods = {
  // A write: reading the schedule records any occurrence whose window closed undone as missed, with its audit event.
  'compliance.listTasks': method<TaskView[]>()({
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    kind: 'write',
    roles: readers,
    summary: 'Recurring tasks with their current occurrence and any missed ones (recording newly missed ones).',
  }),
  'compliance.createTask': method<TaskView>()({
    input: z
      .strictObject({ ...taskFields, cadence: z.enum(cadences), startsOn: businessDate })
      .refine((t) => t.windowDays === null || t.windowDays <= maxWindowDays[t.cadence], {
        message: 'must fit inside one period (7 days weekly, 28 monthly, 365 yearly)',
        path: ['windowDays'],
      }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Adds a recurring check (for example a monthly eyewash check) with its cadence, window and owner.',
  }),
  'compliance.updateTask': method<TaskView>()({
    input: z.strictObject({ id: recordId, ...taskFields, isActive: z.boolean().default(true), reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: "Changes a task's title, window or owner, or retires it; its cadence and history stay.",
  }),
  'compliance.completeTask': method<TaskView>()({
    input: z.strictObject({ taskId: recordId, doneOn: businessDate, note: optionalText(500) }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Marks the occurrence whose window holds the date as done.',
  }),
  'compliance.completeMissedTask': method<TaskView>()({
    input: z.strictObject({ occurrenceId: recordId, doneOn: businessDate, note: requiredText(500) }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records that a missed occurrence was done late; it stays recorded as missed.',
  }),
};
