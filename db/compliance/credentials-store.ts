// SQL for therapist dry-needling credentials and the per-state rule profiles.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';
import type { StateProfile } from './credentials-contract';

interface ProfileRow {
  state: string;
  state_name: string;
  is_dn_permitted: number;
  min_hours_total: number | null;
  min_hours_in_person: number | null;
  min_hours_before_clinical_use: number | null;
  completion_window_years: number | null;
  min_practice_years: number | null;
  supervised_sessions: number | null;
  consent_written_required: number;
  consent_copy_to_patient: number;
  consent_must_state_not_acupuncture: number;
  referral_required: number;
  board_filing: string;
  adverse_event_report_days: number | null;
  adverse_event_report_to: string;
  sources: string;
  notes: string;
  is_verified: number;
  verification_note: string;
  updated_at: string;
  updated_by_name: string | null;
}

export interface CredentialRow {
  id: number;
  staff_id: number;
  staff_name: string;
  course: string;
  provider: string;
  hours: number;
  completed_on: string;
  certificate_number: string;
  state: string;
  expires_on: string | null;
  recorded_at: string;
  recorded_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

export type ProfileValues = Omit<StateProfile, 'updatedAt' | 'updatedByName'>;

const profileSelect = `SELECT p.*, s.name AS updated_by_name FROM dn_state_profiles p LEFT JOIN staff s ON s.id = p.updated_by`;

const credentialSelect = `SELECT c.id, c.staff_id, t.name AS staff_name, c.course, c.provider, c.hours, c.completed_on, c.certificate_number,
    c.state, c.expires_on, c.recorded_at, r.name AS recorded_by_name, c.voided_at, c.void_reason
  FROM dn_credentials c JOIN staff t ON t.id = c.staff_id JOIN staff r ON r.id = c.recorded_by`;

const statements = statementsFor((db) => ({
  profile: db.prepare<[string], ProfileRow>(`${profileSelect} WHERE p.state = ?`),
  profiles: db.prepare<[], ProfileRow>(`${profileSelect} ORDER BY p.state`),
  upsertProfile: db.prepare(
    `INSERT INTO dn_state_profiles (state, state_name, is_dn_permitted, min_hours_total, min_hours_in_person,
       min_hours_before_clinical_use, completion_window_years, min_practice_years, supervised_sessions,
       consent_written_required, consent_copy_to_patient, consent_must_state_not_acupuncture, referral_required,
       board_filing, adverse_event_report_days, adverse_event_report_to, sources, notes, is_verified, verification_note,
       updated_at, updated_by)
     VALUES (@state, @stateName, @isDnPermitted, @minHoursTotal, @minHoursInPerson,
       @minHoursBeforeClinicalUse, @completionWindowYears, @minPracticeYears, @supervisedSessions,
       @consentWrittenRequired, @consentCopyToPatient, @consentMustStateNotAcupuncture, @referralRequired,
       @boardFiling, @adverseEventReportDays, @adverseEventReportTo, @sources, @notes, @isVerified, @verificationNote,
       @now, @by)
     ON CONFLICT (state) DO UPDATE SET state_name = excluded.state_name, is_dn_permitted = excluded.is_dn_permitted,
       min_hours_total = excluded.min_hours_total, min_hours_in_person = excluded.min_hours_in_person,
       min_hours_before_clinical_use = excluded.min_hours_before_clinical_use, completion_window_years = excluded.completion_window_years,
       min_practice_years = excluded.min_practice_years, supervised_sessions = excluded.supervised_sessions,
       consent_written_required = excluded.consent_written_required, consent_copy_to_patient = excluded.consent_copy_to_patient,
       consent_must_state_not_acupuncture = excluded.consent_must_state_not_acupuncture, referral_required = excluded.referral_required,
       board_filing = excluded.board_filing, adverse_event_report_days = excluded.adverse_event_report_days,
       adverse_event_report_to = excluded.adverse_event_report_to, sources = excluded.sources, notes = excluded.notes,
       is_verified = excluded.is_verified, verification_note = excluded.verification_note, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ),
  credentialById: db.prepare<[number], CredentialRow>(`${credentialSelect} WHERE c.id = ?`),
  credentials: db.prepare<{ staffId: number | null; includeVoided: number }, CredentialRow>(
    `${credentialSelect} WHERE (@staffId IS NULL OR c.staff_id = @staffId) AND (@includeVoided = 1 OR c.voided_at IS NULL)
     ORDER BY t.name COLLATE NOCASE, c.completed_on DESC, c.id DESC`,
  ),
  // What the needling check reads on every session: no joins, no long text.
  liveOfStaff: db.prepare<[number], LiveCredential>('SELECT state, hours, completed_on, expires_on FROM dn_credentials WHERE staff_id = ? AND voided_at IS NULL ORDER BY completed_on'),
  needlingRule: db.prepare<[string], { state_name: string; is_dn_permitted: number; min_hours_total: number | null }>(
    'SELECT state_name, is_dn_permitted, min_hours_total FROM dn_state_profiles WHERE state = ?',
  ),
  holders: db.prepare<[], { staff_id: number }>('SELECT DISTINCT staff_id FROM dn_credentials WHERE voided_at IS NULL'),
  insertCredential: db.prepare(
    `INSERT INTO dn_credentials (staff_id, course, provider, hours, completed_on, certificate_number, state, expires_on, recorded_at, recorded_by)
     VALUES (@staffId, @course, @provider, @hours, @completedOn, @certificateNumber, @state, @expiresOn, @now, @by)`,
  ),
  voidCredential: db.prepare('UPDATE dn_credentials SET voided_at = @now, voided_by = @by, void_reason = @reason WHERE id = @id'),
}));

const bool = (v: number) => v === 1;

function toProfile(r: ProfileRow): StateProfile {
  return {
    state: r.state,
    stateName: r.state_name,
    isDnPermitted: bool(r.is_dn_permitted),
    minHoursTotal: r.min_hours_total,
    minHoursInPerson: r.min_hours_in_person,
    minHoursBeforeClinicalUse: r.min_hours_before_clinical_use,
    completionWindowYears: r.completion_window_years,
    minPracticeYears: r.min_practice_years,
    supervisedSessions: r.supervised_sessions,
    consentWrittenRequired: bool(r.consent_written_required),
    consentCopyToPatient: bool(r.consent_copy_to_patient),
    consentMustStateNotAcupuncture: bool(r.consent_must_state_not_acupuncture),
    referralRequired: bool(r.referral_required),
    boardFiling: r.board_filing,
    adverseEventReportDays: r.adverse_event_report_days,
    adverseEventReportTo: r.adverse_event_report_to,
    sources: r.sources,
    notes: r.notes,
    isVerified: bool(r.is_verified),
    verificationNote: r.verification_note,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

export function findStateProfile(db: Database, state: string): StateProfile | null {
  const row = statements(db).profile.get(state);
  return row ? toProfile(row) : null;
}

/** The parts of a state profile that decide whether a therapist may needle (read on every session). */
export function needlingRuleOf(db: Database, state: string): { stateName: string; isDnPermitted: boolean; minHoursTotal: number | null } | null {
  const row = statements(db).needlingRule.get(state);
  return row ? { stateName: row.state_name, isDnPermitted: row.is_dn_permitted === 1, minHoursTotal: row.min_hours_total } : null;
}

export function listStateProfiles(db: Database): StateProfile[] {
  return statements(db).profiles.all().map(toProfile);
}

export function saveStateProfileRow(db: Database, values: ProfileValues, now: string, by: number): void {
  const n = (v: boolean) => (v ? 1 : 0);
  statements(db).upsertProfile.run({
    ...values,
    isDnPermitted: n(values.isDnPermitted),
    consentWrittenRequired: n(values.consentWrittenRequired),
    consentCopyToPatient: n(values.consentCopyToPatient),
    consentMustStateNotAcupuncture: n(values.consentMustStateNotAcupuncture),
    referralRequired: n(values.referralRequired),
    isVerified: n(values.isVerified),
    now,
    by,
  });
}

export function findCredentialRow(db: Database, id: number): CredentialRow | undefined {
  return statements(db).credentialById.get(id);
}

export function listCredentialRows(db: Database, filter: { staffId?: number | undefined; includeVoided: boolean }): CredentialRow[] {
  return statements(db).credentials.all({ staffId: filter.staffId ?? null, includeVoided: filter.includeVoided ? 1 : 0 });
}

/** A credential as the needling check sees it: the state, hours and the days it is valid. */
export type LiveCredential = Pick<CredentialRow, 'state' | 'hours' | 'completed_on' | 'expires_on'>;

export function liveCredentialsOf(db: Database, staffId: number): LiveCredential[] {
  return statements(db).liveOfStaff.all(staffId);
}

export function credentialHolderIds(db: Database): Set<number> {
  return new Set(statements(db).holders.all().map((r) => r.staff_id));
}

export function insertCredential(
  db: Database,
  values: { staffId: number; course: string; provider: string; hours: number; completedOn: string; certificateNumber: string; state: string; expiresOn: string | null; now: string; by: number },
): number {
  return Number(statements(db).insertCredential.run(values).lastInsertRowid);
}

export function voidCredentialRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).voidCredential.run(values);
}
