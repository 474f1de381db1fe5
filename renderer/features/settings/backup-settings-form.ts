// The backup folder and retention settings as form text, and how they become a settings.update patch.
import type { ClinicSettings } from '../../../db/clinic/settings-schema';
import type { FieldErrors } from '../../lib/form-errors';

export interface BackupSettingsFormValues {
  backupDirectory: string;
  backupKeepDaily: string;
  backupKeepWeekly: string;
  backupKeepMonthly: string;
  backupEncrypted: string;
  [key: string]: string;
}

export type BackupSettingsPatch = Pick<ClinicSettings, 'backupDirectory' | 'backupKeepDaily' | 'backupKeepWeekly' | 'backupKeepMonthly' | 'backupEncrypted'>;

export function toBackupSettingsValues(settings: ClinicSettings): BackupSettingsFormValues {
  return {
    backupDirectory: settings.backupDirectory,
    backupKeepDaily: String(settings.backupKeepDaily),
    backupKeepWeekly: String(settings.backupKeepWeekly),
    backupKeepMonthly: String(settings.backupKeepMonthly),
    backupEncrypted: String(settings.backupEncrypted),
  };
}

const wholeNumber = /^\s*\d+\s*$/;

export type BackupSettingsResult = { ok: true; patch: BackupSettingsPatch } | { ok: false; fieldErrors: FieldErrors };

/** Counts are checked as whole numbers here; their ranges are left to the settings schema. */
export function toBackupSettingsPatch(values: BackupSettingsFormValues): BackupSettingsResult {
  const fieldErrors: FieldErrors = {};
  const count = (field: 'backupKeepDaily' | 'backupKeepWeekly' | 'backupKeepMonthly'): number => {
    if (!wholeNumber.test(values[field])) fieldErrors[field] = 'must be a whole number of copies';
    return Number(values[field]);
  };
  const patch: BackupSettingsPatch = {
    backupDirectory: values.backupDirectory.trim(),
    backupKeepDaily: count('backupKeepDaily'),
    backupKeepWeekly: count('backupKeepWeekly'),
    backupKeepMonthly: count('backupKeepMonthly'),
    backupEncrypted: values.backupEncrypted === 'true',
  };
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, patch };
}
