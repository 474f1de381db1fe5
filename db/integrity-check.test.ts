import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from './api/dispatch';
import { openAppEnvironment } from './app-environment';
import { seedDemoClinic } from './demo/seed-demo';
import { makeTempDir } from './test-support/test-clinic';

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the background integrity check', () => {
  it('lets the app answer at once, then stops everything but status, sign-in and backups when the file is damaged', async () => {
    const path = join(makeTempDir(), 'clinic.sqlite3');
    const seeding = openAppEnvironment(path);
    await seedDemoClinic(seeding, () => {}, { years: 1, therapists: 1, seed: 3 });
    seeding.db.pragma('wal_checkpoint(TRUNCATE)');
    seeding.db.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over a late page (an index or table leaf), leaving the header and schema readable.
    const page = Math.floor(bytes.length / pageSize) - 5;
    bytes.fill(0x5a, page * pageSize + 8, (page + 1) * pageSize);
    writeFileSync(path, bytes);

    const env = openAppEnvironment(path, { integrityCheck: 'background' });
    expect(env.integrity?.state).toBe('checking');
    await until(() => env.integrity?.state !== 'checking');
    expect(env.integrity?.state).toBe('damaged');
    const status = await dispatch(env, 'clinic.status', {});
    expect(status).toMatchObject({ ok: true, value: { integrity: { state: 'damaged', message: expect.stringContaining(path) } } });
    expect(await dispatch(env, 'staff.list', {})).toMatchObject({ ok: false, error: { code: 'database_damaged', message: expect.stringMatching(/restore the newest good backup/) } });
    expect((await dispatch(env, 'backups.status', {})).ok).toBe(true);
    env.db.close();
  });

  it('reports an intact file as ok', async () => {
    const path = join(makeTempDir(), 'clinic.sqlite3');
    const env = openAppEnvironment(path, { integrityCheck: 'background' });
    await until(() => env.integrity?.state !== 'checking');
    expect(env.integrity).toEqual({ state: 'ok', message: null });
    env.db.close();
  });
});
