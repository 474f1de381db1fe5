// audit_events.csv: the slice of the hash chain from the first event of the range to the head, with each
// event's `body` (its canonical JSON, exactly the text hashed) so an auditor can recompute every hash; the
// whole chain is verified once more in the same pass.
import type { Database } from 'better-sqlite3';
import { computeBodyHash } from '../audit/event-hash';
import { GENESIS_HASH } from '../migrations/0003-create-audit-events';
import { csvCell, csvFields, csvRecord } from './csv';
import { HashingFileWriter } from './csv-file-writer';
import type { ColumnDef, RangeParams } from './log-definition';
import { RowProgress, type FormatContext, type LogFileResult, type StageHooks } from './log-csv';

/**
 * `body` always begins with `{`, so no spreadsheet reads it as a formula and it is written untouched. The
 * readable columns beside it are checked against the body by verify, so their text must come back exactly:
 * a cell that would begin with = + - @ TAB CR (a formula), or with an apostrophe itself, or that is empty,
 * gets one apostrophe in front. Removing one leading apostrophe gives the exact text back, and an empty cell
 * is null (only actor_staff_id and reason can be null).
 */
const needsMark = /^['=+\-@\t\r]/;

export function markAuditText(value: string): string {
  return value === '' || needsMark.test(value) ? `'${value}` : value;
}

/** One marked text cell of a row, quoted as csvFields quotes it. */
function auditCell(value: string): string {
  return csvCell(markAuditText(value));
}

/** A number as csvFields([String(value)]) writes it (an id column never holds anything else in a STRICT table). */
function numberCell(value: number): string {
  return typeof value === 'number' ? String(value) : csvCell(String(value));
}

export function unmarkAuditText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

export const auditEventsFileName = 'audit_events.csv';

export const auditEventColumns: ColumnDef[] = [
  { name: 'seq', type: 'int', description: 'Position in the chain: 1, 2, 3, ... with no gaps (also in body)' },
  { name: 'event_id', type: 'text', description: 'UUIDv7 of the event (from body)' },
  { name: 'at', type: 'instant', description: 'When it happened, UTC ISO-8601 with milliseconds (from body)' },
  { name: 'actor_staff_id', type: 'staff', description: 'Staff member who acted; empty for system and command-line events (from body; empty = null)' },
  { name: 'actor_name', type: 'text', description: 'Name of the actor, for reading (not in body)' },
  { name: 'device_id', type: 'text', description: 'Workstation that wrote it (from body)' },
  { name: 'action', type: 'text', description: 'create, update, void, amend, deactivate, sign_in, export, ... (from body)' },
  { name: 'entity_type', type: 'text', description: 'Kind of record changed: staff, lot, session, payment, ... (from body)' },
  { name: 'entity_id', type: 'text', description: "The record's id as text (from body)" },
  { name: 'reason', type: 'free_text', description: 'Why, where the action needs a reason (from body; empty = null, a lone apostrophe = empty text)' },
  { name: 'body', type: 'json', description: 'The event as canonical JSON (CANONICAL-ENCODING.md), with the record before and after the change: exactly the text hashed' },
  { name: 'prev_hash', type: 'hash', description: 'Hash of the event before; 64 zeros for event 1' },
  { name: 'hash', type: 'hash', description: 'SHA-256 of prev_hash followed by body' },
  { name: 'in_range', type: 'bool', description: 'Whether the event happened within the exported range; later events are included up to the signed head' },
  { name: 'is_redacted', type: 'bool', description: 'De-identified bundles only: chart numbers in this body were replaced, so its hash cannot be recomputed; its links still are checked' },
];

export interface ChainAtExport {
  isIntact: boolean;
  eventCount: number;
  problem: null | { seq: number; message: string };
}

export interface AuditSliceResult extends LogFileResult {
  firstSeq: number | null;
  lastSeq: number | null;
  inRangeCount: number;
  redactedCount: number;
  chainAtExport: ChainAtExport;
}

type SliceRow = [
  seq: number,
  eventId: string,
  at: string,
  actorStaffId: number | null,
  deviceId: string,
  action: string,
  entityType: string,
  entityId: string,
  reason: string | null,
  body: string,
  quotedBody: string,
  prevHash: string,
  hash: string,
];

/** The readable fields of a pseudonymised body, so the columns say what the (rewritten) body says. */
function fieldsOf(body: string): { entityId: string; reason: string | null } {
  const event = JSON.parse(body) as { entity_id: string; reason: string | null };
  return { entityId: event.entity_id, reason: event.reason };
}

/** Walks the chain like verifyAuditChain (db/audit), one event at a time, remembering the first problem. */
class ChainCheck {
  state: ChainAtExport = { isIntact: true, eventCount: 0, problem: null };
  private prevHash = GENESIS_HASH;

  add(seq: number, body: string | Buffer, storedPrev: string, hash: string): void {
    if (!this.state.isIntact) return;
    const expected = this.state.eventCount + 1;
    if (seq !== expected) this.fail(expected, `event #${expected} is missing (the next stored event is #${seq})`);
    else if (storedPrev !== this.prevHash || computeBodyHash(this.prevHash, body) !== hash) this.fail(seq, `event #${seq} was changed after it was written, or does not follow event #${seq - 1}`);
    else {
      this.state = { isIntact: true, eventCount: seq, problem: null };
      this.prevHash = hash;
    }
  }

  finish(head: { eventCount: number; headHash: string }): ChainAtExport {
    if (this.state.isIntact && (this.state.eventCount !== head.eventCount || this.prevHash !== head.headHash)) {
      this.fail(this.state.eventCount + 1, `the chain ends at event #${this.state.eventCount}, not at the recorded head #${head.eventCount}`);
    }
    return this.state;
  }

  private fail(seq: number, message: string): void {
    this.state = { isIntact: false, eventCount: seq - 1, problem: { seq, message } };
  }
}

export async function writeAuditEventsCsv(
  db: Database,
  params: RangeParams,
  head: { eventCount: number; headHash: string },
  path: string,
  ctx: FormatContext,
  hooks: StageHooks & { pdfRowLimit: number },
): Promise<AuditSliceResult> {
  const firstInRange = (db.prepare('SELECT min(seq) AS seq FROM audit_events WHERE at >= ?').get(params.fromInstant) as { seq: number | null }).seq;
  // The slice always reaches the head, so the signed checkpoint anchors it; with no event in the range it is the head alone.
  const firstSeq = head.eventCount === 0 ? head.eventCount + 1 : Math.min(firstInRange ?? head.eventCount, head.eventCount);
  const staffNames = new Map((db.prepare('SELECT id, name FROM staff').raw(true).all() as Array<[number, string]>).map(([id, name]) => [id, name]));
  const ps = ctx.pseudonymiser;
  const chain = new ChainCheck();
  const writer = new HashingFileWriter(path);
  const pdfRows: string[][] = [];
  let rows = 0;
  let inRangeCount = 0;
  let redactedCount = 0;
  let lastSeq: number | null = null;
  const progress = new RowProgress(hooks);
  try {
    writer.write(`\uFEFF${csvRecord(auditEventColumns.map((c) => c.name))}`);
    // Bodies come as text (decoding and hashing a string is cheaper than a Buffer per row). A body whose bytes are
    // not valid UTF-8 decodes with U+FFFD; such a row (or one that really holds U+FFFD) is read again as bytes, so
    // what is hashed and written is always exactly what is stored, as verifyAuditChain reads it.
    const asBytes = db.prepare(`SELECT CAST(body AS BLOB), CAST('"' || replace(body, '"', '""') || '"' AS BLOB) FROM audit_events WHERE seq = ?`).raw(true);
    const bytesOf = (seq: number) => asBytes.get(seq) as [Buffer, Buffer];
    // Events before the slice are only verified.
    const before = db.prepare('SELECT seq, body, prev_hash, hash FROM audit_events WHERE seq < ? ORDER BY seq').raw(true);
    for (const [seq, text, prevHash, hash] of before.iterate(firstSeq) as IterableIterator<[number, string, string, string]>) {
      chain.add(seq, text.includes('\uFFFD') ? bytesOf(seq)[0] : text, prevHash, hash);
      const pause = progress.row();
      if (pause) await pause;
    }
    // SQLite quotes the body for CSV (its replace() is cheaper than JavaScript's on these strings); most of the
    // file is bodies.
    const slice = db
      .prepare(
        `SELECT seq, event_id, at, actor_staff_id, device_id, action, entity_type, entity_id, reason,
                body, '"' || replace(body, '"', '""') || '"', prev_hash, hash
         FROM audit_events WHERE seq >= ? AND seq <= ? ORDER BY seq`,
      )
      .raw(true);
    for (const row of slice.iterate(firstSeq, head.eventCount) as IterableIterator<SliceRow>) {
      const [seq, eventId, at, actorStaffId, deviceId, action, entityType, entityId, reason, text, quotedText, prevHash, hash] = row;
      let body: string | Buffer = text;
      let quotedBody: string | Buffer = quotedText;
      if (text.includes('\uFFFD')) [body, quotedBody] = bytesOf(seq);
      chain.add(seq, body, prevHash, hash);
      let outEntityId = entityId;
      let outReason = reason;
      let isRedacted = false;
      if (ps) {
        const rewritten = ps.json(typeof body === 'string' ? body : body.toString('utf8'));
        if (rewritten.isChanged) {
          isRedacted = true;
          redactedCount += 1;
          quotedBody = csvFields([rewritten.text]);
          ({ entityId: outEntityId, reason: outReason } = fieldsOf(rewritten.text));
        }
      }
      const isInRange = at >= params.fromInstant && at < params.toInstant;
      if (isInRange) inRangeCount += 1;
      const actorName = actorStaffId === null ? '' : (staffNames.get(actorStaffId) ?? '');
      const fields =
        `${numberCell(seq)},${auditCell(eventId)},${auditCell(at)},${actorStaffId === null ? '' : numberCell(actorStaffId)},${auditCell(actorName)},` +
        `${auditCell(deviceId)},${auditCell(action)},${auditCell(entityType)},${auditCell(outEntityId)},${outReason === null ? '' : auditCell(outReason)},`;
      const tail = `,${prevHash},${hash},${isInRange ? 'yes' : 'no'},${isRedacted ? 'yes' : 'no'}\r\n`;
      if (typeof quotedBody === 'string') writer.write(fields + quotedBody + tail);
      else {
        writer.write(fields);
        writer.writeBytes(quotedBody);
        writer.write(tail);
      }
      if (pdfRows.length < hooks.pdfRowLimit) pdfRows.push([String(seq), at, actorName, action, entityType, outEntityId, outReason ?? '', `${hash.slice(0, 16)}...`]);
      rows += 1;
      lastSeq = seq;
      const pause = progress.row();
      if (pause) await pause;
    }
    progress.finish();
    const chainAtExport = chain.finish(head);
    const written = writer.close();
    return {
      name: 'audit_events',
      fileName: auditEventsFileName,
      title: 'Audit events (hash chain)',
      rows,
      ...written,
      totals: [
        { label: 'Events in the range', value: String(inRangeCount) },
        { label: 'Events after the range, up to the signed head', value: String(rows - inRangeCount) },
        ...(ps ? [{ label: 'Events with chart numbers replaced (hash not recomputable)', value: String(redactedCount) }] : []),
        { label: 'Whole chain verified at export', value: chainAtExport.isIntact ? `intact, ${chainAtExport.eventCount} events` : `BROKEN: ${chainAtExport.problem?.message}` },
      ],
      pdfHeader: ['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'reason', 'hash'],
      pdfRows,
      firstSeq: rows > 0 ? firstSeq : null,
      lastSeq,
      inRangeCount,
      redactedCount,
      chainAtExport,
    };
  } finally {
    writer.abandon();
  }
}
