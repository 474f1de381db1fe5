// What must hold after every kill: the file opens, passes integrity_check, its chain and records verify,
// every acknowledged write is there, and no call is half-applied.
import { readChainHead } from '../audit/audit-log';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { verifyRecords } from '../audit/verify-records';
import { openDatabase } from '../open-database';
import type { Ack } from './crash-writer';

export interface CrashCheck {
  problems: string[];
  /** Events in the file after the last acknowledged one: writes that committed but were killed before their ack. */
  unacknowledgedEvents: number;
  eventCount: number;
}

/**
 * `newAcks` are the writes acknowledged since the last check; `lastAck` the newest acknowledged write ever.
 * The chain links every event to the one before, so finding the newest acknowledged event with its exact
 * hash in an intact chain proves every earlier acknowledged event is there unchanged.
 */
export function checkAfterCrash(dbPath: string, newAcks: readonly Ack[], lastAck: Ack | null): CrashCheck {
  const problems: string[] = [];
  // Read-only, as `clinic-ops verify` opens it: the next writer, not the harness, recovers the WAL.
  let db;
  try {
    db = openDatabase(dbPath, { readonly: true });
  } catch (error) {
    return { problems: [`the file does not open: ${(error as Error).message}`], unacknowledgedEvents: 0, eventCount: 0 };
  }
  try {
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.map((r) => r.integrity_check).join() !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 3))}`);
    const chain = verifyAuditChain(db);
    if (!chain.isIntact) problems.push(`audit chain: ${chain.firstProblem?.message}`);
    const records = verifyRecords(db);
    for (const p of records.problems.slice(0, 5)) problems.push(`records: ${p.message}`);
    const eventHash = db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck();
    const sessionEvent = db.prepare("SELECT count(*) FROM audit_events WHERE entity_type = 'session' AND entity_id = ? AND action = 'create'").pluck();
    const sessionMovements = db.prepare('SELECT count(*) FROM stock_movements WHERE session_id = ?').pluck();
    const lotExists = db.prepare('SELECT count(*) FROM stock_lots WHERE id = ?').pluck();
    for (const ack of lastAck ? [...newAcks, lastAck] : newAcks) {
      if (eventHash.get(ack.seq) !== ack.hash) problems.push(`acknowledged ${ack.method} (event #${ack.seq}) is missing or changed`);
    }
    for (const ack of newAcks) {
      if (ack.method === 'sessions.record') {
        const [id] = ack.ids;
        if (sessionEvent.get(String(id)) !== 1) problems.push(`acknowledged session #${id} has no create event`);
        if ((sessionMovements.get(id) as number) < 2) problems.push(`acknowledged session #${id} lacks its stock movements`);
      }
      if (ack.method === 'inventory.receiveDelivery') {
        for (const id of ack.ids) if (lotExists.get(id) !== 1) problems.push(`acknowledged delivery lot #${id} is missing`);
      }
    }
    const { eventCount } = readChainHead(db);
    return { problems, unacknowledgedEvents: lastAck ? eventCount - lastAck.seq : 0, eventCount };
  } finally {
    db.close();
  }
}
