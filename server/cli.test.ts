import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../db/test-support/test-clinic';
import { openDatabase } from '../db/open-database';
import { main } from './cli';

afterEach(() => vi.restoreAllMocks());

function captureOutput() {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void lines.push(args.join(' ')));
  return lines;
}

describe('clinic-ops command line', () => {
  it('seeds a demo clinic whose audit chain verifies, and names the first bad event once it is edited', async () => {
    const dbPath = join(makeTempDir(), 'demo.sqlite3');
    const lines = captureOutput();
    expect(await main(['seed-demo', '--db', dbPath, '--scale', 'years=1,therapists=1'])).toBe(0);
    expect(await main(['seed-demo', '--db', dbPath])).toBe(2);
    expect(await main(['verify', '--db', dbPath])).toBe(0);
    expect(lines.join('\n')).toMatch(/Audit chain intact: \d+ events/);

    const db = openDatabase(dbPath);
    const staff = db.prepare("SELECT count(*) AS n FROM staff WHERE is_active = 1 AND pin_hash IS NULL").get() as { n: number };
    expect(staff.n).toBeGreaterThanOrEqual(4);
    db.exec('DROP TRIGGER audit_events_refuse_update');
    db.prepare(`UPDATE audit_events SET body = replace(body, '"device_id":"', '"device_id":"elsewhere-') WHERE seq = 3`).run();
    db.close();

    expect(await main(['verify', '--db', dbPath])).toBe(1);
    expect(lines.at(-1)).toMatch(/BROKEN at event #3/);
  });

  it('names a business row edited without an audit event, though the chain itself is intact', async () => {
    const dbPath = join(makeTempDir(), 'demo.sqlite3');
    const lines = captureOutput();
    expect(await main(['seed-demo', '--db', dbPath, '--scale', 'years=1,therapists=1'])).toBe(0);
    const db = openDatabase(dbPath);
    db.prepare("UPDATE staff SET name = 'Someone Else' WHERE id = 2").run();
    db.close();
    expect(await main(['verify', '--db', dbPath])).toBe(1);
    expect(lines.join('\n')).toMatch(/Audit chain intact/);
    expect(lines.at(-1)).toMatch(/Records do NOT match their audit events.*staff #2/);
  });

  it('explains bad arguments', async () => {
    const lines = captureOutput();
    expect(await main(['verify', '--db', join(makeTempDir(), 'missing.sqlite3')])).toBe(2);
    expect(lines.at(-1)).toMatch(/--db: there is no file/);
    expect(await main(['frobnicate'])).toBe(2);
    expect(lines.at(-1)).toMatch(/Unknown command "frobnicate"/);
  });
});
