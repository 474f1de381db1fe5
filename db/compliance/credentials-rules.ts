// Whether a therapist may be recorded as needling on a date: a dry-needling credential for the clinic's state,
// valid that day, with the training hours the state profile requires (compliance.md 4.3: rules as data).
import type { Database } from 'better-sqlite3';
import { readSettings } from '../clinic/clinic-store';
import { listStaff, findStaffMember } from '../staff/staff-store';
import { addDays, daysBetween } from './compliance-dates';
import type { CredentialState, CredentialView, TherapistDnStatus } from './credentials-contract';
import { credentialHolderIds, liveCredentialsOf, needlingRuleOf, type CredentialRow } from './credentials-store';
import { retentionRules } from './retention';

/** Credentials ending this soon are shown as expiring. */
export const credentialWarningDays = 60;

function isValidOn(c: Pick<CredentialRow, 'completed_on' | 'expires_on'>, date: string): boolean {
  return c.completed_on <= date && (c.expires_on === null || c.expires_on >= date);
}

const hoursText = (h: number) => `${Math.round(h * 10) / 10} hour${h === 1 ? '' : 's'}`;

/**
 * Null when the therapist may needle on the date, otherwise the reason, one sentence without a final full stop
 * (for sessions.record to refuse with).
 * Hours of all credentials valid that day for the clinic's state add up: state minimums count total training,
 * which therapists often complete in more than one course.
 */
export function credentialProblem(db: Database, therapistId: number, date: string): string | null {
  const staff = findStaffMember(db, therapistId);
  if (!staff) return `There is no staff member #${therapistId}`;
  return credentialProblemOf(db, staff, date);
}

/** credentialProblem for a staff member already read (sessions.record has read them to check their role). */
export function credentialProblemOf(db: Database, staff: { id: number; name: string }, date: string): string | null {
  const state = readSettings(db).stateProfile;
  const profile = needlingRuleOf(db, state);
  if (!profile) return `The clinic's state ${state} has no dry-needling rule profile; a manager must add one before sessions are recorded`;
  if (!profile.isDnPermitted) return `Dry needling by physical therapists is not permitted in ${profile.stateName} according to the clinic's state profile`;
  const credentials = liveCredentialsOf(db, staff.id);
  const valid = credentials.filter((c) => c.state === state && isValidOn(c, date));
  if (valid.length === 0) {
    const lapsed = credentials.filter((c) => c.state === state && c.expires_on !== null && c.expires_on < date).map((c) => c.expires_on as string).sort().at(-1);
    const otherStates = [...new Set(credentials.filter((c) => c.state !== state && isValidOn(c, date)).map((c) => c.state))];
    const why = lapsed ? ` (the last one for ${state} expired on ${lapsed})` : otherStates.length ? ` for ${state} (those on file are for ${otherStates.join(', ')})` : '';
    return `${staff.name} has no dry-needling credential valid on ${date}${why}`;
  }
  const hours = valid.reduce((total, c) => total + c.hours, 0);
  if (profile.minHoursTotal !== null && hours < profile.minHoursTotal) {
    return `${staff.name}'s dry-needling training valid on ${date} totals ${hoursText(hours)}; ${profile.stateName} requires at least ${hoursText(profile.minHoursTotal)}`;
  }
  return null;
}

export function credentialState(c: Pick<CredentialRow, 'completed_on' | 'expires_on' | 'voided_at'>, today: string): CredentialState {
  if (c.voided_at !== null) return 'voided';
  if (c.completed_on > today) return 'not_yet_valid';
  if (c.expires_on !== null && c.expires_on < today) return 'expired';
  if (c.expires_on !== null && daysBetween(today, c.expires_on) <= credentialWarningDays) return 'expiring';
  return 'valid';
}

export function toCredentialView(r: CredentialRow, today: string): CredentialView {
  return {
    id: r.id,
    staffId: r.staff_id,
    staffName: r.staff_name,
    course: r.course,
    provider: r.provider,
    hours: r.hours,
    completedOn: r.completed_on,
    certificateNumber: r.certificate_number,
    state: r.state,
    expiresOn: r.expires_on,
    credentialState: credentialState(r, today),
    voidReason: r.void_reason,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    retainUntil: null,
    retention: `${retentionRules.dn_credential.period} (${retentionRules.dn_credential.basis})`,
  };
}

/** The last day the therapist stays allowed on the credentials held now; null if none lapses or none is valid. */
function validUntil(db: Database, staffId: number, today: string): string | null {
  const state = readSettings(db).stateProfile;
  const ends = [
    ...new Set(
      liveCredentialsOf(db, staffId)
        .filter((c) => c.state === state && isValidOn(c, today) && c.expires_on !== null)
        .map((c) => c.expires_on as string),
    ),
  ].sort();
  return ends.find((end) => credentialProblem(db, staffId, addDays(end, 1)) !== null) ?? null;
}

/** Everyone who may be recorded as needling: active therapists, and active managers who hold a credential. */
export function therapistDnStatuses(db: Database, today: string): TherapistDnStatus[] {
  const holders = credentialHolderIds(db);
  const state = readSettings(db).stateProfile;
  return listStaff(db, false)
    .filter((s) => s.role === 'therapist' || (s.role === 'manager' && holders.has(s.id)))
    .map((s) => {
      const problem = credentialProblem(db, s.id, today);
      const validHours = liveCredentialsOf(db, s.id)
        .filter((c) => c.state === state && isValidOn(c, today))
        .reduce((total, c) => total + c.hours, 0);
      return { staffId: s.id, name: s.name, problem, validHours, validUntil: problem === null ? validUntil(db, s.id, today) : null };
    });
}
