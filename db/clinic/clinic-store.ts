// SQL for the clinic profile and settings rows.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';
import { businessDateOf } from './business-time';
import type { ClinicProfile } from './clinic-contract';
import { defaultSettings, settingsSchema, type ClinicSettings } from './settings-schema';

interface ClinicRow {
  clinic_uuid: string;
  name: string;
  address: string;
  time_zone: string;
}

const statements = statementsFor((db) => ({
  clinic: db.prepare<[], ClinicRow>('SELECT clinic_uuid, name, address, time_zone FROM clinics WHERE id = 1'),
  insertClinic: db.prepare(
    `INSERT INTO clinics (id, clinic_uuid, name, address, time_zone, created_at)
     VALUES (1, @clinicId, @name, @address, @timeZone, @createdAt)`,
  ),
  updateClinic: db.prepare('UPDATE clinics SET name = @name, address = @address, time_zone = @timeZone WHERE id = 1'),
  settings: db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings'),
  upsertSetting: db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (@key, @valueJson, @updatedAt)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ),
}));

export function readClinicProfile(db: Database): ClinicProfile | null {
  const row = statements(db).clinic.get();
  return row ? { clinicId: row.clinic_uuid, name: row.name, address: row.address, timeZone: row.time_zone } : null;
}

/** The clinic's time zone; before setup, the computer's own. */
export function clinicTimeZone(db: Database): string {
  return readClinicProfile(db)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function insertClinicProfile(db: Database, profile: ClinicProfile, createdAt: string): void {
  statements(db).insertClinic.run({ ...profile, createdAt });
}

export function updateClinicProfile(db: Database, profile: Omit<ClinicProfile, 'clinicId'>): void {
  statements(db).updateClinic.run(profile);
}

/** The last validated settings of each connection, keyed by the stored rows they came from. */
const validatedSettings = new WeakMap<Database, { rowsKey: string; settings: ClinicSettings }>();

/** Stored settings over the defaults; a stored value that no longer validates falls back to its default. */
export function readSettings(db: Database): ClinicSettings {
  // Every API call reads the settings (the idle lock); the rows are read each time, but parsing and validating
  // them again is skipped while they are unchanged, whoever changed them.
  const rows = statements(db).settings.all();
  const rowsKey = rows.map((row) => `${row.key}\u0000${row.value_json}`).join('\u0001');
  let cached = validatedSettings.get(db);
  if (cached?.rowsKey !== rowsKey) {
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const row of rows) {
      if (row.key in defaultSettings) merged[row.key] = JSON.parse(row.value_json);
    }
    const parsed = settingsSchema.safeParse(merged);
    cached = { rowsKey, settings: parsed.success ? parsed.data : defaultSettings };
    validatedSettings.set(db, cached);
  }
  // A copy, so a caller that changes what it got cannot change the cache.
  return { ...cached.settings, expiryWarningDays: [...cached.settings.expiryWarningDays] };
}

export function writeSetting(db: Database, key: keyof ClinicSettings, value: unknown, updatedAt: string): void {
  statements(db).upsertSetting.run({ key, valueJson: JSON.stringify(value), updatedAt });
}

/** Today's business date in the clinic's time zone. */
export function clinicToday(db: Database, now: Date): string {
  return businessDateOf(now, clinicTimeZone(db));
}
