// The clinic the API fuzzer runs against, known-valid inputs for the methods that matter most, and the
// checks every fuzzed call must pass (result shape, no internal error, rejected calls change nothing).
import { dispatch } from '../api/dispatch';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiResult } from '../api/errors';
import { readChainHead } from '../audit/audit-log';
import { demoSteps } from '../demo/seed-demo';
import { openDatabase } from '../open-database';
import { openSessionClinic, sessionInput, type SessionClinic } from '../sessions/sessions-test-helpers';
import { databaseContentHash } from './database-content-hash';

export const fuzzToday = '2026-03-02';
const auditTables = ['audit_events', 'audit_chain_head'];
/** The last hashed state, reused while nothing was written (see captureState). */
let lastState: DatabaseState | null = null;

/** A clinic with staff, stock, consents, a few sessions and payments, so ids in fuzzed inputs often exist. */
export async function openFuzzClinic(): Promise<SessionClinic> {
  const c = await openSessionClinic(`${fuzzToday}T20:00:00.000Z`);
  for (const chartNumber of ['C-100', 'C-200']) {
    const { session } = await c.call('sessions.record', sessionInput(c, { chartNumber }));
    await c.call('revenue.recordPayment', { sessionId: session.id, method: 'card', amountCents: session.priceCents, paidOn: fuzzToday });
  }
  // Left unpaid, so a known-valid payment has a balance to go against.
  await c.call('sessions.record', sessionInput(c, { chartNumber: 'C-300' }));
  // A few weeks of the demo clinic on top: every area's records (containers, trainings, injuries, packages,
  // exports...) exist, so fuzzed ids often name one. The demo grows with the areas; this stays generic.
  for (const step of demoSteps) await step.run(c.call, c.env, () => {}, { years: 0.05, therapists: 2, seed: 5 });
  c.env.db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(c.dbPath, snapshotPathOf(c));
  useFastWrites(c);
  return c;
}

function snapshotPathOf(c: SessionClinic): string {
  return join(c.dir, 'fuzz-start.sqlite3');
}

/** The fuzzer checks validation and rollback, not durability (the crash harness does): no fsync per write. */
function useFastWrites(c: SessionClinic): void {
  c.env.db.pragma('synchronous = OFF');
}

/**
 * Puts the clinic back as openFuzzClinic left it. Each method is fuzzed from the same start, so one
 * method's accepted calls (a deactivated therapist, a recalled lot, a closed day) do not turn every valid
 * input of the methods after it into a rule violation.
 */
