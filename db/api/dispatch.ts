// The one entry point both transports call: validate, authorise, run in a transaction, map every failure.
import type { Database, Transaction } from 'better-sqlite3';
import type { z } from 'zod';
import { appendAuditEvent } from '../audit/audit-log';
import type { AuditEntry } from '../audit/audit-entry';
import { readSettings } from '../clinic/clinic-store';
import { findStaffMember } from '../staff/staff-store';
import { contract, isMethodName, type MethodName } from './contract';
import type { MethodSpec } from './define-method';
import { ApiError, type ApiErrorBody, type ApiResult } from './errors';
import type { Actor, AppEnvironment, Handler, HandlerContext } from './handler-context';
import { handlers } from './handlers';

export async function dispatch(env: AppEnvironment, methodName: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  try {
    if (!isMethodName(methodName)) {
      throw new ApiError('unknown_method', `There is no API method named "${String(methodName).slice(0, 80)}".`);
    }
    if (env.integrity?.state === 'damaged' && !isAllowedOnDamagedFile(methodName)) {
      throw new ApiError('database_damaged', env.integrity.message ?? 'The clinic file is damaged; restore the newest good backup.');
    }
    const spec: MethodSpec = contract[methodName];
    const now = (env.clock ?? (() => new Date()))();
    const actor = authorise(env, spec, methodName, now);
    const input = parseInput(spec.input, rawInput);
    const handler = handlers[methodName] as Handler<MethodSpec>;
    const value = await run(env, spec, handler, actor, now, input);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorBody(env, error, methodName) };
  }
}

/** On a damaged file only what leads out of it works: the status, signing in, and the backups (restore). */
function isAllowedOnDamagedFile(methodName: string): boolean {
  return methodName === 'clinic.status' || methodName.startsWith('session.') || methodName.startsWith('backups.');
}

function authorise(env: AppEnvironment, spec: MethodSpec, methodName: MethodName, now: Date): Actor | null {
  if (spec.roles === 'signed_out') return null;
  const { session } = env;
  if (session.staffId === null) throw new ApiError('not_signed_in', 'Nobody is signed in at this PC. Choose who you are first.');
  const idleLockMs = readSettings(env.db).idleLockMinutes * 60_000;
  if (session.isIdleLongerThan(idleLockMs, now.getTime())) {
    session.lock();
    throw new ApiError('locked', 'The PC locked itself after being idle. Sign in again to continue.');
  }
  const staff = findStaffMember(env.db, session.staffId);
  if (!staff || !staff.isActive) {
    session.lock();
    throw new ApiError('not_signed_in', 'The acting staff member is no longer active. Sign in again.');
  }
  if (!spec.roles.includes(staff.role)) {
    throw new ApiError('forbidden', `A ${staff.role.replace('_', ' ')} may not call ${methodName}.`);
  }
  session.lastActivityMs = now.getTime();
  return { staffId: staff.id, name: staff.name, role: staff.role };
}

function parseInput(schema: z.ZodType, rawInput: unknown): unknown {
  const parsed = schema.safeParse(rawInput === undefined ? {} : rawInput);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
  const message = issue?.code === 'unrecognized_keys' ? `has a field this method does not take (${issue.keys.join(', ')})` : issue?.message ?? 'is not valid';
  const fieldName = issue?.code === 'unrecognized_keys' ? (issue.keys[0] || field) : field;
  throw new ApiError('invalid_input', `${fieldName}: ${message}`, fieldName);
}

async function run(
  env: AppEnvironment,
  spec: MethodSpec,
  handler: Handler<MethodSpec>,
  actor: Actor | null,
  now: Date,
  input: unknown,
): Promise<unknown> {
  const ctx = makeContext(env, actor, now);
  if (spec.kind === 'task') return await handler(ctx, input);
  const transaction = transactionOf(env.db);
  if (spec.kind === 'read') return transaction.deferred(() => handler(ctx, input));
  // A write and its audit events commit together or not at all.
  return transaction.immediate(() => handler(ctx, input));
}

/**
 * One transaction wrapper per connection, given the work to run: db.transaction builds four wrapper functions and
 * defines their properties on every call, which cost more than the BEGIN of a small call.
 */
const transactions = new WeakMap<Database, Transaction<(work: () => unknown) => unknown>>();

function transactionOf(db: Database): Transaction<(work: () => unknown) => unknown> {
  let transaction = transactions.get(db);
  if (!transaction) {
    transaction = db.transaction((work: () => unknown) => work());
    transactions.set(db, transaction);
  }
  return transaction;
}

export function makeContext(env: AppEnvironment, actor: Actor | null, now: Date): HandlerContext {
  const nowIso = now.toISOString();
  const ctx: HandlerContext = {
    env,
    db: env.db,
    actor,
    now,
    nowIso,
    audit: (entry: AuditEntry) => {
      appendAuditEvent(env.db, entry, { actorStaffId: ctx.actor?.staffId ?? null, deviceId: env.deviceId, at: nowIso });
    },
  };
  return ctx;
}

function toErrorBody(env: AppEnvironment, error: unknown, methodName: string): ApiErrorBody {
  if (error instanceof ApiError) {
    if (error.auditAfterRollback) recordSecurityEvent(env, error.auditAfterRollback);
    return error.toBody();
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') {
    return { code: 'storage_full', message: 'The disk holding the clinic file is full. Nothing was saved; free some space and try again.' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'database_busy', message: 'The clinic file is in use by another instance of Clinic Ops. Nothing was saved; try again in a moment.' };
  }
  console.error(`[clinic-ops] ${methodName} failed:`, error);
  return { code: 'internal', message: `Something went wrong in ${methodName}; nothing was saved. The details are in the app's log.` };
}

function recordSecurityEvent(env: AppEnvironment, entry: AuditEntry): void {
  try {
    const ctx = makeContext(env, null, (env.clock ?? (() => new Date()))());
    env.db.transaction(() => ctx.audit(entry)).immediate();
  } catch (error) {
    console.error('[clinic-ops] could not record a security event:', error);
  }
}
