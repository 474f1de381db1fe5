// API methods for therapist dry-needling credentials and the per-state rule profiles they are checked against.
// State rules are data the clinic can correct (compliance.md 9.15), not code. Pure.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { managersOnly, readers } from '../api/roles';

export const stateCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code');

export interface StateProfile {
  state: string;
  stateName: string;
  isDnPermitted: boolean;
  minHoursTotal: number | null;
  minHoursInPerson: number | null;
  minHoursBeforeClinicalUse: number | null;
  completionWindowYears: number | null;
  minPracticeYears: number | null;
  supervisedSessions: number | null;
  consentWrittenRequired: boolean;
  consentCopyToPatient: boolean;
  consentMustStateNotAcupuncture: boolean;
  referralRequired: boolean;
  boardFiling: string;
  adverseEventReportDays: number | null;
  adverseEventReportTo: string;
  sources: string;
  notes: string;
  /** False where the research could not confirm the rule from primary text ([verify]). */
  isVerified: boolean;
  verificationNote: string;
  updatedAt: string;
  updatedByName: string | null;
}

export type CredentialState = 'valid' | 'expiring' | 'expired' | 'not_yet_valid' | 'voided';

export interface CredentialView {
  id: number;
  staffId: number;
  staffName: string;
  course: string;
  provider: string;
  hours: number;
  completedOn: string;
  certificateNumber: string;
  state: string;
  expiresOn: string | null;
  /** As of today: expiring = valid but ends within 60 days. */
  credentialState: CredentialState;
  voidReason: string | null;
  recordedAt: string;
  recordedByName: string;
  /** Null: kept for the duration of employment plus the state record period. */
  retainUntil: string | null;
  retention: string;
}

export interface TherapistDnStatus {
  staffId: number;
  name: string;
  /** Why this therapist may not be recorded as needling today, or null. */
  problem: string | null;
  /** Hours of valid training for the clinic's state today. */
  validHours: number;
  /** The last day the credentials valid today last; null when one never expires or none is valid. */
  validUntil: string | null;
}

export interface CredentialOverview {
  selectedState: string;
  stateProfile: StateProfile | null;
  credentials: CredentialView[];
  therapists: TherapistDnStatus[];
}

const hours = (max: number) => z.number({ error: 'must be a number of hours' }).positive('must be more than 0').max(max, `must be at most ${max}`);
const optionalCount = (max: number) => z.number().int('must be a whole number').min(0, 'must not be negative').max(max).nullable().default(null);

export const stateProfileFields = z.strictObject({
  state: stateCode,
  stateName: requiredText(60),
  isDnPermitted: z.boolean(),
  minHoursTotal: hours(1000).nullable().default(null),
  minHoursInPerson: hours(1000).nullable().default(null),
  minHoursBeforeClinicalUse: hours(1000).nullable().default(null),
  completionWindowYears: optionalCount(20),
  minPracticeYears: optionalCount(20),
  supervisedSessions: optionalCount(1000),
  consentWrittenRequired: z.boolean().default(false),
  consentCopyToPatient: z.boolean().default(false),
  consentMustStateNotAcupuncture: z.boolean().default(false),
  referralRequired: z.boolean().default(false),
  boardFiling: optionalText(300),
  adverseEventReportDays: optionalCount(365),
  adverseEventReportTo: optionalText(200),
  sources: optionalText(2000),
  notes: optionalText(2000),
  isVerified: z.boolean().default(false),
  verificationNote: optionalText(500),
  reason: optionalText(500),
});

export const credentialMethods = {
  'compliance.recordCredential': method<CredentialView>()({
    input: z
      .strictObject({
        staffId: recordId,
        course: requiredText(160),
        provider: requiredText(120),
        hours: hours(2000),
        completedOn: businessDate,
        certificateNumber: optionalText(80),
        state: stateCode,
        expiresOn: businessDate.nullable().default(null),
      })
      .refine((c) => c.expiresOn === null || c.expiresOn >= c.completedOn, { message: 'must not be before the completion date', path: ['expiresOn'] }),
    kind: 'write',
    roles: managersOnly,
    summary: "Records a therapist's dry-needling course certificate for a state.",
  }),
  'compliance.voidCredential': method<CredentialView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a credential entered in error or withdrawn; it stays visible with the reason.',
  }),
  'compliance.listCredentials': method<CredentialOverview>()({
    input: z.strictObject({ staffId: recordId.optional(), includeVoided: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: "Credentials, the clinic's state profile, and whether each therapist may needle today.",
  }),
  'compliance.listStateProfiles': method<StateProfile[]>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: readers,
    summary: 'The per-state dry-needling rule profiles, with their verification status.',
  }),
  'compliance.saveStateProfile': method<StateProfile>()({
    input: stateProfileFields,
    kind: 'write',
    roles: managersOnly,
    summary: 'Adds or corrects a state rule profile; the old values stay in the audit log.',
  }),
};
