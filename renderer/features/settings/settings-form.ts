// The settings form holds text; this turns it into a settings patch, catching non-numbers before the schema does.
import type { ClinicSettings } from '../../../db/clinic/settings-schema';
import type { FieldErrors } from '../../lib/form-errors';

export interface SettingsFormValues {
  idleLockMinutes: string;
  expiryWarningDays: string;
  containerReplacementDays: string;
  sealedPickupDays: string;
  lateEntryHours: string;
  stateProfile: string;
  isOsha1904Exempt: string;
  [key: string]: string;
}

export type EditableSettings = Pick<
  ClinicSettings,
  'idleLockMinutes' | 'expiryWarningDays' | 'containerReplacementDays' | 'sealedPickupDays' | 'lateEntryHours' | 'stateProfile' | 'isOsha1904Exempt'
>;

export function toSettingsFormValues(settings: ClinicSettings): SettingsFormValues {
  return {
    idleLockMinutes: String(settings.idleLockMinutes),
    expiryWarningDays: settings.expiryWarningDays.join(', '),
    containerReplacementDays: String(settings.containerReplacementDays),
    sealedPickupDays: String(settings.sealedPickupDays),
    lateEntryHours: String(settings.lateEntryHours),
    stateProfile: settings.stateProfile,
    isOsha1904Exempt: String(settings.isOsha1904Exempt),
  };
}

const wholeNumber = /^\s*\d+\s*$/;

/** "30, 60 90" → [30, 60, 90]; null when any entry is not a whole number. */
export function parseDayList(text: string): number[] | null {
  const entries = text.split(/[\s,;]+/).filter((entry) => entry !== '');
  if (!entries.every((entry) => wholeNumber.test(entry))) return null;
  return entries.map(Number);
}

export type SettingsPatchResult = { ok: true; patch: EditableSettings } | { ok: false; fieldErrors: FieldErrors };

/** Numbers are checked as text here; ranges and the rest are left to the API's settings schema. */
export function toSettingsPatch(values: SettingsFormValues): SettingsPatchResult {
  const fieldErrors: FieldErrors = {};
  const whole = (field: keyof SettingsFormValues & string, message = 'must be a whole number'): number => {
    if (!wholeNumber.test(values[field] ?? '')) fieldErrors[field] = message;
    return Number(values[field]);
  };
  const idleLockMinutes = whole('idleLockMinutes', 'must be whole minutes');
  const containerReplacementDays = whole('containerReplacementDays', 'must be whole days');
  const sealedPickupDays = whole('sealedPickupDays', 'must be whole days');
  const lateEntryHours = whole('lateEntryHours', 'must be whole hours');
  const expiryWarningDays = parseDayList(values.expiryWarningDays);
  if (expiryWarningDays === null) fieldErrors.expiryWarningDays = 'must be whole numbers of days, separated by commas';
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    patch: {
      idleLockMinutes,
      // Nearest threshold first, as the settings define them.
      expiryWarningDays: [...new Set(expiryWarningDays)].sort((a, b) => a - b),
      containerReplacementDays,
      sealedPickupDays,
      lateEntryHours,
      stateProfile: values.stateProfile.trim().toUpperCase(),
      isOsha1904Exempt: values.isOsha1904Exempt === 'true',
    },
  };
}
