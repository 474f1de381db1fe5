// Opens the clinic's SQLite file: pragmas for durability, the integrity check, and migrations.
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import type { Migration } from './migrations/migration';

export type ClinicDatabase = Database.Database;

export class DatabaseDamagedError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(
      `The clinic file at ${path} failed SQLite's integrity check (${problems.slice(0, 3).join('; ')}). ` +
        'Nothing was changed. Keep this file as it is (copy it somewhere safe), then restore the newest good backup ' +
        '(Settings > Backups, or `clinic-ops restore --db FILE --from BACKUP`).',
    );
    this.name = 'DatabaseDamagedError';
  }
}

export class DatabaseInUseError extends Error {
  constructor(readonly path: string) {
    super(
      `The clinic file at ${path} is in use by another instance of Clinic Ops (it stayed locked past the busy timeout). ` +
        'Close the other instance and try again.',
    );
    this.name = 'DatabaseInUseError';
  }
}

export interface OpenDatabaseOptions {
  /** Skip PRAGMA quick_check (tests and benchmarks that open the same file repeatedly). */
  skipQuickCheck?: boolean;
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  beforeMigrate?: (db: ClinicDatabase, fromVersion: number) => void;
  readonly?: boolean;
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): ClinicDatabase {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Check before anything writes to the file (switching to WAL rewrites its header).
    if (!options.skipQuickCheck) runQuickCheck(db, path);
    configureConnection(db);
    if (!options.readonly) {
      migrate(db, {
        migrations: options.migrations,
        beforeMigrate: options.beforeMigrate ? (from) => options.beforeMigrate?.(db, from) : undefined,
      });
    }
    return db;
  } catch (error) {
    db.close();
    if (isBusyError(error)) throw new DatabaseInUseError(path);
    if (isNotADatabaseError(error)) throw new DatabaseDamagedError(path, [(error as Error).message]);
    throw error;
  }
}

function configureConnection(db: ClinicDatabase): void {
  if (!db.readonly) db.pragma('journal_mode = WAL');
  // Compliance records must survive a power cut: fsync the WAL on every commit.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function runQuickCheck(db: ClinicDatabase, path: string): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((msg) => msg !== 'ok');
  if (problems.length > 0) throw new DatabaseDamagedError(path, problems);
}

function isBusyError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function isNotADatabaseError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}
