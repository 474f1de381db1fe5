// The forms of the staff and programme records (BBP training, vaccination offers, plan reviews, credentials,
// state profiles, recurring tasks) and of MDR evaluations, as text, and how each becomes its API input.
import type { MethodInput } from '../../../db/api/contract';
import type { StaffRole } from '../../../db/api/roles';
import type { StateProfile } from '../../../db/compliance/credentials-contract';
import type { NeedleDefect } from '../../../db/compliance/mdr-contract';
import type { Cadence, TaskView } from '../../../db/compliance/tasks-contract';
import type { HbvOfferView, HbvResponse, TrainingType } from '../../../db/compliance/training-contract';
import { checkMethodInput, FormReader, type InputCheck } from './compliance-forms';

// ---- BBP training ----

export type TrainingFormValues = {
  trainedOn: string;
  trainingType: string;
  contentSummary: string;
  trainerName: string;
  trainerQualifications: string;
  attendeeStaffIds: string;
};

export function newTrainingValues(today: string): TrainingFormValues {
  return { trainedOn: today, trainingType: 'annual', contentSummary: '', trainerName: '', trainerQualifications: '', attendeeStaffIds: '' };
}

export function toTrainingInput(values: TrainingFormValues): InputCheck<MethodInput<'compliance.recordTraining'>> {
  const read = new FormReader(values);
  const input = {
    trainedOn: values.trainedOn,
    trainingType: read.choice<TrainingType>('trainingType', 'the kind of training'),
    contentSummary: values.contentSummary,
    trainerName: values.trainerName,
    trainerQualifications: values.trainerQualifications,
    attendeeStaffIds: read.ids('attendeeStaffIds'),
  };
  return checkMethodInput('compliance.recordTraining', input, Object.keys(values), read.errors);
}

// ---- Hepatitis B vaccination offer (summary only) ----

export type HbvFormValues = {
  staffId: string;
  assignedOn: string;
  offeredOn: string;
  response: string;
  isDeclinationSigned: string;
  note: string;
  reason: string;
};

export function newHbvValues(today: string, staffId?: number): HbvFormValues {
  return { staffId: staffId === undefined ? '' : String(staffId), assignedOn: today, offeredOn: today, response: 'pending', isDeclinationSigned: 'false', note: '', reason: '' };
}

export function hbvToFormValues(offer: HbvOfferView): HbvFormValues {
  return {
    staffId: String(offer.staffId),
    assignedOn: offer.assignedOn,
    offeredOn: offer.offeredOn,
    response: offer.response,
    isDeclinationSigned: String(offer.isDeclinationSigned),
    note: offer.note,
    reason: '',
  };
}

function hbvFields(read: FormReader<HbvFormValues>, values: HbvFormValues) {
  const response = read.choice<HbvResponse>('response', 'the answer');
  return {
    staffId: read.id('staffId', 'the staff member'),
    assignedOn: values.assignedOn,
    offeredOn: values.offeredOn,
    response,
    // Only a declination is signed.
    isDeclinationSigned: response === 'declined' && read.flag('isDeclinationSigned'),
    note: values.note,
  };
}

export function toRecordHbvInput(values: HbvFormValues): InputCheck<MethodInput<'compliance.recordHbvOffer'>> {
  const read = new FormReader(values);
  const input = hbvFields(read, values);
  return checkMethodInput('compliance.recordHbvOffer', input, Object.keys(values), read.errors);
}

export function toAmendHbvInput(id: number, values: HbvFormValues): InputCheck<MethodInput<'compliance.amendHbvOffer'>> {
  const read = new FormReader(values);
  const input = { id, reason: values.reason, ...hbvFields(read, values) };
  return checkMethodInput('compliance.amendHbvOffer', input, Object.keys(values), read.errors);
}

// ---- Exposure control plan review ----

export type PlanReviewFormValues = {
  reviewedOn: string;
  reviewer: string;
  changes: string;
  saferDevicesConsidered: string;
  isFrontlineConsulted: string;
  frontlineNames: string;
};

export function newPlanReviewValues(today: string, reviewer = ''): PlanReviewFormValues {
  return { reviewedOn: today, reviewer, changes: '', saferDevicesConsidered: '', isFrontlineConsulted: '', frontlineNames: '' };
}

export function toPlanReviewInput(values: PlanReviewFormValues): InputCheck<MethodInput<'compliance.recordPlanReview'>> {
  const read = new FormReader(values);
  if (values.isFrontlineConsulted === '') read.errors.isFrontlineConsulted = 'must say whether frontline staff were consulted';
  const input = {
    reviewedOn: values.reviewedOn,
    reviewer: values.reviewer,
    changes: values.changes,
    saferDevicesConsidered: values.saferDevicesConsidered,
    isFrontlineConsulted: read.flag('isFrontlineConsulted'),
    frontlineNames: values.isFrontlineConsulted === 'true' ? values.frontlineNames : '',
  };
  return checkMethodInput('compliance.recordPlanReview', input, Object.keys(values), read.errors);
}

