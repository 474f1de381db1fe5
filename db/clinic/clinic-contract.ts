// API methods of the clinic profile, first-run setup and settings. Pure: shared with the renderer.
import { z } from 'zod';
import { optionalText, pin, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { managersOnly, readers, type StaffRole } from '../api/roles';
import { settingsPatchSchema, type ClinicSettings } from './settings-schema';

export interface ClinicProfile {
  clinicId: string;
  name: string;
  address: string;
  timeZone: string;
}

export interface ClinicStatus {
  isSetUp: boolean;
  clinic: ClinicProfile | null;
  actingStaff: { staffId: number; name: string; role: StaffRole } | null;
  idleLockMinutes: number;
  appVersion: string;
  /** Today's business date in the clinic's time zone. */
  today: string;
  /** SQLite's check of the file: a large file is still being checked for a moment after start. */
  integrity: { state: 'checking' | 'ok' | 'damaged'; message: string | null };
}

export const timeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, 'is not a time zone this computer knows (for example America/New_York)');

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export const clinicMethods = {
  'clinic.status': method<ClinicStatus>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: 'signed_out',
    summary: 'Whether the clinic is set up, who is acting, and the idle-lock time. Holds no clinical data.',
  }),
  'clinic.setup': method<ClinicStatus>()({
    input: z.strictObject({
      name: requiredText(120),
      address: optionalText(300),
      timeZone: timeZoneSchema,
      firstManager: z.strictObject({
        name: requiredText(120),
        jobTitle: optionalText(120),
        pin: pin.optional(),
      }),
    }),
    kind: 'write',
    roles: 'signed_out',
    summary: 'First run only: creates the clinic and its first manager, who becomes the acting user.',
  }),
  'clinic.updateProfile': method<ClinicProfile>()({
    input: z.strictObject({ name: requiredText(120), address: optionalText(300), timeZone: timeZoneSchema }),
    kind: 'write',
    roles: managersOnly,
    summary: "Changes the clinic's name, address or time zone.",
  }),
  'settings.get': method<ClinicSettings>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: readers,
    summary: "The clinic's settings with defaults filled in.",
  }),
  'settings.update': method<ClinicSettings>()({
    input: settingsPatchSchema,
    kind: 'write',
    roles: managersOnly,
    summary: 'Changes some settings; each change is an audit event with the old and new value.',
  }),
};
