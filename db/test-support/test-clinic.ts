// Test fixtures: a real SQLite file in a temp folder with a set-up clinic and a signed-in manager.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEnvironment } from '../api/handler-context';
import { localCaller, type LocalCaller } from '../api/local-caller';
import { openAppEnvironment } from '../app-environment';

export interface TestClinic {
  env: AppEnvironment;
  call: LocalCaller;
  dir: string;
  dbPath: string;
  managerId: number;
  /** Moves the injected clock; every call after sees the new time. */
  setNow(iso: string): void;
  close(): void;
}

export function makeTempDir(prefix = 'clinic-ops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh clinic file, set up, with the first manager acting. Time starts at `startAt`. */
export async function openTestClinic(startAt = '2026-03-02T15:00:00.000Z'): Promise<TestClinic> {
  const dir = makeTempDir();
  const dbPath = join(dir, 'clinic.sqlite3');
  let now = new Date(startAt);
  const env = openAppEnvironment(dbPath, { clock: () => now });
  const call = localCaller(env);
  await call('clinic.setup', {
    name: 'Test Clinic',
    address: '1 Test Street',
    timeZone: 'America/New_York',
    firstManager: { name: 'Morgan Manager', jobTitle: 'Manager' },
  });
  const managerId = env.session.staffId ?? 0;
  return {
    env,
    call,
    dir,
    dbPath,
    managerId,
    setNow(iso) {
      now = new Date(iso);
    },
    close() {
      env.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