// ---- Dry-needling credentials ----

export type CredentialFormValues = {
  staffId: string;
  course: string;
  provider: string;
  hours: string;
  completedOn: string;
  certificateNumber: string;
  state: string;
  expiresOn: string;
};

export function newCredentialValues(state: string, staffId?: number): CredentialFormValues {
  return { staffId: staffId === undefined ? '' : String(staffId), course: '', provider: '', hours: '', completedOn: '', certificateNumber: '', state, expiresOn: '' };
}

export function toCredentialInput(values: CredentialFormValues): InputCheck<MethodInput<'compliance.recordCredential'>> {
  const read = new FormReader(values);
  const input = {
    staffId: read.id('staffId', 'the therapist'),
    course: values.course,
    provider: values.provider,
    hours: read.number('hours'),
    completedOn: values.completedOn,
    certificateNumber: values.certificateNumber,
    state: values.state.trim().toUpperCase(),
    expiresOn: values.expiresOn === '' ? null : values.expiresOn,
  };
  return checkMethodInput('compliance.recordCredential', input, Object.keys(values), read.errors);
}

// ---- State rule profile ----

const profileNumbers = ['minHoursTotal', 'minHoursInPerson', 'minHoursBeforeClinicalUse', 'completionWindowYears', 'minPracticeYears', 'supervisedSessions', 'adverseEventReportDays'] as const;
const profileFlags = ['isDnPermitted', 'consentWrittenRequired', 'consentCopyToPatient', 'consentMustStateNotAcupuncture', 'referralRequired', 'isVerified'] as const;
const profileTexts = ['state', 'stateName', 'boardFiling', 'adverseEventReportTo', 'sources', 'notes', 'verificationNote'] as const;

export type StateProfileFormValues = Record<(typeof profileNumbers)[number] | (typeof profileFlags)[number] | (typeof profileTexts)[number] | 'reason', string>;

export function stateProfileToFormValues(profile: StateProfile | null): StateProfileFormValues {
  const values = { reason: '' } as StateProfileFormValues;
  for (const key of profileTexts) values[key] = profile ? profile[key] : '';
  for (const key of profileNumbers) values[key] = profile?.[key] == null ? '' : String(profile[key]);
  for (const key of profileFlags) values[key] = profile ? String(profile[key]) : 'false';
  return values;
}

export function toStateProfileInput(values: StateProfileFormValues): InputCheck<MethodInput<'compliance.saveStateProfile'>> {
  const read = new FormReader(values);
  const input: MethodInput<'compliance.saveStateProfile'> = {
    state: values.state.trim().toUpperCase(),
    stateName: values.stateName,
    isDnPermitted: read.flag('isDnPermitted'),
    minHoursTotal: read.optionalNumber('minHoursTotal'),
    minHoursInPerson: read.optionalNumber('minHoursInPerson'),
    minHoursBeforeClinicalUse: read.optionalNumber('minHoursBeforeClinicalUse'),
    completionWindowYears: read.optionalNumber('completionWindowYears'),
    minPracticeYears: read.optionalNumber('minPracticeYears'),
    supervisedSessions: read.optionalNumber('supervisedSessions'),
    consentWrittenRequired: read.flag('consentWrittenRequired'),
    consentCopyToPatient: read.flag('consentCopyToPatient'),
    consentMustStateNotAcupuncture: read.flag('consentMustStateNotAcupuncture'),
    referralRequired: read.flag('referralRequired'),
    boardFiling: values.boardFiling,
    adverseEventReportDays: read.optionalNumber('adverseEventReportDays'),
    adverseEventReportTo: values.adverseEventReportTo,
    sources: values.sources,
    notes: values.notes,
    isVerified: read.flag('isVerified'),
    verificationNote: values.verificationNote,
    reason: values.reason,
  };
  return checkMethodInput('compliance.saveStateProfile', input, Object.keys(values), read.errors);
}

// ---- Recurring tasks ----

export type TaskFormValues = {
  title: string;
  description: string;
  cadence: string;
  windowDays: string;
  startsOn: string;
  /** "role:therapist", "staff:12" or "" for anyone. */
  owner: string;
  isActive: string;
  reason: string;
};

export function newTaskValues(today: string): TaskFormValues {
  return { title: '', description: '', cadence: 'monthly', windowDays: '', startsOn: today, owner: '', isActive: 'true', reason: '' };
}

export function taskToFormValues(task: TaskView): TaskFormValues {
  const owner = task.ownerStaffId !== null ? `staff:${task.ownerStaffId}` : task.ownerRole !== null ? `role:${task.ownerRole}` : '';
  return {
    title: task.title,
    description: task.description,
    cadence: task.cadence,
    windowDays: task.windowDays === null ? '' : String(task.windowDays),
    startsOn: task.startsOn ?? '',
    owner,
    isActive: String(task.isActive),
    reason: '',
  };
}

