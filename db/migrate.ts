// Applies pending migrations in one transaction and records the result in PRAGMA user_version.
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration';
import { migrations as allMigrations } from './migrations';

export class NewerSchemaError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This clinic file was written by a newer version of Clinic Ops (schema ${fileVersion}; this app knows up to ${appVersion}). ` +
        'It was not opened and nothing was changed. Install the newer Clinic Ops to open it.',
    );
    this.name = 'NewerSchemaError';
  }
}

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`migration "${m.name}" has version ${m.version}; expected ${index + 1}`);
    }
  });
}

/**
 * Brings the schema up to date. All pending migrations run in one transaction: either the file
 * reaches the latest version or it stays exactly as it was.
 * @returns the versions applied (empty when already current)
 */
export function migrate(
  db: Database,
  options: { migrations?: readonly Migration[]; beforeMigrate?: (fromVersion: number) => void } = {},
): number[] {
  const migrations = options.migrations ?? allMigrations;
  assertContiguous(migrations);
  const current = readSchemaVersion(db);
  if (current > migrations.length) throw new NewerSchemaError(current, migrations.length);
  const pending = migrations.slice(current);
  if (pending.length === 0) return [];
  options.beforeMigrate?.(current);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return pending.map((m) => m.version);
}
