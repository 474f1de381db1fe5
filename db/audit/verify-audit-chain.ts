// Walks the whole audit chain and names the first event that does not match.
import type { Database } from 'better-sqlite3';
import { GENESIS_HASH } from '../migrations/0003-create-audit-events';
import { computeEventHash } from './event-hash';

export type ChainProblem =
  | 'missing_event'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'head_count_mismatch'
  | 'head_hash_mismatch'
  | 'head_missing';

export interface AuditChainReport {
  isIntact: boolean;
  eventCount: number;
  headHash: string;
  firstProblem: null | { seq: number; eventId: string | null; problem: ChainProblem; message: string };
}

type EventRow = [
  seq: number,
  eventId: string,
  at: string,
  actorStaffId: number | null,
  deviceId: string,
  action: string,
  entityType: string,
  entityId: string,
  beforeJson: string,
  afterJson: string,
  reason: string | null,
  prevHash: string,
  hash: string,
];

export function verifyAuditChain(db: Database): AuditChainReport {
  const rows = db
    .prepare(
      `SELECT seq, event_id, at, actor_staff_id, device_id, action, entity_type, entity_id,
              before_json, after_json, reason, prev_hash, hash
       FROM audit_events ORDER BY seq`,
    )
    .raw(true);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const fail = (seq: number, eventId: string | null, problem: ChainProblem, message: string): AuditChainReport => ({
    isIntact: false,
    eventCount: expectedSeq - 1,
    headHash: prevHash,
    firstProblem: { seq, eventId, problem, message },
  });

  for (const raw of rows.iterate()) {
    const r = raw as EventRow;
    const [seq, eventId] = r;
    if (seq !== expectedSeq) {
      return fail(expectedSeq, null, 'missing_event', `event #${expectedSeq} is missing (the next stored event is #${seq})`);
    }
    if (r[11] !== prevHash) {
      return fail(seq, eventId, 'prev_hash_mismatch', `event #${seq} (${eventId}) does not follow event #${seq - 1}: removed or reordered events`);
    }
    const hash = computeEventHash(prevHash, {
      seq,
      eventId,
      at: r[2],
      actorStaffId: r[3],
      deviceId: r[4],
      action: r[5],
      entityType: r[6],
      entityId: r[7],
      beforeJson: r[8],
      afterJson: r[9],
      reason: r[10],
    });
    if (hash !== r[12]) {
      return fail(seq, eventId, 'hash_mismatch', `event #${seq} (${eventId}) was changed after it was written: its hash does not match its content`);
    }
    prevHash = hash;
    expectedSeq += 1;
  }

  const count = expectedSeq - 1;
  const head = db.prepare('SELECT event_count, head_hash FROM audit_chain_head WHERE id = 1').get() as
    | { event_count: number; head_hash: string }
    | undefined;
  if (!head) return fail(count, null, 'head_missing', 'the chain head record is missing');
  if (head.event_count !== count) {
    return fail(
      count + 1,
      null,
      'head_count_mismatch',
      `the log holds ${count} events but ${head.event_count} were recorded: events after #${count} are missing`,
    );
  }
  if (head.head_hash !== prevHash) {
    return fail(count, null, 'head_hash_mismatch', `the newest event #${count} is not the recorded head of the chain`);
  }
  return { isIntact: true, eventCount: count, headHash: prevHash, firstProblem: null };
}