export function resetFuzzClinic(c: SessionClinic): void {
  c.env.db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${c.dbPath}${suffix}`, { force: true });
  copyFileSync(snapshotPathOf(c), c.dbPath);
  c.env.db = openDatabase(c.dbPath, { skipQuickCheck: true });
  useFastWrites(c);
  lastState = null;
}

/** Inputs that pass validation, per method, so mutations start from a valid base and the field check is exact. */
export function knownValidInputs(c: SessionClinic): Record<string, unknown[]> {
  return {
    'sessions.record': [sessionInput(c), sessionInput(c, { kind: 'plan_of_care', chartNumber: 'C-300', needles: [{ itemId: c.needleItemId, lotId: c.laterLotId, quantity: 2 }], needlesDisposed: 2 })],
    'inventory.receiveDelivery': [
      { receivedOn: fuzzToday, supplier: 'Lhasa OMS', reference: 'INV-9', lines: [{ itemId: c.needleItemId, lotNumber: 'FZ1', expiryDate: '2028-01-31', quantity: 5, quantityUnit: 'pack', costCents: 1250, costPer: 'pack' }] },
    ],
    'staff.create': [{ name: 'Fuzz Therapist', role: 'therapist', jobTitle: 'PT' }],
    'sessions.recordConsent': [{ chartNumber: 'C-900', signedOn: fuzzToday, formVersion: 'DN-2025-1', copyGiven: true }],
    'revenue.recordPayment': [{ sessionId: 3, method: 'cash', amountCents: 100, paidOn: fuzzToday }],
    'sessions.list': [{ from: '2026-01-01', to: fuzzToday }],
    'audit.list': [{}],
    'inventory.use': [{ lotId: c.gloveLotId, quantity: 1, occurredOn: fuzzToday }],
  };
}

/**
 * A task may go on after it answers (exports.start returns an export id and writes the bundle, then its
 * record, in the background). The next call's before/after comparison must not see that work, so an
 * accepted call that started an export waits here until the export has ended.
 */
export async function settleBackgroundWork(c: SessionClinic, result: ApiResult<unknown>): Promise<void> {
  const exportId = result.ok ? (result.value as { exportId?: unknown } | null)?.exportId : undefined;
  if (typeof exportId !== 'string') return;
  for (let waited = 0; waited < 60_000; waited += 50) {
    const progress = await dispatch(c.env, 'exports.progress', { exportId });
    if (!progress.ok || (progress.value as { state?: string }).state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`export ${exportId} was still running after a minute`);
}

/** The manager acts for every call, so role checks never mask what validation does. */
export function actAsManager(c: SessionClinic): void {
  const managerId = c.env.db.prepare("SELECT id FROM staff WHERE role = 'manager' AND is_active = 1 ORDER BY id LIMIT 1").pluck().get() as number;
  c.env.session.signIn(managerId, (c.env.clock ?? (() => new Date()))().getTime());
}

export type ShapeProblem = string | null;

/** {ok:true,value} or {ok:false,error:{code,message,field?}} and nothing else. */
export function resultShapeProblem(result: unknown): ShapeProblem {
  if (result === null || typeof result !== 'object') return 'the result is not an object';
  const r = result as Record<string, unknown>;
  if (r.ok === true) return Object.keys(r).sort().join(',') === 'ok,value' ? null : `unexpected keys ${Object.keys(r).join(',')}`;
  if (r.ok !== false) return 'ok is neither true nor false';
  if (Object.keys(r).sort().join(',') !== 'error,ok') return `unexpected keys ${Object.keys(r).join(',')}`;
  const error = r.error as Record<string, unknown> | null;
  if (!error || typeof error !== 'object') return 'error is not an object';
  if (typeof error.code !== 'string' || typeof error.message !== 'string' || error.message.length === 0) return 'error lacks code or message';
  if (error.field !== undefined && (typeof error.field !== 'string' || error.field.length === 0)) return 'error.field is not a non-empty string';
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'field'].includes(k));
  return extra.length > 0 ? `error has extra keys ${extra.join(',')}` : null;
}

/** What the file holds before a call, to compare after a rejected one. */
export interface DatabaseState {
  /** sqlite3_total_changes: rows inserted, updated or deleted by this connection, rolled back or not. */
  changes: number;
  /** Every table but the audit log's two. */
  businessHash: string;
  auditHash: string;
  eventCount: number;
}


function totalChanges(c: SessionClinic): number {
  return c.env.db.prepare('SELECT total_changes()').pluck().get() as number;
}

function hashState(c: SessionClinic, changes: number): DatabaseState {
  return {
    changes,
    businessHash: databaseContentHash(c.env.db, { excludeTables: auditTables }),
    auditHash: databaseContentHash(c.env.db, { onlyTables: auditTables }),
    eventCount: readChainHead(c.env.db).eventCount,
  };
}

/**
 * The state before a call. Hashing every table before and after each of thousands of calls is the slow part,
 * so the hash is reused while total_changes() stands still: no row can differ if no row was written, even in
 * a rolled-back transaction (SQLite counts those too). A call that wrote anything is hashed in full after.
 */
export function captureState(c: SessionClinic): DatabaseState {
  const changes = totalChanges(c);
  if (lastState?.changes !== changes) lastState = hashState(c, changes);
  return lastState;
}

/**
 * A rejected call must leave the file as it was. The one designed exception: a failed sign-in appends its
 * login_failed security event after the rollback, and nothing else changes.
 */
export function rejectedCallChange(c: SessionClinic, before: DatabaseState, result: ApiResult<unknown>): string | null {
  const changes = totalChanges(c);
  if (changes === before.changes) return null;
  const after = hashState(c, changes);
  lastState = after;
  if (after.businessHash === before.businessHash && after.auditHash === before.auditHash) return null;
  const newActions = c.env.db.prepare('SELECT action FROM audit_events WHERE seq > ?').pluck().all(before.eventCount) as string[];
  const onlySecurityEvents = newActions.length > 0 && newActions.every((a) => a === 'login_failed');
  if (onlySecurityEvents && after.businessHash === before.businessHash) return null;
  return `a rejected call (${result.ok ? 'ok' : result.error.code}) changed the database: new events ${JSON.stringify(newActions)}`;
}
