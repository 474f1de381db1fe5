// A hash of everything a clinic file holds (schema, user_version, every row of every table in rowid order),
// so a test can say "this rejected call left the database byte-for-byte as it was" without copying the file.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** `excludeTables` / `onlyTables` split the file so two partial hashes together cover it in one pass. */
export function databaseContentHash(db: Database, options: { excludeTables?: readonly string[]; onlyTables?: readonly string[] } = {}): string {
  const excluded = new Set(options.excludeTables ?? []);
  const only = options.onlyTables ? new Set(options.onlyTables) : null;
  const hash = createHash('sha256');
  hash.update(`user_version=${String(db.pragma('user_version', { simple: true }))}\n`);
  const objects = db
    .prepare("SELECT type, name, sql, (sql LIKE '%WITHOUT ROWID%') AS without_rowid FROM sqlite_schema ORDER BY type, name")
    .all() as Array<{ type: string; name: string; sql: string | null; without_rowid: number }>;
  for (const object of objects) {
    hash.update(`${object.type} ${object.name}\n${object.sql ?? ''}\n`);
    if (object.type !== 'table' || excluded.has(object.name) || (only && !only.has(object.name))) continue;
    const order = object.without_rowid ? '1' : 'rowid';
    const quoted = `"${object.name.replaceAll('"', '""')}"`;
    const rows = db.prepare(`SELECT ${object.without_rowid ? '*' : 'rowid, *'} FROM ${quoted} ORDER BY ${order}`).raw(true);
    for (const row of rows.iterate()) hash.update(`${encodeRow(row as unknown[])}\n`);
  }
  return hash.digest('hex');
}

/** Type-tagged so 1, 1.0, '1' and a blob of "1" hash differently, as SQLite stores them differently. */
function encodeRow(values: unknown[]): string {
  return values
    .map((v) => {
      if (v === null) return 'n';
      if (typeof v === 'number') return Number.isInteger(v) ? `i${v}` : `r${v}`;
      if (typeof v === 'bigint') return `i${v}`;
      if (typeof v === 'string') return `t${JSON.stringify(v)}`;
      if (Buffer.isBuffer(v)) return `b${v.toString('hex')}`;
      return `?${String(v)}`;
    })
    .join('|');
}
