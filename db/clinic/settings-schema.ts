// The clinic's settings: every value a clinic may tune, with its default. Pure: shared with the renderer.
// Values the compliance docs mark [verify] live here as data, never as constants in code.
import { z } from 'zod';

const days = (max: number) => z.number().int('must be whole days').min(1, 'must be at least 1 day').max(max, `must be at most ${max} days`);

export const settingsSchema = z.strictObject({
  /** Lock the shared front-desk PC after this much idle time. */
  idleLockMinutes: z.number().int('must be whole minutes').min(1, 'must be at least 1 minute').max(240, 'must be at most 240 minutes'),
  /** Expiry alert thresholds for stocked lots, nearest first. */
  expiryWarningDays: z.array(days(730)).min(1, 'needs at least one threshold').max(5, 'at most 5 thresholds'),
  /** Flag a sharps container in service longer than this. */
  containerReplacementDays: days(3650),
  /** Flag a sealed sharps container waiting for pickup longer than this (state rules vary). */
  sealedPickupDays: days(365),
  /** The clinic is partially exempt from OSHA Part 1904: the injury log is kept voluntarily. */
  isOsha1904Exempt: z.boolean(),
  /** Per-state dry-needling rule profile the clinic selected (two-letter state code). */
  stateProfile: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  /** A record entered this long after it happened is labelled a late entry. */
  lateEntryHours: z.number().int().min(1).max(720),
  /** Where automatic backups go (empty: a folder beside the clinic file). */
  backupDirectory: z.string().max(1000, 'must be at most 1000 characters'),
  backupKeepDaily: z.number().int().min(1).max(365),
  backupKeepWeekly: z.number().int().min(0).max(520),
  backupKeepMonthly: z.number().int().min(0).max(240),
  /** Encrypt automatic backups; the passphrase is never stored (CLINIC_OPS_BACKUP_PASSPHRASE supplies it). */
  backupEncrypted: z.boolean(),
});

export type ClinicSettings = z.infer<typeof settingsSchema>;

export const defaultSettings: ClinicSettings = {
  idleLockMinutes: 5,
  expiryWarningDays: [30, 60, 90],
  containerReplacementDays: 90,
  sealedPickupDays: 30,
  isOsha1904Exempt: true,
  stateProfile: 'VA',
  lateEntryHours: 24,
  backupDirectory: '',
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  backupKeepMonthly: 12,
  backupEncrypted: false,
};

/** A partial update: only the keys given change. */
export const settingsPatchSchema = settingsSchema.partial();
