import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from './migrations';
import { DatabaseDamagedError, openDatabase } from './open-database';
import { makeTempDir } from './test-support/test-clinic';

describe('openDatabase', () => {
  it('sets WAL, foreign keys, synchronous=FULL and a busy timeout, and migrates', () => {
    const db = openDatabase(join(makeTempDir(), 'c.sqlite3'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('reports a file that is not a database with its path and what to do', () => {
    const path = join(makeTempDir(), 'garbage.sqlite3');
    writeFileSync(path, Buffer.alloc(8192, 7));
    expect(() => openDatabase(path)).toThrow(DatabaseDamagedError);
    try {
      openDatabase(path);
    } catch (error) {
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(/restore the newest good backup/);
    }
  });

  it('reports a damaged page found by quick_check instead of opening silently', () => {
    const path = join(makeTempDir(), 'damaged.sqlite3');
    const db = openDatabase(path);
    db.pragma('journal_mode = DELETE');
    const insert = db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES (?, '\"x\"', 'now')");
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`key-${i}-${'p'.repeat(40)}`);
    })();
    db.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over an interior page of the settings table, leaving the header intact.
    bytes.fill(0xff, pageSize * 3 + 8, pageSize * 4);
    writeFileSync(path, bytes);
    expect(() => openDatabase(path)).toThrow(DatabaseDamagedError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    raw.close();
  });
});
