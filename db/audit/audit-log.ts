// Appends attributable events to the hash-chained audit log, inside the caller's transaction.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { statementsFor } from '../sql/statement-cache';
import type { AuditEntry } from './audit-entry';
import { canonicalJson } from './canonical-json';
import { computeEventHash, type HashedEventFields } from './event-hash';

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
  insert: db.prepare(
    `INSERT INTO audit_events (seq, event_id, at, actor_staff_id, device_id, action, entity_type, entity_id,
       before_json, after_json, reason, prev_hash, hash)
     VALUES (@seq, @eventId, @at, @actorStaffId, @deviceId, @action, @entityType, @entityId,
       @beforeJson, @afterJson, @reason, @prevHash, @hash)`,
  ),
}));

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
  const hash = computeEventHash(head.head_hash, fields);
  s.insert.run({ ...fields, prevHash: head.head_hash, hash });
  return { seq: fields.seq, hash };
}

export function readChainHead(db: Database): { eventCount: number; headHash: string } {
  const head = statements(db).head.get();
  if (!head) throw new Error('the audit chain head is missing');
  return { eventCount: head.event_count, headHash: head.head_hash };
}
