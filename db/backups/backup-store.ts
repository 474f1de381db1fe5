// SQL for the backups and backup_drills tables.
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { statementsFor } from '../sql/statement-cache';
import type { BackupKind, BackupRecord, CheckStatus, DrillRecord } from './backup-contract';

interface BackupRow {
  id: number;
  kind: BackupKind;
  file_name: string;
  path: string;
  created_at: string;
  is_encrypted: number;
  status: CheckStatus;
  message: string;
  size_bytes: number | null;
  sha256: string | null;
  schema_version: number | null;
  event_count: number | null;
  pruned_at: string | null;
}

interface DrillRow {
  id: number;
  backup_id: number | null;
  backup_file_name: string | null;
  ran_at: string;
  started_by: 'automatic' | 'manual';
  status: CheckStatus;
  message: string;
  event_count: number | null;
  duration_ms: number;
}

export type NewBackup = Omit<BackupRecord, 'id' | 'prunedAt' | 'isPresent'> & { headHash: string | null };
export type NewDrill = Omit<DrillRecord, 'id' | 'backupFileName'>;

const backupColumns = `id, kind, file_name, path, created_at, is_encrypted, status, message, size_bytes, sha256,
  schema_version, event_count, pruned_at`;

const statements = statementsFor((db) => ({
  insert: db.prepare(
    `INSERT INTO backups (kind, file_name, path, created_at, is_encrypted, status, message, size_bytes, sha256,
       schema_version, event_count, head_hash)
     VALUES (@kind, @fileName, @path, @createdAt, @isEncrypted, @status, @message, @sizeBytes, @sha256,
       @schemaVersion, @eventCount, @headHash)`,
  ),
  find: db.prepare<[number], BackupRow>(`SELECT ${backupColumns} FROM backups WHERE id = ?`),
  list: db.prepare<{ limit: number; includePruned: number }, BackupRow>(
    `SELECT ${backupColumns} FROM backups WHERE @includePruned = 1 OR pruned_at IS NULL
     ORDER BY created_at DESC, id DESC LIMIT @limit`,
  ),
  newestGood: db.prepare<[], BackupRow>(
    `SELECT ${backupColumns} FROM backups WHERE status = 'ok' AND pruned_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
  ),
  newest: db.prepare<[], BackupRow>(`SELECT ${backupColumns} FROM backups ORDER BY created_at DESC, id DESC LIMIT 1`),
  unpruned: db.prepare<[], BackupRow>(`SELECT ${backupColumns} FROM backups WHERE pruned_at IS NULL ORDER BY created_at DESC, id DESC`),
  markPruned: db.prepare<[string, number]>('UPDATE backups SET pruned_at = ? WHERE id = ?'),
  insertDrill: db.prepare(
    `INSERT INTO backup_drills (backup_id, ran_at, started_by, status, message, event_count, duration_ms)
     VALUES (@backupId, @ranAt, @startedBy, @status, @message, @eventCount, @durationMs)`,
  ),
  findDrill: db.prepare<[number], DrillRow>(
    `SELECT d.*, b.file_name AS backup_file_name FROM backup_drills d LEFT JOIN backups b ON b.id = d.backup_id WHERE d.id = ?`,
  ),
  lastDrill: db.prepare<[], DrillRow>(
    `SELECT d.*, b.file_name AS backup_file_name FROM backup_drills d LEFT JOIN backups b ON b.id = d.backup_id
     ORDER BY d.ran_at DESC, d.id DESC LIMIT 1`,
  ),
  lastRestore: db.prepare<[], { at: string; after_json: string }>(
    "SELECT at, after_json FROM audit_events WHERE action = 'restore' AND entity_type = 'clinic_file' ORDER BY seq DESC LIMIT 1",
  ),
}));

/** False for a file whose schema predates the backups table (the CLI may back up such a file). */
export function hasBackupTables(db: Database): boolean {
  return db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('backups', 'backup_drills')").pluck().get() === 2;
}

function toRecord(row: BackupRow): BackupRecord {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    path: row.path,
    createdAt: row.created_at,
    isEncrypted: row.is_encrypted === 1,
    status: row.status,
    message: row.message,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    schemaVersion: row.schema_version,
    eventCount: row.event_count,
    prunedAt: row.pruned_at,
    isPresent: row.pruned_at === null && existsSync(row.path),
  };
}

function toDrill(row: DrillRow): DrillRecord {
  return {
    id: row.id,
    backupId: row.backup_id,
    backupFileName: row.backup_file_name,
    ranAt: row.ran_at,
    startedBy: row.started_by,
    status: row.status,
    message: row.message,
    eventCount: row.event_count,
    durationMs: row.duration_ms,
  };
}

export function insertBackup(db: Database, backup: NewBackup): BackupRecord {
  const id = Number(statements(db).insert.run({ ...backup, isEncrypted: backup.isEncrypted ? 1 : 0 }).lastInsertRowid);
  return findBackup(db, id) as BackupRecord;
}

export function findBackup(db: Database, id: number): BackupRecord | null {
  const row = statements(db).find.get(id);
  return row ? toRecord(row) : null;
}

export function listBackups(db: Database, options: { limit: number; includePruned: boolean }): BackupRecord[] {
  return statements(db).list.all({ limit: options.limit, includePruned: options.includePruned ? 1 : 0 }).map(toRecord);
}

export function newestGoodBackup(db: Database): BackupRecord | null {
  const row = statements(db).newestGood.get();
  return row ? toRecord(row) : null;
}

export function newestBackup(db: Database): BackupRecord | null {
  const row = statements(db).newest.get();
  return row ? toRecord(row) : null;
}

export function unprunedBackups(db: Database): BackupRecord[] {
  return statements(db).unpruned.all().map(toRecord);
}

export function markBackupPruned(db: Database, id: number, at: string): void {
  statements(db).markPruned.run(at, id);
}

export function insertDrill(db: Database, drill: NewDrill): DrillRecord {
  const id = Number(statements(db).insertDrill.run(drill).lastInsertRowid);
  return toDrill(statements(db).findDrill.get(id) as DrillRow);
}

export function lastDrill(db: Database): DrillRecord | null {
  const row = statements(db).lastDrill.get();
  return row ? toDrill(row) : null;
}

export function lastRestore(db: Database): { at: string; restoredFrom: string } | null {
  const row = statements(db).lastRestore.get();
  if (!row) return null;
  const after = JSON.parse(row.after_json) as { restoredFrom?: unknown };
  return { at: row.at, restoredFrom: typeof after.restoredFrom === 'string' ? after.restoredFrom : '' };
}
