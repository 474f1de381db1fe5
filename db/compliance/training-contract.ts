// API methods for bloodborne-pathogens training records (1910.1030(h)(2)) and the hepatitis B vaccination offer
// summary (1910.1030(f)(2)). Employee records: a separate domain from patient records. Pure.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { managersOnly, oversight, type StaffRole } from '../api/roles';

export const trainingTypes = ['initial', 'annual', 'change'] as const;
export type TrainingType = (typeof trainingTypes)[number];
export const hbvResponses = ['pending', 'accepted', 'declined'] as const;
export type HbvResponse = (typeof hbvResponses)[number];

export interface TrainingView {
  id: number;
  trainedOn: string;
  trainingType: TrainingType;
  contentSummary: string;
  trainerName: string;
  trainerQualifications: string;
  /** Names and job titles as they were on the day, (h)(2)(i)(D). */
  attendees: Array<{ staffId: number; name: string; jobTitle: string }>;
  isVoided: boolean;
  voidReason: string | null;
  recordedAt: string;
  recordedByName: string;
  retainUntil: string;
}

export type TrainingState = 'current' | 'due_soon' | 'overdue' | 'never_trained';

export interface StaffTrainingStatus {
  staffId: number;
  name: string;
  role: StaffRole;
  jobTitle: string;
  lastTrainedOn: string | null;
  /** Within one year of the previous training, (g)(2)(ii). */
  nextDueOn: string | null;
  state: TrainingState;
}

export interface HbvOfferView {
  id: number;
  staffId: number;
  staffName: string;
  assignedOn: string;
  offeredOn: string;
  /** 10 working days after assignment to tasks with exposure, (f)(2)(i). */
  offerDeadlineOn: string;
  isOfferedInTime: boolean;
  response: HbvResponse;
  isDeclinationSigned: boolean;
  note: string;
  flags: string[];
  amendmentCount: number;
  recordedAt: string;
  /** Null: kept for the duration of employment plus 30 years, so it has no end date while employed. */
  retainUntil: string | null;
  retention: string;
}

const hbvFields = {
  staffId: recordId,
  assignedOn: businessDate,
  offeredOn: businessDate,
  response: z.enum(hbvResponses, { error: `must be one of: ${hbvResponses.join(', ')}` }),
  isDeclinationSigned: z.boolean().default(false),
  note: optionalText(500),
};

export const trainingMethods = {
  'compliance.recordTraining': method<TrainingView>()({
    input: z.strictObject({
      trainedOn: businessDate,
      trainingType: z.enum(trainingTypes).default('annual'),
      contentSummary: requiredText(4000),
      trainerName: requiredText(120),
      trainerQualifications: requiredText(500),
      attendeeStaffIds: z.array(recordId).min(1, 'training needs at least one attendee').max(200),
    }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Records a BBP training session with its trainer and attendees (job titles kept as on the day).',
  }),
  'compliance.voidTraining': method<TrainingView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a training record entered in error; it stays visible with the reason.',
  }),
  'compliance.listTrainings': method<TrainingView[]>()({
    input: z.strictObject({ includeVoided: z.boolean().default(false) }),
    kind: 'read',
    roles: oversight,
    summary: 'BBP training sessions, newest first.',
  }),
  'compliance.trainingStatus': method<StaffTrainingStatus[]>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: oversight,
    summary: "Each staff member's last BBP training and next annual due date.",
  }),
  'compliance.recordHbvOffer': method<HbvOfferView>()({
    input: z.strictObject(hbvFields),
    kind: 'write',
    roles: managersOnly,
    summary: 'Records the hepatitis B vaccination offer for a staff member (summary only).',
  }),
  'compliance.amendHbvOffer': method<HbvOfferView>()({
    input: z.strictObject({ id: recordId, reason: changeReason, ...hbvFields }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Corrects or updates a vaccination offer summary (for example the answer came in).',
  }),
  'compliance.listHbvOffers': method<HbvOfferView[]>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: managersOnly,
    summary: 'Hepatitis B vaccination offers with flags for late offers and missing declinations.',
  }),
};
