import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, NewerSchemaError, readSchemaVersion } from './migrate';
import { latestSchemaVersion, migrations } from './migrations';
import { makeTempDir } from './test-support/test-clinic';

describe('migrations', () => {
  it('are numbered contiguously from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('bring a fresh database to the latest version and record it in user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(readSchemaVersion(db)).toBe(latestSchemaVersion);
    expect(migrate(db)).toEqual([]);
  });

  it('keep data written at every earlier version', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: migrations.slice(0, 2) });
    db.prepare(
      "INSERT INTO staff (name, role, job_title, created_at, updated_at) VALUES ('Early Bird', 'manager', '', 'x', 'x')",
    ).run();
    migrate(db);
    expect(db.prepare('SELECT name FROM staff').get()).toEqual({ name: 'Early Bird' });
    expect(readSchemaVersion(db)).toBe(latestSchemaVersion);
  });

  it('refuse a database written by a newer app, changing nothing', () => {
    const path = join(makeTempDir(), 'newer.sqlite3');
    const db = new Database(path);
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
    expect(() => migrate(db)).toThrow(/newer version of Clinic Ops/);
    expect(readSchemaVersion(db)).toBe(latestSchemaVersion + 5);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('apply all pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const db = new Database(':memory:');
    const failing = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE nope (x INT); SELECT * FROM missing_table') },
    ];
    expect(() => migrate(db, { migrations: failing })).toThrow(/missing_table/);
    expect(readSchemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('call beforeMigrate (the pre-migration backup hook) only when something is pending', () => {
    const db = new Database(':memory:');
    const calls: number[] = [];
    migrate(db, { beforeMigrate: (from) => calls.push(from) });
    migrate(db, { beforeMigrate: (from) => calls.push(from) });
    expect(calls).toEqual([0]);
  });
});
