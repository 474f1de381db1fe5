// Faults: a full disk, the file locked by another process, the clock set back, and a damaged file at start.
// Each fails with a clear message, leaves nothing half-written, and recovers when the fault goes away.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import type { ApiResult } from '../api/errors';
import { openAppEnvironment } from '../app-environment';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { verifyClinic } from '../audit/verify-records';
import { migration0009 } from '../migrations/0009-create-audit-flags';
import { DatabaseDamagedError, DatabaseInUseError, openDatabase } from '../open-database';
import { openSessionClinic, sessionInput, type SessionClinic } from '../sessions/sessions-test-helpers';
import { captureState, rejectedCallChange } from './fuzz-fixtures';
import { holdLock } from './lock-holder';

let clinic: SessionClinic | null = null;
/** Folders of clinics whose connection a test closed itself. */
const closedDirs: string[] = [];
afterEach(() => {
  clinic?.close();
  clinic = null;
  for (const dir of closedDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function expectIntact(c: SessionClinic): void {
  expect(c.env.db.pragma('integrity_check', { simple: true })).toBe('ok');
  const report = verifyClinic(c.env.db);
  expect(report.chain.firstProblem).toBeNull();
  expect(report.records.problems).toEqual([]);
}

describe('disk full (PRAGMA max_page_count)', () => {
  it('a write fails with storage_full and a clear message, reads keep working, nothing is half-written, and writes work again when space returns', async () => {
    const c = (clinic = await openSessionClinic());
    const db = c.env.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let failed: ApiResult<unknown> | null = null;
    let input = sessionInput(c);
    for (let i = 0; i < 200 && !failed; i += 1) {
      input = sessionInput(c, { notes: `${i} ${'n'.repeat(3990)}`, needles: [{ itemId: c.needleItemId, lotId: c.laterLotId, quantity: 1 }], needlesDisposed: 1 });
      const before = captureState(c);
      const result = await dispatch(c.env, 'sessions.record', input);
      if (!result.ok) {
        failed = result;
        expect(rejectedCallChange(c, before, result)).toBeNull();
      }
    }
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(failed?.ok === false && failed.error.message).toMatch(/disk .* is full\. Nothing was saved/);
    // Reads need no new pages.
    expect(await dispatch(c.env, 'sessions.list', { from: '2026-01-01', to: '2026-03-02' })).toMatchObject({ ok: true });
    expect(await dispatch(c.env, 'audit.verify', {})).toMatchObject({ ok: true });
    expectIntact(c);
    db.pragma('max_page_count = 1073741823');
    expect(await dispatch(c.env, 'sessions.record', input)).toMatchObject({ ok: true });
    expectIntact(c);
  });
});

describe('the file locked by another process', () => {
  it('a write waits out the busy timeout, then fails with "in use by another instance"; reads go on; nothing is corrupted', async () => {
    const c = (clinic = await openSessionClinic());
    c.env.db.pragma('busy_timeout = 200');
    const holder = await holdLock(c.dbPath, 'write');
    const before = captureState(c);
    const started = Date.now();
    const blocked = await dispatch(c.env, 'sessions.record', sessionInput(c));
    const waitedMs = Date.now() - started;
    expect(blocked).toMatchObject({ ok: false, error: { code: 'database_busy' } });
    expect(blocked.ok === false && blocked.error.message).toMatch(/in use by another instance of Clinic Ops\. Nothing was saved/);
    expect(waitedMs).toBeGreaterThanOrEqual(150);
    expect(rejectedCallChange(c, before, blocked)).toBeNull();
    // WAL lets readers through while another process holds the write lock.
    expect(await dispatch(c.env, 'sessions.list', { from: '2026-01-01', to: '2026-03-02' })).toMatchObject({ ok: true });
    await holder.release();
    expect(await dispatch(c.env, 'sessions.record', sessionInput(c))).toMatchObject({ ok: true });
    expectIntact(c);
  });

  it('opening a file another process holds exclusively fails with DatabaseInUseError naming the file', async () => {
    const c = await openSessionClinic();
    const { dbPath } = c;
    c.env.db.close();
    closedDirs.push(c.dir);
    const holder = await holdLock(dbPath, 'exclusive');
    try {
      let error: unknown = null;
      try {
        openAppEnvironment(dbPath, { busyTimeoutMs: 200 }).db.close();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DatabaseInUseError);
      expect((error as Error).message).toContain(dbPath);
      expect((error as Error).message).toMatch(/in use by another instance of Clinic Ops.*Close the other instance/);
    } finally {
      await holder.release();
    }
    const db = openDatabase(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(db).isIntact).toBe(true);
    db.close();
  });
});

describe('the clock set back before the last event', () => {
  it('writes still chain, and the event is flagged for review and shown as a warning by verify', async () => {
    const c = (clinic = await openSessionClinic('2026-03-02T20:00:00.000Z'));
    const db = c.env.db;
    // Until migration 0009 is registered, the table is made here exactly as the migration makes it.
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'audit_event_flags'").get()) migration0009.up(db);
    await c.call('sessions.record', sessionInput(c));
    c.setNow('2026-03-01T09:00:00.000Z'); // someone set the PC's clock back a day and a half
    const { session } = await c.call('sessions.record', sessionInput(c, { sessionDate: '2026-03-01', chartNumber: 'C-200' }));
    const rolledBackSeq = db.prepare("SELECT seq FROM audit_events WHERE entity_type = 'session' AND entity_id = ?").pluck().get(String(session.id)) as number;
    c.setNow('2026-03-01T09:05:00.000Z');
    await c.call('sessions.record', sessionInput(c, { sessionDate: '2026-03-01', chartNumber: 'C-300' }));

    expect(verifyAuditChain(db).isIntact).toBe(true);
    const flags = db.prepare('SELECT seq, kind, detail FROM audit_event_flags').all() as Array<{ seq: number; kind: string; detail: string }>;
    // Only the first event after the jump is earlier than the one before it; the next ones follow it in order.
    expect(flags.map((f) => f.seq)).toEqual([rolledBackSeq]);
    expect(flags[0]).toMatchObject({ kind: 'clock_rollback', detail: expect.stringMatching(/2026-03-01T09:00:00\.000Z, earlier than the previous event's 2026-03-02/) });
    const report = verifyClinic(db);
    expect(report.isIntact).toBe(true);
    expect(report.warnings).toEqual([expect.objectContaining({ seq: rolledBackSeq, kind: 'clock_rollback', isFlagged: true })]);
  });
});

describe('a damaged clinic file at start', () => {
  const damages: Array<[string, (path: string, bytes: Buffer, sessionsRootPage: number) => void]> = [
    ['truncated to half', (path, bytes) => truncateSync(path, Math.floor(bytes.length / 2))],
    ['truncated inside the header', (path) => truncateSync(path, 60)],
    ['a garbage header', (path, bytes) => writeFileSync(path, Buffer.concat([Buffer.from('NOT A SQLITE FILE AT ALL'), bytes.subarray(24)]))],
    ['a zeroed table page', (path, bytes, rootPage) => {
      const pageSize = bytes.readUInt16BE(16);
      const copy = Buffer.from(bytes);
      copy.fill(0, (rootPage - 1) * pageSize, rootPage * pageSize);
      writeFileSync(path, copy);
    }],
    ['random bytes throughout', (path, bytes) => {
      const copy = Buffer.from(bytes);
      for (let i = 200; i < copy.length; i += 997) copy[i] = (copy[i] as number) ^ 0x5a;
      writeFileSync(path, copy);
    }],
  ];

  it.each(damages)('%s: DatabaseDamagedError names the file, says to restore a backup, and changes nothing', async (_label, damage) => {
    const c = await openSessionClinic();
    const path = c.dbPath;
    const sessionsRootPage = c.env.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'sessions'").pluck().get() as number;
    c.env.db.close(); // the last connection checkpoints the WAL into the file
    closedDirs.push(c.dir);
    const bytes = readFileSync(path);
    damage(path, bytes, sessionsRootPage);
    const damagedHash = createHash('sha256').update(readFileSync(path)).digest('hex');
    let error: unknown = null;
    try {
      openAppEnvironment(path).db.close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/restore the newest good backup/);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(damagedHash);
  });
});
