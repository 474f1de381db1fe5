// API methods for the sharps injury log, 29 CFR 1910.1030(h)(5): device, work area, how it happened.
// The injured employee's identity is kept apart and shown only to a manager who asks. Pure: shared with the renderer.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText, timeOfDay } from '../api/common-schemas';
import { method } from '../api/define-method';
import { managersOnly, oversight } from '../api/roles';

export const deviceTypes = ['filiform_dry_needle', 'hypodermic_needle', 'lancet', 'other_sharp'] as const;
export type DeviceType = (typeof deviceTypes)[number];
export const deviceTypeLabels: Record<DeviceType, string> = {
  filiform_dry_needle: 'Filiform (dry) needle',
  hypodermic_needle: 'Hypodermic needle',
  lancet: 'Lancet',
  other_sharp: 'Other sharp',
};
export const procedurePhases = ['insertion', 'manipulation', 'withdrawal', 'disposal', 'after_disposal', 'stray_needle_found', 'cleaning', 'other'] as const;
export type ProcedurePhase = (typeof procedurePhases)[number];

export interface InjuryFollowUp {
  on: string;
  what: string;
}

export interface InjuryView {
  id: number;
  /** YYYY-NNN: the privacy-case number (1904.29(b)(6)), never a name. */
  caseNumber: string;
  occurredOn: string;
  occurredTime: string;
  deviceType: DeviceType;
  deviceBrand: string;
  stockItemId: number | null;
  stockItemName: string | null;
  lotId: number | null;
  lotNumber: string | null;
  workArea: string;
  howItHappened: string;
  procedurePhase: ProcedurePhase | null;
  bodyPart: string;
  jobClassification: string;
  protocolFollowed: string;
  followUps: InjuryFollowUp[];
  status: 'recorded' | 'voided';
  voidReason: string | null;
  amendmentCount: number;
  recordedAt: string;
  recordedByName: string;
  retainUntil: string;
  /** The clinic is partially exempt from Part 1904 and keeps this log voluntarily (1910.1030(h)(5)(ii)). */
  maintainedVoluntarily: boolean;
  /** Present only when a manager asked for identities; that read is itself audited. */
  employee?: { staffId: number; name: string; sourceSessionId: number | null };
}

export interface InjuryLog {
  maintainedVoluntarily: boolean;
  logStatus: 'required' | 'voluntary';
  retention: string;
  includesIdentity: boolean;
  entries: InjuryView[];
}

const deviceType = z.enum(deviceTypes, { error: `must be one of: ${deviceTypes.join(', ')}` });

export const injuryFields = z.strictObject({
  occurredOn: businessDate,
  occurredTime: timeOfDay,
  deviceType,
  /** "If known" (h)(5)(i)(A): left empty it is taken from the linked stock item, or "unknown". */
  deviceBrand: optionalText(120),
  stockItemId: recordId.nullable().default(null),
  lotId: recordId.nullable().default(null),
  workArea: requiredText(120),
  howItHappened: requiredText(2000),
  procedurePhase: z.enum(procedurePhases).nullable().default(null),
  bodyPart: optionalText(80),
  jobClassification: optionalText(80),
  protocolFollowed: optionalText(2000),
  followUps: z.array(z.strictObject({ on: businessDate, what: requiredText(200) })).max(20).default([]),
  /** The injured employee: stored in the confidential list, never in the log itself. */
  employeeStaffId: recordId,
  /** The session whose patient is the source individual, for (f)(3) follow-up; confidential like the identity. */
  sourceSessionId: recordId.nullable().default(null),
});

export type InjuryFields = z.output<typeof injuryFields>;

const logFilter = {
  year: z.number().int('must be a year').min(1900).max(2200).optional(),
  includeVoided: z.boolean().default(false),
  includeIdentity: z.boolean().default(false),
};

export const injuryMethods = {
  'compliance.recordInjury': method<InjuryView>()({
    input: injuryFields,
    kind: 'write',
    roles: managersOnly,
    summary: 'Records a sharps injury in the log; the employee identity goes to the confidential list.',
  }),
  'compliance.amendInjury': method<InjuryView>()({
    input: z.strictObject({ id: recordId, reason: changeReason, injury: injuryFields }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Corrects a log entry (for example adds follow-up dates); the old version stays in the audit log.',
  }),
  'compliance.voidInjury': method<InjuryView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a log entry made in error; it stays visible with the reason.',
  }),
  // A write: when a manager includes identities the read itself is audited (view_identity), and reads append nothing.
  'compliance.listInjuries': method<InjuryLog>()({
    input: z.strictObject(logFilter),
    kind: 'write',
    roles: oversight,
    summary: 'The sharps injury log without identities; a manager may include them, which is audited.',
  }),
  'compliance.injuryLogCsv': method<{ fileName: string; csv: string }>()({
    input: z.strictObject(logFilter),
    kind: 'write',
    roles: oversight,
    summary: 'The sharps injury log as CSV, identities only when a manager includes them (audited).',
  }),
};
