// SQL for the staff table.
import type { Database } from 'better-sqlite3';
import type { StaffRole } from '../api/roles';
import { statementsFor } from '../sql/statement-cache';
import type { StaffMember } from './staff-contract';

interface StaffRow {
  id: number;
  name: string;
  role: StaffRole;
  job_title: string;
  pin_hash: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface StaffRecord extends StaffMember {
  pinHash: string | null;
}

const columns = 'id, name, role, job_title, pin_hash, is_active, created_at, updated_at';

const statements = statementsFor((db) => ({
  byId: db.prepare<[number], StaffRow>(`SELECT ${columns} FROM staff WHERE id = ?`),
  list: db.prepare<[number], StaffRow>(`SELECT ${columns} FROM staff WHERE is_active >= ? ORDER BY name COLLATE NOCASE, id`),
  insert: db.prepare(
    `INSERT INTO staff (name, role, job_title, pin_hash, is_active, created_at, updated_at)
     VALUES (@name, @role, @jobTitle, @pinHash, 1, @now, @now)`,
  ),
  update: db.prepare(
    `UPDATE staff SET name = @name, role = @role, job_title = @jobTitle, updated_at = @now WHERE id = @id`,
  ),
  setPin: db.prepare('UPDATE staff SET pin_hash = @pinHash, updated_at = @now WHERE id = @id'),
  setActive: db.prepare('UPDATE staff SET is_active = @isActive, updated_at = @now WHERE id = @id'),
}));

function toRecord(row: StaffRow): StaffRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    jobTitle: row.job_title,
    hasPin: row.pin_hash !== null,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pinHash: row.pin_hash,
  };
}

/** The public view of a staff record: never the PIN hash. */
export function toStaffMember(record: StaffRecord): StaffMember {
  const { pinHash: _pinHash, ...member } = record;
  return member;
}

export function findStaffMember(db: Database, id: number): StaffRecord | undefined {
  const row = statements(db).byId.get(id);
  return row ? toRecord(row) : undefined;
}

export function listStaff(db: Database, includeInactive: boolean): StaffRecord[] {
  return statements(db).list.all(includeInactive ? 0 : 1).map(toRecord);
}

export function insertStaff(
  db: Database,
  values: { name: string; role: StaffRole; jobTitle: string; pinHash: string | null; now: string },
): number {
  return Number(statements(db).insert.run(values).lastInsertRowid);
}

export function updateStaff(db: Database, values: { id: number; name: string; role: StaffRole; jobTitle: string; now: string }): void {
  statements(db).update.run(values);
}

export function setStaffPinHash(db: Database, values: { id: number; pinHash: string | null; now: string }): void {
  statements(db).setPin.run(values);
}

export function setStaffActive(db: Database, values: { id: number; isActive: 0 | 1; now: string }): void {
  statements(db).setActive.run(values);
}
