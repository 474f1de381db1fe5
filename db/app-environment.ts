// Opens a clinic file for a transport (desktop or browser): the connection, this device's id, the acting session.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ActingSession } from './api/acting-session';
import type { AppEnvironment } from './api/handler-context';
import { backupBeforeMigrate, startAutomaticBackups } from './backups/automatic-backups';
import { checkInBackground, damagedMessage, isLargeFile } from './integrity-check';
import { openDatabase, type OpenDatabaseOptions } from './open-database';

export const appVersion: string = (() => {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    try {
      return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '0.0.0';
    }
  }
})();

/** A stable id for this workstation, kept beside the clinic file so every event names where it was made. */
export function readOrCreateDeviceId(dataDir: string): string {
  const file = join(dataDir, 'device-id');
  if (existsSync(file)) {
    const id = readFileSync(file, 'utf8').trim();
    if (id) return id;
  }
  const id = `device-${randomUUID()}`;
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}

export interface AppEnvironmentOptions extends OpenDatabaseOptions {
  clock?: () => Date;
  /** When to run SQLite's quick_check: by default before opening a small file, in the background for a large one. */
  integrityCheck?: 'before' | 'background';
}

export function openAppEnvironment(dbPath: string, options: AppEnvironmentOptions = {}): AppEnvironment {
  const dataDir = dirname(dbPath);
  mkdirSync(dataDir, { recursive: true });
  // A large file is checked after the app is usable (start-up stays under a second); a small one before.
  const checkLater = !options.skipQuickCheck && (options.integrityCheck ?? (isLargeFile(dbPath) ? 'background' : 'before')) === 'background';
  // A file that holds data is copied before any migration touches it.
  const db = openDatabase(dbPath, {
    ...options,
    skipQuickCheck: options.skipQuickCheck || checkLater,
    beforeMigrate: options.beforeMigrate ?? backupBeforeMigrate(dbPath, options.clock),
  });
  const env: AppEnvironment = {
    db,
    dbPath,
    deviceId: readOrCreateDeviceId(dataDir),
    appVersion,
    session: new ActingSession(),
    clock: options.clock,
    integrity: { state: checkLater ? 'checking' : 'ok', message: null },
  };
  if (checkLater) {
    checkInBackground(dbPath, (problems) => {
      env.integrity = problems.length === 0 ? { state: 'ok', message: null } : { state: 'damaged', message: damagedMessage(dbPath, problems) };
      if (problems.length > 0) console.error(`[clinic-ops] ${env.integrity.message}`);
    });
  }
  signInDemoManager(env);
  // The daily backup and the monthly restore drill run in the background; the window opens at once.
  void startAutomaticBackups(env);
  return env;
}

/** The seeded demo clinic opens as its demo manager, so a newcomer lands on the Dashboard. */
function signInDemoManager(env: AppEnvironment): void {
  const row = env.db
    .prepare(
      `SELECT s.id FROM clinics c JOIN staff s ON s.role = 'manager' AND s.is_active = 1 AND s.pin_hash IS NULL
       WHERE c.is_demo = 1 ORDER BY s.id LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  if (row) env.session.signIn(row.id, (env.clock ?? (() => new Date()))().getTime());
}
