import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/cli';
import { openDatabase } from '../open-database';
import { openExportClinic, type ExportClinic } from './export-test-helpers';

let c: ExportClinic;
let lines: string[];

beforeAll(async () => {
  c = await openExportClinic();
  c.env.db.close();
});
afterAll(() => c.close());
afterEach(() => vi.restoreAllMocks());

function capture(): void {
  lines = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void lines.push(args.join(' ')));
}

const exportArgs = (out: string, ...more: string[]) => ['export', '--db', c.dbPath, '--from', '2026-03-01', '--to', '2026-03-02', '--out', out, ...more];

describe('clinic-ops export and verify-export', () => {
  it('writes a bundle that verify-export passes, recording the command-line export in the audit log', async () => {
    capture();
    const out = join(c.dir, 'board.zip');
    expect(await main(exportArgs(out))).toBe(0);
    expect(lines.join('\n')).toMatch(/Audit bundle written: .*board\.zip/);
    expect(await main(['verify-export', out])).toBe(0);
    expect(lines.join('\n')).toMatch(/Bundle intact: \d+ checks passed/);
    expect(lines.join('\n')).toMatch(/chain to the head/);

    const db = openDatabase(c.dbPath, { readonly: true });
    try {
      const event = db.prepare("SELECT action, actor_staff_id, after_json FROM audit_events WHERE entity_type = 'export'").get() as { action: string; actor_staff_id: number | null; after_json: string };
      expect(event).toMatchObject({ action: 'export', actor_staff_id: null });
      expect(JSON.parse(event.after_json)).toMatchObject({ via: 'cli', from: '2026-03-01', to: '2026-03-02', status: 'done' });
    } finally {
      db.close();
    }
    expect(await main(['verify', '--db', c.dbPath])).toBe(0);
  });

  it('refuses an existing --out file and changes nothing', async () => {
    capture();
    const out = join(c.dir, 'existing.zip');
    writeFileSync(out, 'keep me');
    expect(await main(exportArgs(out))).toBe(2);
    expect(lines.at(-1)).toMatch(/--out: .*existing\.zip already exists; choose a new file name \(nothing is ever overwritten\)/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(readdirSync(c.dir).some((name) => name.startsWith('.clinic-ops-export-'))).toBe(false);
  });

  it('refuses a range whose start is after its end, a bad date, and a missing clinic file', async () => {
    capture();
    const out = join(c.dir, 'never.zip');
    expect(await main(['export', '--db', c.dbPath, '--from', '2026-03-05', '--to', '2026-03-02', '--out', out])).toBe(2);
    expect(lines.at(-1)).toBe('--from: must not be after the end date (dates are written YYYY-MM-DD).');
    expect(await main(['export', '--db', c.dbPath, '--from', '2026-02-30', '--to', '2026-03-02', '--out', out])).toBe(2);
    expect(lines.at(-1)).toMatch(/^--from: is not a real calendar date/);
    expect(await main(['export', '--db', join(c.dir, 'nope.sqlite3'), '--from', '2026-03-01', '--to', '2026-03-02', '--out', out])).toBe(2);
    expect(lines.at(-1)).toMatch(/--db: there is no clinic file/);
    expect(await main(['export', '--db', c.dbPath, '--from', '2026-03-01', '--to', '2026-03-02'])).toBe(2);
    expect(lines.at(-1)).toMatch(/--out: say where/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder that does not exist or cannot be written', async () => {
    capture();
    expect(await main(exportArgs(join(c.dir, 'no-such-folder', 'b.zip')))).toBe(2);
    expect(lines.at(-1)).toMatch(/The folder .*no-such-folder does not exist/);
    writeFileSync(join(c.dir, 'a-file'), '');
    expect(await main(exportArgs(join(c.dir, 'a-file', 'b.zip')))).toBe(2);
    expect(lines.at(-1)).toMatch(/a-file is a file, not a folder/);
    if (process.getuid?.() === 0) return; // root writes anywhere: the permission case cannot be shown
    const locked = join(c.dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      expect(await main(exportArgs(join(locked, 'b.zip')))).toBe(2);
      expect(lines.at(-1)).toMatch(/cannot write into .*locked/);
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('verify-export fails with exit 1 naming the first changed file', async () => {
    capture();
    const out = join(c.dir, 'for-tamper.zip');
    expect(await main(exportArgs(out))).toBe(0);
    const entries = unzipSync(new Uint8Array(readFileSync(out)));
    entries['payments.csv'] = strToU8(Buffer.from(entries['payments.csv'] as Uint8Array).toString('utf8').replace('60.00', '6.00'));
    const tampered = join(c.dir, 'tampered.zip');
    writeFileSync(tampered, zipSync(entries));
    expect(await main(['verify-export', tampered])).toBe(1);
    expect(lines.find((line) => line.startsWith('Bundle check FAILED'))).toMatch(/^Bundle check FAILED at payments\.csv: payments\.csv was changed/);
    expect(await main(['verify-export', join(c.dir, 'missing.zip')])).toBe(2);
    writeFileSync(join(c.dir, 'not-a.zip'), 'hello');
    expect(await main(['verify-export', join(c.dir, 'not-a.zip')])).toBe(1);
    expect(lines.at(-1)).toMatch(/not a ZIP file/);
  });
});
