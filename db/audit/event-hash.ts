// The hash of one audit event: SHA-256 over the previous hash followed by the event's canonical JSON.
import { createHash, hash } from 'node:crypto';

/** The stored columns of one audit event, as hashed. before/after are already canonical JSON text. */
export interface HashedEventFields {
  seq: number;
  eventId: string;
  at: string;
  actorStaffId: number | null;
  deviceId: string;
  action: string;
  entityType: string;
  entityId: string;
  beforeJson: string;
  afterJson: string;
  reason: string | null;
}

/**
 * Canonical JSON of an event: keys in sorted order, before/after embedded as their stored
 * canonical text. Built by concatenation because verify runs it over millions of events.
 */
export function canonicalEventJson(e: HashedEventFields): string {
  return (
    `{"action":${JSON.stringify(e.action)}` +
    `,"actor_staff_id":${e.actorStaffId === null ? 'null' : String(e.actorStaffId)}` +
    `,"after":${e.afterJson}` +
    `,"at":${JSON.stringify(e.at)}` +
    `,"before":${e.beforeJson}` +
    `,"device_id":${JSON.stringify(e.deviceId)}` +
    `,"entity_id":${JSON.stringify(e.entityId)}` +
    `,"entity_type":${JSON.stringify(e.entityType)}` +
    `,"event_id":${JSON.stringify(e.eventId)}` +
    `,"reason":${e.reason === null ? 'null' : JSON.stringify(e.reason)}` +
    `,"seq":${e.seq}}`
  );
}

export function computeEventHash(prevHash: string, e: HashedEventFields): string {
  return computeBodyHash(prevHash, canonicalEventJson(e));
}

/** SHA-256 over the previous hash (64 hex characters) followed by the event's canonical JSON, as UTF-8. */
export function computeBodyHash(prevHash: string, body: string | Buffer): string {
  // Text in one call (no Hash object per event: verify and export hash hundreds of thousands); bytes as stored.
  return typeof body === 'string' ? hash('sha256', prevHash + body, 'hex') : createHash('sha256').update(prevHash).update(body).digest('hex');
}
