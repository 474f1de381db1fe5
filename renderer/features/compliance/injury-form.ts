// The sharps injury form as text and how it becomes compliance.recordInjury / amendInjury input. Follow-up
// dates are typed one per line ("2026-07-02 Occupational health evaluation"), read here and checked by the schema.
import type { MethodInput } from '../../../db/api/contract';
import type { DeviceType, InjuryFollowUp, InjuryView, ProcedurePhase } from '../../../db/compliance/injury-contract';
import type { FieldErrors } from '../../lib/form-errors';
import { checkMethodInput, FormReader, type InputCheck } from './compliance-forms';

type InjuryFieldsInput = MethodInput<'compliance.recordInjury'>;

export type InjuryFormValues = {
  occurredOn: string;
  occurredTime: string;
  deviceType: string;
  deviceBrand: string;
  lotId: string;
  workArea: string;
  howItHappened: string;
  procedurePhase: string;
  bodyPart: string;
  jobClassification: string;
  protocolFollowed: string;
  followUps: string;
  employeeStaffId: string;
  sourceSessionId: string;
  reason: string;
};

export function newInjuryValues(today: string): InjuryFormValues {
  return {
    occurredOn: today,
    occurredTime: '',
    deviceType: 'filiform_dry_needle',
    deviceBrand: '',
    lotId: '',
    workArea: '',
    howItHappened: '',
    procedurePhase: '',
    bodyPart: '',
    jobClassification: '',
    protocolFollowed: '',
    followUps: '',
    employeeStaffId: '',
    sourceSessionId: '',
    reason: '',
  };
}

export function followUpsToText(followUps: readonly InjuryFollowUp[]): string {
  return followUps.map((f) => `${f.on} ${f.what}`).join('\n');
}

/** One follow-up per non-blank line: a YYYY-MM-DD date, then what was done. */
export function parseFollowUps(text: string): { followUps: InjuryFollowUp[]; error: string | null } {
  const followUps: InjuryFollowUp[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
    if (!match) return { followUps, error: `line ${index + 1}: write the date (YYYY-MM-DD), a space, then what was done` };
    followUps.push({ on: match[1] as string, what: (match[2] as string).trim() });
  }
  return { followUps, error: null };
}

/** The form as the entry it would amend, with the identity loaded by a manager (an audited read). */
export function injuryToFormValues(view: InjuryView, identity: { staffId: number; sourceSessionId: number | null } | null): InjuryFormValues {
  return {
    occurredOn: view.occurredOn,
    occurredTime: view.occurredTime,
    deviceType: view.deviceType,
    deviceBrand: view.deviceBrand,
    lotId: view.lotId === null ? '' : String(view.lotId),
    workArea: view.workArea,
    howItHappened: view.howItHappened,
    procedurePhase: view.procedurePhase ?? '',
    bodyPart: view.bodyPart,
    jobClassification: view.jobClassification,
    protocolFollowed: view.protocolFollowed,
    followUps: followUpsToText(view.followUps),
    employeeStaffId: identity ? String(identity.staffId) : '',
    sourceSessionId: identity?.sourceSessionId == null ? '' : String(identity.sourceSessionId),
    reason: '',
  };
}

function toFields(values: InjuryFormValues): { fields: InjuryFieldsInput; errors: FieldErrors } {
  const read = new FormReader(values);
  const parsed = parseFollowUps(values.followUps);
  if (parsed.error) read.errors.followUps = parsed.error;
  const fields: InjuryFieldsInput = {
    occurredOn: values.occurredOn,
    occurredTime: values.occurredTime,
    deviceType: read.choice<DeviceType>('deviceType', 'the type of device'),
    deviceBrand: values.deviceBrand,
    // The API takes the item from the lot, and the brand from the item when it is left blank.
    stockItemId: null,
    lotId: read.optionalId('lotId'),
    workArea: values.workArea,
    howItHappened: values.howItHappened,
    procedurePhase: read.optionalChoice<ProcedurePhase>('procedurePhase'),
    bodyPart: values.bodyPart,
    jobClassification: values.jobClassification,
    protocolFollowed: values.protocolFollowed,
    followUps: parsed.followUps,
    employeeStaffId: read.id('employeeStaffId', 'the injured employee'),
    sourceSessionId: read.optionalId('sourceSessionId'),
  };
  return { fields, errors: read.errors };
}

const injuryFieldNames = Object.keys(newInjuryValues('')).filter((f) => f !== 'reason');

export function toRecordInjuryInput(values: InjuryFormValues): InputCheck<InjuryFieldsInput> {
  const { fields, errors } = toFields(values);
  return checkMethodInput('compliance.recordInjury', fields, injuryFieldNames, errors);
}

export function toAmendInjuryInput(id: number, values: InjuryFormValues): InputCheck<MethodInput<'compliance.amendInjury'>> {
  const { fields, errors } = toFields(values);
  return checkMethodInput('compliance.amendInjury', { id, reason: values.reason, injury: fields }, [...injuryFieldNames, 'reason'], errors);
}
