// Test helpers for the backup area: a content hash over every table, byte-flipping, a clinic with some records.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { TestClinic } from '../test-support/test-clinic';

export interface ContentHashOptions {
  /** Hash only the first N audit events (a restore appends its own event after them). */
  auditEventsUpTo?: number;
  /** Tables left out (the chain head moves with every event; backups rows are written after each copy). */
  skipTables?: string[];
}

/** SHA-256 over every row of every table, in a fixed order: equal hashes mean equal data. */
export function contentHash(path: string, options: ContentHashOptions = {}): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      if (options.skipTables?.includes(table)) continue;
      const where = table === 'audit_events' && options.auditEventsUpTo !== undefined ? ` WHERE seq <= ${options.auditEventsUpTo}` : '';
      hash.update(`[${table}]`);
      // Sorted rows rather than ORDER BY rowid: WITHOUT ROWID tables have no rowid.
      const rows = db.prepare(`SELECT * FROM "${table}"${where}`).all().map((row) => JSON.stringify(row));
      for (const row of rows.sort()) hash.update(row);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** Inverts `count` bytes starting at `offset`, in place. */
export function flipBytes(path: string, offset: number, count = 16): void {
  const fd = openSync(path, 'r+');
  try {
    const buffer = Buffer.alloc(count);
    readSync(fd, buffer, 0, count, offset);
    for (let i = 0; i < count; i += 1) buffer[i] = (buffer[i] ?? 0) ^ 0xff;
    writeSync(fd, buffer, 0, count, offset);
  } finally {
    closeSync(fd);
  }
}

/** A few records through the API, so a backup has something worth comparing. */
export async function addSomeRecords(clinic: TestClinic, label: string): Promise<void> {
  await clinic.call('staff.create', { name: `Therapist ${label}`, role: 'therapist', jobTitle: 'PT' });
  await clinic.call('settings.update', { lateEntryHours: 48 });
}

export function auditEventCount(db: Database.Database): number {
  return db.prepare('SELECT event_count FROM audit_chain_head WHERE id = 1').pluck().get() as number;
}
