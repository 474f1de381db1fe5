// Walks the whole audit chain and names the first event that does not match. A busy clinic's ten years hold
// hundreds of thousands of events, so a large chain is split into ranges checked at once on worker threads.
import { hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import Database, { type Database as Connection } from 'better-sqlite3';
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

/** What one range of events came to: its last event and hash, or the first event that breaks it. */
interface RangeOutcome {
  lastSeq: number;
  lastHash: string;
  broken: null | { seq: number; kind: 'missing' | 'edited' | 'moved' | 'prev_column'; nextStoredSeq: number };
}

const pageSql = 'SELECT seq, body, prev_hash, hash FROM audit_events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT 500';
const bytesSql = 'SELECT CAST(body AS BLOB) FROM audit_events WHERE seq = ?';

/** How a range is hashed: text in one call; a body that decoded with U+FFFD is hashed again from its stored bytes. */
interface RangeHashing {
  sha256Hex(text: string): string;
  storedBytesHash(seq: number, prevHash: string): string;
}

/**
 * Checks events [firstSeq, …] in order from the hash before them. Self-contained (it uses only its parameters)
 * because its source also runs on worker threads: see `rangeWorkerSource`.
 */
function checkEventRange(rows: Iterable<unknown>, firstSeq: number, prevHash: string, hashing: RangeHashing): RangeOutcome {
  let expectedSeq = firstSeq;
  let lastHash = prevHash;
  for (const raw of rows) {
    const [seq, body, storedPrev, storedHash] = raw as [number, string, string, string];
    if (seq !== expectedSeq) return { lastSeq: expectedSeq - 1, lastHash, broken: { seq: expectedSeq, kind: 'missing', nextStoredSeq: seq } };
    // Text is hashed as its UTF-8, which is the stored bytes unless they were not valid UTF-8 (decoded as U+FFFD).
    const hash = body.includes('\uFFFD') ? hashing.storedBytesHash(seq, lastHash) : hashing.sha256Hex(lastHash + body);
    if (hash !== storedHash) {
      // Either this event was edited, or the one before it was removed or moved: its own seq inside the body says which.
      const kind = body.includes(`"seq":${seq}}`) ? 'edited' : 'moved';
      return { lastSeq: seq - 1, lastHash, broken: { seq, kind, nextStoredSeq: seq } };
    }
    // The hash holds, but the prev_hash column an auditor reads beside it must say the same.
    if (storedPrev !== lastHash) return { lastSeq: seq - 1, lastHash, broken: { seq, kind: 'prev_column', nextStoredSeq: seq } };
    lastHash = storedHash;
    expectedSeq += 1;
  }
  return { lastSeq: expectedSeq - 1, lastHash, broken: null };
}

/**
 * The rows of [firstSeq, lastSeq] in pages (better-sqlite3's all() on a few hundred rows costs less per row than
 * iterate()). Self-contained like checkEventRange, for the same reason.
 */
function* pagesOf(page: { all(from: number, to: number): unknown[] }, firstSeq: number, lastSeq: number): Generator<unknown> {
  let from = firstSeq;
  for (;;) {
    const rows = page.all(from, lastSeq) as Array<[number, ...unknown[]]>;
    if (rows.length === 0) return;
    yield* rows;
    from = (rows[rows.length - 1]?.[0] ?? lastSeq) + 1;
  }
}

function hashingOf(db: Connection): RangeHashing {
  const bytes = db.prepare(bytesSql).pluck();
  return {
    sha256Hex: (text) => hash('sha256', text, 'hex'),
    storedBytesHash: (seq, prevHash) => computeBodyHash(prevHash, bytes.get(seq) as Buffer),
  };
}

export function verifyAuditChain(db: Connection): AuditChainReport {
  const head = readHead(db);
  const rows = pagesOf(db.prepare(pageSql).raw(true), 1, Number.MAX_SAFE_INTEGER);
  return reportOf(db, checkEventRange(rows, 1, GENESIS_HASH, hashingOf(db)), head);
}

export interface ParallelOptions {
  /** Worker threads; one per core by default. */
  threads?: number;
  /** Below this many events one thread is quicker than starting workers. */
  parallelFromEvents?: number;
}

const rangeWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash, hash } = require('node:crypto');
const Database = require(workerData.driver);
const checkEventRange = (${checkEventRange.toString()});
const pagesOf = (${pagesOf.toString()});
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
try {
  const bytes = db.prepare(workerData.bytesSql).pluck();
  const hashing = {
    sha256Hex: (text) => hash('sha256', text, 'hex'),
    storedBytesHash: (seq, prevHash) => createHash('sha256').update(prevHash).update(bytes.get(seq)).digest('hex'),
  };
  const rows = pagesOf(db.prepare(workerData.sql).raw(true), workerData.firstSeq, workerData.lastSeq);
  parentPort.postMessage(checkEventRange(rows, workerData.firstSeq, workerData.prevHash, hashing));
} finally {
  db.close();
}`;

/**
 * The same verdict as `verifyAuditChain`, for the clinic file at `path`: the events up to the head recorded when it
 * starts are split into ranges, one per core, each checked on its own read-only connection. Events are append-only,
 * so later writes do not disturb it. Any problem is then named by the one-thread walk, which says exactly where.
 */
export async function verifyAuditChainOfFile(path: string, options: ParallelOptions = {}): Promise<AuditChainReport & { threads: number }> {
  const { threads = Math.min(availableParallelism(), 8), parallelFromEvents = 50_000 } = options;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const head = readHead(db);
    const lastSeq = head?.event_count ?? 0;
    const storedLastSeq = (db.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number | null) ?? 0;
    // Rows beyond the recorded head, or a short chain: the one-thread walk names it.
    const oneThread = () => ({ ...verifyAuditChain(db), threads: 1 });
    if (threads < 2 || lastSeq < parallelFromEvents || storedLastSeq !== lastSeq) return oneThread();
    const perRange = Math.ceil(lastSeq / threads);
    const ranges = Array.from({ length: threads }, (_, i) => ({ firstSeq: i * perRange + 1, lastSeq: Math.min(lastSeq, (i + 1) * perRange) }));
    const startHashes = ranges.map(({ firstSeq }) =>
      firstSeq === 1 ? GENESIS_HASH : (db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(firstSeq - 1) as string | undefined),
    );
    if (startHashes.some((h) => h === undefined)) return oneThread();
    // The first range is checked here while workers check the rest: one thread fewer to start, and this one is idle otherwise.
    const onWorkers = Promise.all(ranges.slice(1).map((range, i) => checkRangeOnWorker(path, range.firstSeq, range.lastSeq, startHashes[i + 1] as string)));
    const first = ranges[0] as { firstSeq: number; lastSeq: number };
    const here = checkEventRange(pagesOf(db.prepare(pageSql).raw(true), first.firstSeq, first.lastSeq), first.firstSeq, GENESIS_HASH, hashingOf(db));
    const outcomes = [here, ...(await onWorkers)];
    // Each range started from the stored hash before it; the range before must have proved that hash, up to its end.
    const isWhole = outcomes.every((o, i) => o.broken === null && o.lastSeq === ranges[i]?.lastSeq);
    if (!isWhole) return oneThread();
    return { ...reportOf(db, { lastSeq, lastHash: outcomes[outcomes.length - 1]?.lastHash ?? GENESIS_HASH, broken: null }, head), threads };
  } finally {
    db.close();
  }
}

function checkRangeOnWorker(path: string, firstSeq: number, lastSeq: number, prevHash: string): Promise<RangeOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(rangeWorkerSource, {
      eval: true,
      workerData: { path, sql: pageSql, bytesSql, firstSeq, lastSeq, prevHash, driver: require.resolve('better-sqlite3') },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

type HeadRow = { event_count: number; head_hash: string };

function readHead(db: Connection): HeadRow | undefined {
  return db.prepare('SELECT event_count, head_hash FROM audit_chain_head WHERE id = 1').get() as HeadRow | undefined;
}

function reportOf(db: Connection, outcome: RangeOutcome, head: HeadRow | undefined): AuditChainReport {
  const count = outcome.lastSeq;
  const fail = (seq: number, eventId: string | null, problem: ChainProblem, message: string): AuditChainReport => ({
    isIntact: false,
    eventCount: count,
    headHash: outcome.lastHash,
    firstProblem: { seq, eventId, problem, message },
  });
  const { broken } = outcome;
  if (broken) {
    const { seq, kind } = broken;
    if (kind === 'missing') return fail(seq, null, 'missing_event', `event #${seq} is missing (the next stored event is #${broken.nextStoredSeq})`);
    const eventId = (db.prepare('SELECT event_id FROM audit_events WHERE seq = ?').pluck().get(seq) as string | undefined) ?? null;
    if (kind === 'edited') {
      return fail(seq, eventId, 'hash_mismatch', `event #${seq} (${eventId}) was changed after it was written, or does not follow event #${seq - 1}: its hash does not match`);
    }
    if (kind === 'moved') return fail(seq, eventId, 'prev_hash_mismatch', `event #${seq} (${eventId}) does not belong at #${seq}: events were removed or reordered`);
    return fail(seq, eventId, 'prev_hash_mismatch', `event #${seq} (${eventId}) records a prev_hash that is not the hash of event #${seq - 1}`);
  }
  if (!head) return fail(count, null, 'head_missing', 'the chain head record is missing');
  if (head.event_count !== count) {
    return fail(
      count + 1,
      null,
      'head_count_mismatch',
      `the log holds ${count} events but ${head.event_count} were recorded: events after #${count} are missing`,
    );
  }
  if (head.head_hash !== outcome.lastHash) {
    return fail(count, null, 'head_hash_mismatch', `the newest event #${count} is not the recorded head of the chain`);
  }
  return { isIntact: true, eventCount: count, headHash: outcome.lastHash, firstProblem: null };
}
