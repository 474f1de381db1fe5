// SQL for the sharps injury log and, apart from it, the confidential list of who was injured.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';
import type { DeviceType, InjuryFollowUp, ProcedurePhase } from './injury-contract';

export interface InjuryRow {
  id: number;
  case_number: string;
  occurred_on: string;
  occurred_time: string;
  device_type: DeviceType;
  device_brand: string;
  stock_item_id: number | null;
  stock_item_name: string | null;
  lot_id: number | null;
  lot_number: string | null;
  work_area: string;
  how_it_happened: string;
  procedure_phase: ProcedurePhase | null;
  body_part: string;
  job_classification: string;
  protocol_followed: string;
  follow_ups_json: string;
  amendment_count: number;
  recorded_at: string;
  recorded_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface InjuryValues {
  occurredOn: string;
  occurredTime: string;
  deviceType: DeviceType;
  deviceBrand: string;
  stockItemId: number | null;
  lotId: number | null;
  workArea: string;
  howItHappened: string;
  procedurePhase: ProcedurePhase | null;
  bodyPart: string;
  jobClassification: string;
  protocolFollowed: string;
  followUps: InjuryFollowUp[];
}

export interface IdentityRow {
  staff_id: number;
  staff_name: string;
  source_session_id: number | null;
}

const injurySelect = `SELECT j.id, j.case_number, j.occurred_on, j.occurred_time, j.device_type, j.device_brand, j.stock_item_id,
    i.name AS stock_item_name, j.lot_id, l.lot_number, j.work_area, j.how_it_happened, j.procedure_phase, j.body_part,
    j.job_classification, j.protocol_followed, j.follow_ups_json, j.amendment_count, j.recorded_at, s.name AS recorded_by_name,
    j.voided_at, j.void_reason
  FROM sharps_injuries j JOIN staff s ON s.id = j.recorded_by
  LEFT JOIN stock_items i ON i.id = j.stock_item_id LEFT JOIN stock_lots l ON l.id = j.lot_id`;

const statements = statementsFor((db) => ({
  byId: db.prepare<[number], InjuryRow>(`${injurySelect} WHERE j.id = ?`),
  list: db.prepare<{ year: string | null; includeVoided: number }, InjuryRow>(
    `${injurySelect} WHERE (@year IS NULL OR substr(j.occurred_on, 1, 4) = @year) AND (@includeVoided = 1 OR j.voided_at IS NULL)
     ORDER BY j.occurred_on DESC, j.occurred_time DESC, j.id DESC`,
  ),
  caseNumbers: db.prepare<[string], { case_number: string }>("SELECT case_number FROM sharps_injuries WHERE case_number LIKE ? || '-%'"),
  insert: db.prepare(
    `INSERT INTO sharps_injuries (case_number, occurred_on, occurred_time, device_type, device_brand, stock_item_id, lot_id, work_area,
       how_it_happened, procedure_phase, body_part, job_classification, protocol_followed, follow_ups_json, recorded_at, recorded_by, updated_at)
     VALUES (@caseNumber, @occurredOn, @occurredTime, @deviceType, @deviceBrand, @stockItemId, @lotId, @workArea,
       @howItHappened, @procedurePhase, @bodyPart, @jobClassification, @protocolFollowed, @followUpsJson, @now, @by, @now)`,
  ),
  update: db.prepare(
    `UPDATE sharps_injuries SET occurred_on = @occurredOn, occurred_time = @occurredTime, device_type = @deviceType,
       device_brand = @deviceBrand, stock_item_id = @stockItemId, lot_id = @lotId, work_area = @workArea,
       how_it_happened = @howItHappened, procedure_phase = @procedurePhase, body_part = @bodyPart,
       job_classification = @jobClassification, protocol_followed = @protocolFollowed, follow_ups_json = @followUpsJson,
       amendment_count = amendment_count + 1, updated_at = @now
     WHERE id = @id`,
  ),
  void: db.prepare('UPDATE sharps_injuries SET voided_at = @now, voided_by = @by, void_reason = @reason, updated_at = @now WHERE id = @id'),
  insertIdentity: db.prepare(
    `INSERT INTO sharps_injury_identities (injury_id, staff_id, source_session_id, recorded_at, recorded_by)
     VALUES (@injuryId, @staffId, @sourceSessionId, @now, @by)`,
  ),
  currentIdentity: db.prepare<[number], IdentityRow>(
    `SELECT d.staff_id, s.name AS staff_name, d.source_session_id FROM sharps_injury_identities d JOIN staff s ON s.id = d.staff_id
     WHERE d.injury_id = ? ORDER BY d.id DESC LIMIT 1`,
  ),
  sessionExists: db.prepare<[number], { id: number }>('SELECT id FROM sessions WHERE id = ?'),
  countInYear: db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM sharps_injuries WHERE voided_at IS NULL AND substr(occurred_on, 1, 4) = ?',
  ),
}));

const toParams = (v: InjuryValues) => ({ ...v, followUpsJson: JSON.stringify(v.followUps) });

export function findInjuryRow(db: Database, id: number): InjuryRow | undefined {
  return statements(db).byId.get(id);
}

export function listInjuryRows(db: Database, filter: { year?: number | undefined; includeVoided: boolean }): InjuryRow[] {
  return statements(db).list.all({ year: filter.year === undefined ? null : String(filter.year), includeVoided: filter.includeVoided ? 1 : 0 });
}

/** YYYY-NNN, numbered within the year of the injury. */
export function nextCaseNumber(db: Database, year: number): string {
  const used = statements(db).caseNumbers.all(String(year)).map((r) => Number(r.case_number.split('-')[1]) || 0);
  return `${year}-${String(Math.max(0, ...used) + 1).padStart(3, '0')}`;
}

export function insertInjury(db: Database, values: InjuryValues & { caseNumber: string; now: string; by: number }): number {
  return Number(statements(db).insert.run({ ...toParams(values), caseNumber: values.caseNumber, now: values.now, by: values.by }).lastInsertRowid);
}

export function updateInjury(db: Database, id: number, values: InjuryValues, now: string): void {
  statements(db).update.run({ ...toParams(values), id, now });
}

export function voidInjuryRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).void.run(values);
}

export function insertInjuryIdentity(db: Database, values: { injuryId: number; staffId: number; sourceSessionId: number | null; now: string; by: number }): void {
  statements(db).insertIdentity.run(values);
}

export function currentInjuryIdentity(db: Database, injuryId: number): IdentityRow | undefined {
  return statements(db).currentIdentity.get(injuryId);
}

export function sessionExists(db: Database, id: number): boolean {
  return statements(db).sessionExists.get(id) !== undefined;
}

export function countInjuriesInYear(db: Database, year: number): number {
  return statements(db).countInYear.get(String(year))?.n ?? 0;
}
