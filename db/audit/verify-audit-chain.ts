// Walks the whole audit chain and names the first event that does not match.
import type { Database } from 'better-sqlite3';
import { GENESIS_HASH } from '../migrations/0003-create-audit-events';
import { computeBodyHash } from './event-hash';

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

type EventRow = [seq: number, eventId: string, body: Buffer, hash: string];

export function verifyAuditChain(db: Database): AuditChainReport {
  // The body is read as bytes (no text decoding) and hashed as stored: verify runs over millions of events.
  const rows = db.prepare('SELECT seq, event_id, CAST(body AS BLOB), hash FROM audit_events ORDER BY seq').raw(true);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const fail = (seq: number, eventId: string | null, problem: ChainProblem, message: string): AuditChainReport => ({
    isIntact: false,
    eventCount: expectedSeq - 1,
    headHash: prevHash,
    firstProblem: { seq, eventId, problem, message },
  });

  for (const raw of rows.iterate()) {
    const [seq, eventId, body, storedHash] = raw as EventRow;
    if (seq !== expectedSeq) {
      return fail(expectedSeq, null, 'missing_event', `event #${expectedSeq} is missing (the next stored event is #${seq})`);
    }
    const hash = computeBodyHash(prevHash, body);
    if (hash !== storedHash) {
      // Either this event was edited, or the one before it was removed or moved: say which.
      const followsPrevious = body.includes(`"seq":${seq}}`);
      return fail(
        seq,
        eventId,
        followsPrevious ? 'hash_mismatch' : 'prev_hash_mismatch',
        followsPrevious
          ? `event #${seq} (${eventId}) was changed after it was written, or does not follow event #${seq - 1}: its hash does not match`
          : `event #${seq} (${eventId}) does not belong at #${seq}: events were removed or reordered`,
      );
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
