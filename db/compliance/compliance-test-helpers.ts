// Shared setup for compliance tests: a clinic with a credentialed therapist and needle stock, row counts,
// role switching, and direct session rows where a test needs dates or shapes the sessions API refuses.
import type { Database } from 'better-sqlite3';
import type { MethodInput } from '../api/contract';
import { makeContext } from '../api/dispatch';
import type { HandlerContext } from '../api/handler-context';
import type { StaffRole } from '../api/roles';
import { openSessionClinic, sessionInput, type SessionClinic } from '../sessions/sessions-test-helpers';

export type ComplianceClinic = SessionClinic;

/** Monday 2 March 2026, 15:00 in New York. */
export const testNow = '2026-03-02T20:00:00.000Z';

/** A set-up clinic whose therapist (Priya Raman) holds a VA credential valid since 2024 (made by
 * openSessionClinic), so sessions may be recorded. */
export async function openComplianceClinic(now = testNow): Promise<ComplianceClinic> {
  return openSessionClinic(now);
}

export function rowCount(db: Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export function rowCounts(db: Database, tables: string[]): number[] {
  return tables.map((t) => rowCount(db, t));
}

/** Creates a staff member with the role and makes them the acting user; returns their id. */
export async function signInAs(clinic: ComplianceClinic, role: StaffRole, name = `A ${role}`): Promise<number> {
  await clinic.call('session.signIn', { staffId: clinic.managerId });
  const member = await clinic.call('staff.create', { name, role, jobTitle: role === 'front_desk' ? 'Front desk' : '' });
  await clinic.call('session.signIn', { staffId: member.id });
  return member.id;
}

export async function signInManager(clinic: ComplianceClinic): Promise<void> {
  await clinic.call('session.signIn', { staffId: clinic.managerId });
}

/** Records a real session through the sessions API (needles from the SOON lot). */
export async function recordSession(clinic: ComplianceClinic, overrides: Partial<MethodInput<'sessions.record'>> & { needleCount?: number } = {}) {
  const { needleCount = 6, ...rest } = overrides;
  const input = sessionInput(clinic, {
    needles: [{ itemId: clinic.needleItemId, lotId: clinic.soonLotId, quantity: needleCount }],
    needlesDisposed: needleCount,
    ...rest,
  });
  return (await clinic.call('sessions.record', input)).session;
}

/** A session row written directly, for hook tests that need a session without going through sessions.record. */
export function insertSessionRow(
  db: Database,
  values: { date: string; therapistId: number; room?: string; needles?: number; containerId?: number | null; adverseEvent?: string; status?: 'recorded' | 'voided' },
): number {
  const needles = values.needles ?? 6;
  return Number(
    db
      .prepare(
        `INSERT INTO sessions (session_date, start_time, started_at, therapist_id, chart_number, kind, room, body_regions_json, hand_hygiene,
           gloves_worn, skin_prep, needles_to_sharps, needles_opened, needles_disposed, sharps_container_id, pain_before, pain_after,
           adverse_event, adverse_event_note, price_cents, status, recorded_at, recorded_by)
         VALUES (@date, '10:00', @date || 'T15:00:00.000Z', @therapistId, 'C-900', 'plan_of_care', @room, '["neck"]', 1, 1, 1, 1,
           @needles, @needles, @containerId, 6, 3, @adverseEvent, @note, 0, @status, @date || 'T15:30:00.000Z', @therapistId)`,
      )
      .run({
        date: values.date,
        therapistId: values.therapistId,
        room: values.room ?? 'Room 1',
        needles,
        containerId: values.containerId ?? null,
        adverseEvent: values.adverseEvent ?? 'none',
        note: values.adverseEvent && values.adverseEvent !== 'none' ? 'Minor bleeding; pressure applied.' : '',
        status: values.status ?? 'recorded',
      }).lastInsertRowid,
  );
}

/** Runs code as a handler would: inside one write transaction, as the acting staff member. */
export function asHandler<T>(clinic: ComplianceClinic, run: (ctx: HandlerContext) => T): T {
  const env = clinic.env;
  const staffId = env.session.staffId ?? clinic.managerId;
  const staff = env.db.prepare('SELECT id, name, role FROM staff WHERE id = ?').get(staffId) as { id: number; name: string; role: StaffRole };
  const ctx = makeContext(env, { staffId: staff.id, name: staff.name, role: staff.role }, (env.clock ?? (() => new Date()))());
  return env.db.transaction(() => run(ctx)).immediate();
}

export function auditEvents(db: Database, entityType: string): Array<{ action: string; entity_id: string; before_json: string; after_json: string; reason: string | null; actor_staff_id: number | null }> {
  return db
    .prepare('SELECT action, entity_id, before_json, after_json, reason, actor_staff_id FROM audit_events WHERE entity_type = ? ORDER BY seq')
    .all(entityType) as Array<{ action: string; entity_id: string; before_json: string; after_json: string; reason: string | null; actor_staff_id: number | null }>;
}
