// Opens a clinic file for a transport (desktop or browser): the connection, this device's id, the acting session.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ActingSession } from './api/acting-session';
import type { AppEnvironment } from './api/handler-context';
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

export function openAppEnvironment(dbPath: string, options: OpenDatabaseOptions & { clock?: () => Date } = {}): AppEnvironment {
  const dataDir = dirname(dbPath);
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(dbPath, options);
  const env: AppEnvironment = {
    db,
    dbPath,
    deviceId: readOrCreateDeviceId(dataDir),
    appVersion,
    session: new ActingSession(),
    clock: options.clock,
  };
  signInDemoManager(env);
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