/** One owner control stands for the API's two fields: a role, or a named staff member. */
export function ownerFields(owner: string): { ownerRole: StaffRole | null; ownerStaffId: number | null } {
  if (owner.startsWith('role:')) return { ownerRole: owner.slice(5) as StaffRole, ownerStaffId: null };
  if (owner.startsWith('staff:')) return { ownerRole: null, ownerStaffId: Number(owner.slice(6)) };
  return { ownerRole: null, ownerStaffId: null };
}

const ownerAliases = (errors: Record<string, string>) => {
  // The API names ownerRole / ownerStaffId; the form has one "owner" control.
  const fixed = { ...errors };
  for (const key of ['ownerRole', 'ownerStaffId']) {
    if (fixed[key] !== undefined) {
      fixed.owner ??= fixed[key];
      delete fixed[key];
    }
  }
  return fixed;
};

export function toCreateTaskInput(values: TaskFormValues): InputCheck<MethodInput<'compliance.createTask'>> {
  const read = new FormReader(values);
  const input = {
    title: values.title,
    description: values.description,
    cadence: read.choice<Cadence>('cadence', 'how often'),
    windowDays: read.optionalNumber('windowDays'),
    startsOn: values.startsOn,
    ...ownerFields(values.owner),
  };
  const check = checkMethodInput('compliance.createTask', input, Object.keys(values), read.errors);
  return check.ok ? check : { ok: false, fieldErrors: ownerAliases(check.fieldErrors) };
}

export function toUpdateTaskInput(id: number, values: TaskFormValues): InputCheck<MethodInput<'compliance.updateTask'>> {
  const read = new FormReader(values);
  const input = {
    id,
    title: values.title,
    description: values.description,
    windowDays: read.optionalNumber('windowDays'),
    ...ownerFields(values.owner),
    isActive: read.flag('isActive'),
    reason: values.reason,
  };
  const check = checkMethodInput('compliance.updateTask', input, Object.keys(values), read.errors);
  return check.ok ? check : { ok: false, fieldErrors: ownerAliases(check.fieldErrors) };
}

export type TaskDoneFormValues = { doneOn: string; note: string };

export function toCompleteTaskInput(taskId: number, values: TaskDoneFormValues): InputCheck<MethodInput<'compliance.completeTask'>> {
  return checkMethodInput('compliance.completeTask', { taskId, ...values }, Object.keys(values));
}

export function toCompleteMissedInput(occurrenceId: number, values: TaskDoneFormValues): InputCheck<MethodInput<'compliance.completeMissedTask'>> {
  return checkMethodInput('compliance.completeMissedTask', { occurrenceId, ...values }, Object.keys(values));
}

// ---- MDR evaluations ----

export type DefectFormValues = { lotId: string; defect: string; eventOn: string; awareOn: string; summary: string; sessionId: string };

export function newDefectValues(today: string): DefectFormValues {
  return { lotId: '', defect: '', eventOn: today, awareOn: today, summary: '', sessionId: '' };
}

export function toDefectInput(values: DefectFormValues): InputCheck<MethodInput<'compliance.openMdrForDefect'>> {
  const read = new FormReader(values);
  const input = {
    lotId: read.id('lotId', 'the lot'),
    defect: read.choice<NeedleDefect>('defect', 'the defect'),
    eventOn: values.eventOn,
    awareOn: values.awareOn,
    summary: values.summary,
    sessionId: read.optionalId('sessionId'),
  };
  return checkMethodInput('compliance.openMdrForDefect', input, Object.keys(values), read.errors);
}

export type DecideFormValues = { reportable: string; reasoning: string; decidedOn: string; reason: string };

export function toDecideInput(id: number, values: DecideFormValues): InputCheck<MethodInput<'compliance.decideMdr'>> {
  const read = new FormReader(values);
  const input = { id, reportable: read.choice<'yes' | 'no'>('reportable', 'whether it is reportable'), reasoning: values.reasoning, decidedOn: values.decidedOn, reason: values.reason };
  return checkMethodInput('compliance.decideMdr', input, Object.keys(values), read.errors);
}

export type ReportFormValues = { reportedOn: string; reportedTo: string; reference: string };

export function toReportInput(id: number, values: ReportFormValues): InputCheck<MethodInput<'compliance.recordMdrReport'>> {
  return checkMethodInput('compliance.recordMdrReport', { id, ...values }, Object.keys(values));
}

export type AnnualReportFormValues = { submittedOn: string; reference: string };

export function toAnnualReportInput(year: number, values: AnnualReportFormValues): InputCheck<MethodInput<'compliance.recordMdrAnnualReport'>> {
  return checkMethodInput('compliance.recordMdrAnnualReport', { year, ...values }, Object.keys(values));
}

export type SessionMdrFormValues = { awareOn: string; summary: string };

export function toSessionMdrInput(sessionId: number, values: SessionMdrFormValues): InputCheck<MethodInput<'compliance.openMdrForSession'>> {
  return checkMethodInput('compliance.openMdrForSession', { sessionId, ...values }, Object.keys(values));
}
