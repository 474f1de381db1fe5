// SQL for BBP training sessions with their attendees, and the hepatitis B vaccination offer summaries.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';
import type { HbvResponse, TrainingType } from './training-contract';

export interface TrainingRow {
  id: number;
  trained_on: string;
  training_type: TrainingType;
  content_summary: string;
  trainer_name: string;
  trainer_qualifications: string;
  recorded_at: string;
  recorded_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface HbvRow {
  id: number;
  staff_id: number;
  staff_name: string;
  assigned_on: string;
  offered_on: string;
  response: HbvResponse;
  is_declination_signed: number;
  note: string;
  amendment_count: number;
  recorded_at: string;
}

const trainingSelect = `SELECT t.id, t.trained_on, t.training_type, t.content_summary, t.trainer_name, t.trainer_qualifications,
    t.recorded_at, s.name AS recorded_by_name, t.voided_at, t.void_reason
  FROM bbp_trainings t JOIN staff s ON s.id = t.recorded_by`;

const hbvSelect = `SELECT h.id, h.staff_id, s.name AS staff_name, h.assigned_on, h.offered_on, h.response, h.is_declination_signed, h.note,
    h.amendment_count, h.recorded_at
  FROM hbv_vaccination_offers h JOIN staff s ON s.id = h.staff_id`;

const statements = statementsFor((db) => ({
  byId: db.prepare<[number], TrainingRow>(`${trainingSelect} WHERE t.id = ?`),
  list: db.prepare<[number], TrainingRow>(`${trainingSelect} WHERE ? = 1 OR t.voided_at IS NULL ORDER BY t.trained_on DESC, t.id DESC`),
  attendees: db.prepare<[number], { staff_id: number; staff_name: string; job_title: string }>(
    'SELECT staff_id, staff_name, job_title FROM bbp_training_attendees WHERE training_id = ? ORDER BY staff_name COLLATE NOCASE',
  ),
  insert: db.prepare(
    `INSERT INTO bbp_trainings (trained_on, training_type, content_summary, trainer_name, trainer_qualifications, recorded_at, recorded_by)
     VALUES (@trainedOn, @trainingType, @contentSummary, @trainerName, @trainerQualifications, @now, @by)`,
  ),
  insertAttendee: db.prepare(
    'INSERT INTO bbp_training_attendees (training_id, staff_id, staff_name, job_title) VALUES (@trainingId, @staffId, @staffName, @jobTitle)',
  ),
  void: db.prepare('UPDATE bbp_trainings SET voided_at = @now, voided_by = @by, void_reason = @reason WHERE id = @id'),
  lastTrained: db.prepare<[], { staff_id: number; last_on: string }>(
    `SELECT a.staff_id, max(t.trained_on) AS last_on FROM bbp_training_attendees a JOIN bbp_trainings t ON t.id = a.training_id
     WHERE t.voided_at IS NULL GROUP BY a.staff_id`,
  ),
  countBetween: db.prepare<{ from: string; to: string }, { n: number; last_on: string | null }>(
    'SELECT count(*) AS n, max(trained_on) AS last_on FROM bbp_trainings WHERE voided_at IS NULL AND trained_on >= @from AND trained_on <= @to',
  ),
  hbvById: db.prepare<[number], HbvRow>(`${hbvSelect} WHERE h.id = ?`),
  hbvByStaff: db.prepare<[number], HbvRow>(`${hbvSelect} WHERE h.staff_id = ?`),
  hbvList: db.prepare<[], HbvRow>(`${hbvSelect} ORDER BY s.name COLLATE NOCASE`),
  insertHbv: db.prepare(
    `INSERT INTO hbv_vaccination_offers (staff_id, assigned_on, offered_on, response, is_declination_signed, note, recorded_at, recorded_by, updated_at)
     VALUES (@staffId, @assignedOn, @offeredOn, @response, @isDeclinationSigned, @note, @now, @by, @now)`,
  ),
  updateHbv: db.prepare(
    `UPDATE hbv_vaccination_offers SET staff_id = @staffId, assigned_on = @assignedOn, offered_on = @offeredOn, response = @response,
       is_declination_signed = @isDeclinationSigned, note = @note, amendment_count = amendment_count + 1, updated_at = @now
     WHERE id = @id`,
  ),
}));

export function findTrainingRow(db: Database, id: number): TrainingRow | undefined {
  return statements(db).byId.get(id);
}

export function listTrainingRows(db: Database, includeVoided: boolean): TrainingRow[] {
  return statements(db).list.all(includeVoided ? 1 : 0);
}

export function listAttendees(db: Database, trainingId: number) {
  return statements(db).attendees.all(trainingId);
}

export function insertTraining(
  db: Database,
  values: { trainedOn: string; trainingType: TrainingType; contentSummary: string; trainerName: string; trainerQualifications: string; now: string; by: number },
  attendees: Array<{ staffId: number; staffName: string; jobTitle: string }>,
): number {
  const s = statements(db);
  const trainingId = Number(s.insert.run(values).lastInsertRowid);
  for (const a of attendees) s.insertAttendee.run({ ...a, trainingId });
  return trainingId;
}

export function voidTrainingRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).void.run(values);
}

/** Each staff member's most recent (not voided) training date. */
export function lastTrainedByStaff(db: Database): Map<number, string> {
  return new Map(statements(db).lastTrained.all().map((r) => [r.staff_id, r.last_on]));
}

export function trainingsBetween(db: Database, from: string, to: string): { n: number; last_on: string | null } {
  return statements(db).countBetween.get({ from, to }) ?? { n: 0, last_on: null };
}

export function findHbvRow(db: Database, id: number): HbvRow | undefined {
  return statements(db).hbvById.get(id);
}

export function findHbvRowOfStaff(db: Database, staffId: number): HbvRow | undefined {
  return statements(db).hbvByStaff.get(staffId);
}

export function listHbvRows(db: Database): HbvRow[] {
  return statements(db).hbvList.all();
}

type HbvValues = { staffId: number; assignedOn: string; offeredOn: string; response: HbvResponse; isDeclinationSigned: 0 | 1; note: string; now: string };

export function insertHbv(db: Database, values: HbvValues & { by: number }): number {
  return Number(statements(db).insertHbv.run(values).lastInsertRowid);
}

export function updateHbv(db: Database, id: number, values: HbvValues): void {
  statements(db).updateHbv.run({ ...values, id });
}
