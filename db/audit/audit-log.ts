// Appends attributable events to the hash-chained audit log, inside the caller's transaction.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { statementsFor } from '../sql/statement-cache';
import type { AuditEntry } from './audit-entry';
import { canonicalJson } from './canonical-json';
import { canonicalEventJson, computeBodyHash, type HashedEventFields } from './event-hash';

export type { AuditEntry };

export interface AuditMeta {
  actorStaffId: number | null;
  deviceId: string;
  /** UTC ISO instant. */
  at: string;
}

const statements = statementsFor((db) => ({
  head: db.prepare<[], { event_count: number; head_hash: string }>(
    'SELECT event_count, head_hash FROM audit_chain_head WHERE id = 1',
  ),
  atOf: db.prepare<[number], { at: string }>('SELECT at FROM audit_events WHERE seq = ?'),
  insert: db.prepare('INSERT INTO audit_events (seq, body, prev_hash, hash) VALUES (@seq, @body, @prevHash, @hash)'),
}));

/**
 * The last event each connection appended. The next append compares its time with the previous event's; when the
 * head is still that event (same seq and hash: nothing else appended, nothing rolled back) the time is known.
 */
const lastAppended = new WeakMap<Database, { seq: number; hash: string; at: string }>();

/** Must run inside the write transaction of the change it records. */
export function appendAuditEvent(db: Database, entry: AuditEntry, meta: AuditMeta): { seq: number; hash: string } {
  if (!db.inTransaction) throw new Error('audit events are appended inside the transaction of the change they record');
  const s = statements(db);
  const head = s.head.get();
  if (!head) throw new Error('the audit chain head is missing');
  const fields: HashedEventFields = {
    seq: head.event_count + 1,
    eventId: uuidv7(),
    at: meta.at,
    actorStaffId: meta.actorStaffId,
    deviceId: meta.deviceId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    beforeJson: canonicalJson(entry.before ?? null),
    afterJson: canonicalJson(entry.after ?? null),
    reason: entry.reason ?? null,
  };
  const body = canonicalEventJson(fields);
  const hash = computeBodyHash(head.head_hash, body);
  const last = lastAppended.get(db);
  const isHeadLast = last !== undefined && last.seq === head.event_count && last.hash === head.head_hash;
  const previousAt = isHeadLast ? last.at : head.event_count > 0 ? s.atOf.get(head.event_count)?.at : undefined;
  s.insert.run({ seq: fields.seq, body, prevHash: head.head_hash, hash });
  lastAppended.set(db, { seq: fields.seq, hash, at: meta.at });
  // A clock set back must not stop the clinic, so the event still chains; it is flagged for review instead.
  if (previousAt !== undefined && meta.at < previousAt) flagClockRollback(db, fields.seq, meta.at, previousAt);
  return { seq: fields.seq, hash };
}

/** Records the flag in the same transaction (migration 0009's table; skipped on a file that predates it). */
function flagClockRollback(db: Database, seq: number, at: string, previousAt: string): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_event_flags'").get();
  if (!hasTable) return;
  const detail = `the clock read ${at}, earlier than the previous event's ${previousAt}: check this device's date and time`;
  db.prepare('INSERT INTO audit_event_flags (seq, kind, detail, flagged_at) VALUES (?, ?, ?, ?)').run(seq, 'clock_rollback', detail, at);
}

export function readChainHead(db: Database): { eventCount: number; headHash: string } {
  const head = statements(db).head.get();
  if (!head) throw new Error('the audit chain head is missing');
  return { eventCount: head.event_count, headHash: head.head_hash };
}
