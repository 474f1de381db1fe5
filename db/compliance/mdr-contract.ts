// API methods for FDA Medical Device Reporting evaluations (21 CFR 803): every session adverse event and every
// needle defect is evaluated for reportability with its reasoning and 10-work-day deadline. Pure.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { clinicalStaff, managersOnly, readers } from '../api/roles';

export const mdrSources = ['adverse_event', 'needle_defect'] as const;
export type MdrSource = (typeof mdrSources)[number];
export const needleDefects = ['broken_needle', 'non_sterile_pack', 'other_defect'] as const;
export type NeedleDefect = (typeof needleDefects)[number];
export const reportableAnswers = ['undecided', 'yes', 'no'] as const;
export type ReportableAnswer = (typeof reportableAnswers)[number];
export const mdrStatuses = ['open', 'decided', 'reported'] as const;
export type MdrStatus = (typeof mdrStatuses)[number];

export interface MdrEvaluationView {
  id: number;
  source: MdrSource;
  sessionId: number | null;
  adverseEvent: string | null;
  lotId: number | null;
  lotNumber: string | null;
  itemName: string | null;
  defect: NeedleDefect | null;
  eventOn: string;
  summary: string;
  awareOn: string;
  /** 10 work days after awareness (803.10(a)); holidays are not modelled. */
  deadlineOn: string;
  reportable: ReportableAnswer;
  reasoning: string;
  decidedOn: string | null;
  decidedByName: string | null;
  reportedOn: string | null;
  reportedTo: string | null;
  reportReference: string | null;
  status: MdrStatus;
  /** Still needs a decision or a report. */
  needsAction: boolean;
  isOverdue: boolean;
  isVoided: boolean;
  voidReason: string | null;
  recordedAt: string;
  recordedByName: string;
  retainUntil: string;
}

export interface MdrAnnualReportStatus {
  year: number;
  reportableCount: number;
  /** Form FDA 3419 for a year is due on January 1 of the next (803.33). */
  dueOn: string;
  submittedOn: string | null;
  reference: string | null;
}

export interface MdrOverview {
  evaluations: MdrEvaluationView[];
  annualReports: MdrAnnualReportStatus[];
  /** Recorded sessions with an adverse event but no evaluation yet (a safety net; sessions open them). */
  unevaluatedSessions: Array<{ sessionId: number; sessionDate: string; adverseEvent: string }>;
}

export const mdrMethods = {
  'compliance.openMdrForDefect': method<MdrEvaluationView>()({
    input: z.strictObject({
      lotId: recordId,
      defect: z.enum(needleDefects, { error: `must be one of: ${needleDefects.join(', ')}` }),
      eventOn: businessDate,
      awareOn: businessDate,
      summary: requiredText(2000),
      sessionId: recordId.nullable().default(null),
    }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Opens an MDR evaluation for a needle defect (broken needle, non-sterile pack) linked to its lot.',
  }),
  'compliance.openMdrForSession': method<MdrEvaluationView>()({
    input: z.strictObject({ sessionId: recordId, awareOn: businessDate, summary: optionalText(2000) }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Opens the MDR evaluation of a session adverse event that has none yet (sessions normally open it).',
  }),
  'compliance.decideMdr': method<MdrEvaluationView>()({
    input: z.strictObject({
      id: recordId,
      reportable: z.enum(['yes', 'no'], { error: 'must be yes or no' }),
      reasoning: requiredText(4000),
      decidedOn: businessDate,
      /** Required when changing an earlier decision. */
      reason: optionalText(500),
    }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Decides whether the event is reportable, with the reasoning 803.18 requires in the file.',
  }),
  'compliance.recordMdrReport': method<MdrEvaluationView>()({
    input: z.strictObject({ id: recordId, reportedOn: businessDate, reportedTo: requiredText(200), reference: requiredText(80) }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Records that a reportable event was reported (manufacturer, or FDA for a death or unknown manufacturer).',
  }),
  'compliance.voidMdr': method<MdrEvaluationView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids an evaluation opened in error; it stays visible with the reason.',
  }),
  'compliance.recordMdrAnnualReport': method<MdrAnnualReportStatus>()({
    input: z.strictObject({ year: z.number().int().min(2000).max(2200), submittedOn: businessDate, reference: requiredText(80) }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Records the Form FDA 3419 annual user-facility report for a year.',
  }),
  'compliance.listMdr': method<MdrOverview>()({
    input: z.strictObject({ status: z.enum(mdrStatuses).optional(), includeVoided: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: 'MDR evaluations with deadlines, annual report status, and adverse events not yet evaluated.',
  }),
};
