// Reads the audit log for the Audit log page: keyset pages over a million events, newest first.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { addDays, startOfBusinessDate } from '../clinic/business-time';
import { clinicTimeZone } from '../clinic/clinic-store';
import type { AuditEventView, AuditPage, auditListInput } from './audit-contract';

type AuditFilter = z.output<typeof auditListInput>;

interface EventRow {
  seq: number;
  event_id: string;
  at: string;
  actor_staff_id: number | null;
  actor_name: string | null;
  device_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string;
  after_json: string;
  reason: string | null;
  hash: string;
}

export function listAuditEvents(db: Database, filter: AuditFilter): AuditPage {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit + 1 };
  const tz = clinicTimeZone(db);
  if (filter.from) {
    where.push('e.at >= @fromAt');
    params.fromAt = startOfBusinessDate(filter.from, tz).toISOString();
  }
  if (filter.to) {
    where.push('e.at < @toAt');
    params.toAt = startOfBusinessDate(addDays(filter.to, 1), tz).toISOString();
  }
  if (filter.staffId !== undefined) {
    where.push('e.actor_staff_id = @staffId');
    params.staffId = filter.staffId;
  }
  if (filter.entityType === 'payment' && filter.entityId) {
    // A payment taken as its session was recorded is created by the session's event (it holds it under "payment"):
    // a payment's history starts there. Its session is found through the payments table, so the index serves both.
    where.push(
      `((e.entity_type = 'payment' AND e.entity_id = @entityId)
        OR (e.entity_type = 'session' AND e.action = 'create'
          AND e.entity_id = (SELECT CAST(p.session_id AS TEXT) FROM payments p WHERE p.id = CAST(@entityId AS INTEGER))
          AND e.body ->> '$.after.payment.id' = CAST(@entityId AS INTEGER)))`,
    );
    params.entityId = filter.entityId;
  } else {
    if (filter.entityType) {
      where.push('e.entity_type = @entityType');
      params.entityType = filter.entityType;
    }
    if (filter.entityId) {
      where.push('e.entity_id = @entityId');
      params.entityId = filter.entityId;
    }
  }
  if (filter.action) {
    where.push('e.action = @action');
    params.action = filter.action;
  }
  if (filter.beforeSeq !== undefined) {
    where.push('e.seq < @beforeSeq');
    params.beforeSeq = filter.beforeSeq;
  }
  const rows = db
    .prepare<Record<string, unknown>, EventRow>(
      `SELECT e.seq, e.event_id, e.at, e.actor_staff_id, s.name AS actor_name, e.device_id, e.action,
              e.entity_type, e.entity_id, e.before_json, e.after_json, e.reason, e.hash
       FROM audit_events e LEFT JOIN staff s ON s.id = e.actor_staff_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.seq DESC LIMIT @limit`,
    )
    .all(params);
  const hasMore = rows.length > filter.limit;
  const page = hasMore ? rows.slice(0, filter.limit) : rows;
  return { events: page.map(toView), nextCursor: hasMore ? (page.at(-1)?.seq ?? null) : null };
}

function toView(r: EventRow): AuditEventView {
  return {
    seq: r.seq,
    eventId: r.event_id,
    at: r.at,
    actorStaffId: r.actor_staff_id,
    actorName: r.actor_name,
    deviceId: r.device_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: JSON.parse(r.before_json),
    after: JSON.parse(r.after_json),
    reason: r.reason,
    hash: r.hash,
  };
}

/** Distinct values of an indexed column without scanning every row (a loose index scan). */
function distinctIndexed(db: Database, column: 'action' | 'entity_type'): string[] {
  const rows = db
    .prepare<[], { v: string }>(
      `WITH RECURSIVE d(v) AS (
         SELECT min(${column}) FROM audit_events
         UNION ALL
         SELECT (SELECT min(${column}) FROM audit_events WHERE ${column} > d.v) FROM d WHERE d.v IS NOT NULL
       ) SELECT v FROM d WHERE v IS NOT NULL`,
    )
    .all();
  return rows.map((r) => r.v);
}

export function auditFacets(db: Database): { entityTypes: string[]; actions: string[] } {
  return { entityTypes: distinctIndexed(db, 'entity_type'), actions: distinctIndexed(db, 'action') };
}
