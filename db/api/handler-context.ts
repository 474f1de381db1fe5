// What every handler receives: the connection, the acting staff member, the clock, and the audit appender.
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../audit/audit-entry';
import type { IntegrityState } from '../integrity-check';
import type { ActingSession } from './acting-session';
import type { ContractShape, MethodSpec, OutputOf, ParsedInputOf } from './define-method';
import type { StaffRole } from './roles';

export interface Actor {
  staffId: number;
  name: string;
  role: StaffRole;
}

/** Long-lived facts about this running app, set by the transport that hosts the dispatcher. */
export interface AppEnvironment {
  db: Database;
  /** Where the clinic file lives (backups and keys go beside or under it). */
  dbPath: string;
  deviceId: string;
  appVersion: string;
  session: ActingSession;
  /** Injected so tests can fix the date; defaults to the system clock. */
  clock?: () => Date;
  /** The file's integrity check; a large file is still 'checking' for a while after start. */
  integrity?: IntegrityState;
}

export interface HandlerContext {
  env: AppEnvironment;
  db: Database;
  /** Null only inside methods whose roles are 'signed_out'. */
  actor: Actor | null;
  now: Date;
  /** UTC ISO instant of this call; every row and event written by the call carries it. */
  nowIso: string;
  audit(entry: AuditEntry): void;
}

export type Handler<S extends MethodSpec> = (
  ctx: HandlerContext,
  input: ParsedInputOf<S>,
) => S['kind'] extends 'task' ? Promise<OutputOf<S>> | OutputOf<S> : OutputOf<S>;

export type HandlersFor<C extends ContractShape> = { [K in keyof C]: Handler<C[K]> };

/** The acting staff member of a method that requires sign-in (all but 'signed_out' ones). */
export function requireActor(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new Error('this handler needs a signed-in actor');
  return ctx.actor;
}
