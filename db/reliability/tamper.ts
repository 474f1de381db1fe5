// Random tampering with a clinic file as an attacker with a SQLite tool would do it, each case saying where a
// correct `verify` must point: an audit event's seq, or a business table's row.
import type { Database } from 'better-sqlite3';
import type { DemoRandom } from '../demo/demo-random';
import { openTamperCopy } from './tamper-clinic';

export type ExpectedFinding =
  | { chainSeq: number }
  | { chainHead: true }
  /** `sameAs`: another row whose problem names the same fault (a deleted reversal is named by the use it reversed). */
  | { table: string; rowId: number; sameAs?: number };

export interface TamperCase {
  kind: string;
  description: string;
  expected: ExpectedFinding;
}

/** Business tables and the columns whose values the audit log's snapshots hold (see verify-records.ts). */
export const auditedColumns: Readonly<Record<string, readonly string[]>> = {
  sessions: [
    'session_date', 'start_time', 'started_at', 'therapist_id', 'chart_number', 'kind', 'room', 'body_regions_json', 'hand_hygiene',
    'gloves_worn', 'skin_prep', 'needles_to_sharps', 'needles_opened', 'needles_disposed', 'count_mismatch_reason', 'sharps_container_id',
    'pain_before', 'pain_after', 'adverse_event', 'adverse_event_note', 'notes', 'price_cents', 'consent_override_reason',
    'after_close_reason', 'status', 'amendment_count', 'recorded_at',
  ],
  staff: ['name', 'role', 'job_title', 'pin_hash', 'is_active', 'created_at'],
  stock_lots: ['item_id', 'lot_number', 'expiry_date', 'on_hand', 'status'],
  payments: ['kind', 'session_id', 'package_id', 'refund_of_payment_id', 'chart_number', 'method', 'amount_cents', 'paid_on', 'note', 'after_close_reason', 'status'],
  // note and reference are held by lot events only; a session's movements are listed without them.
  stock_movements: ['lot_id', 'kind', 'quantity', 'balance_after', 'status_after', 'occurred_on', 'session_id'],
};

/** Values that keep CHECK constraints happy for columns that only take a few. */
const enumValues: Readonly<Record<string, readonly string[]>> = {
  'sessions.kind': ['plan_of_care', 'self_pay'],
  'sessions.status': ['recorded', 'voided'],
  'sessions.adverse_event': ['none', 'bruising', 'bleeding', 'fainting', 'other'],
  'staff.role': ['manager', 'therapist', 'front_desk', 'auditor'],
  'stock_lots.status': ['available', 'on_hold', 'quarantined', 'recalled', 'destroyed'],
  'payments.method': ['cash', 'card', 'hsa_fsa', 'check'],
  'payments.status': ['recorded', 'voided'],
  'payments.kind': ['payment', 'refund'],
  'stock_movements.kind': ['receive', 'use', 'waste', 'adjust', 'quarantine', 'release', 'recall', 'return', 'destroy', 'reverse'],
  'stock_movements.status_after': ['available', 'on_hold', 'quarantined', 'recalled', 'destroyed'],
};

/** Weighted: edits of events and of business rows are the common attacks; deletions, reorders and forgeries less so. */
const kinds = [
  'event_field', 'event_field', 'event_byte', 'event_byte', 'event_delete', 'event_reorder', 'chain_head',
  'row_edit', 'row_edit', 'row_edit', 'row_edit', 'row_insert', 'row_delete',
] as const;

/**
 * A copy of the seeded image with one random tamper applied. A flipped byte is made in the file image itself,
 * as a hex editor would, so the body may end up invalid UTF-8 or invalid JSON; the other tampers go
 * through SQL on the copy.
 */
export function tamperedCopy(image: Buffer, random: DemoRandom): { db: Database; tamper: TamperCase } {
  const kind = random.pick(kinds);
  if (kind === 'event_byte') {
    const { bytes, tamper } = flipBodyByte(image, random);
    return { db: openTamperCopy(bytes), tamper };
  }
  const db = openTamperCopy(image);
  const tamper = {
    event_field: tamperEventField,
    event_delete: deleteEvent,
    event_reorder: reorderEvents,
    chain_head: tamperChainHead,
    row_edit: editRow,
    row_insert: insertRow,
    row_delete: deleteRow,
  }[kind](db, random);
  return { db, tamper };
}

const bodiesOf = new WeakMap<Buffer, Buffer[]>();

/** Flips one bit of one byte of a random event's body where it sits in the file. */
function flipBodyByte(image: Buffer, random: DemoRandom): { bytes: Buffer; tamper: TamperCase } {
  let bodies = bodiesOf.get(image);
  if (!bodies) {
    const db = openTamperCopy(image);
    bodies = (db.prepare('SELECT CAST(body AS BLOB) FROM audit_events ORDER BY seq').pluck().all() as Buffer[]);
    db.close();
    bodiesOf.set(image, bodies);
  }
  for (;;) {
    const seq = random.int(1, bodies.length);
    const body = bodies[seq - 1] as Buffer;
    const at = image.indexOf(body);
    // A body split across overflow pages is not one run of bytes; the attacker picks another event.
    if (at < 0 || image.lastIndexOf(body) !== at) continue;
    const offset = random.int(0, body.length - 1);
    const bit = random.int(0, 7);
    const bytes = Buffer.from(image);
    bytes[at + offset] = (bytes[at + offset] as number) ^ (1 << bit);
    return { bytes, tamper: { kind: 'event_byte', description: `flipped bit ${bit} of byte ${offset} of event #${seq}'s body in the file`, expected: { chainSeq: seq } } };
  }
}

function eventCount(db: Database): number {
  return db.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number;
}

/** A different string of the same kind: one character replaced (or one added to an empty string). */
function changeText(text: string, random: DemoRandom): string {
  if (text.length === 0) return 'x';
  const at = random.int(0, text.length - 1);
  const current = text[at] as string;
  const replacement = random.pick(['0', 'a', 'Z', '"', ' ', '9', 'é', '}']);
  const next = replacement === current ? (current === 'q' ? 'r' : 'q') : replacement;
  return `${text.slice(0, at)}${next}${text.slice(at + 1)}`;
}

/** Every leaf of a parsed JSON value, as a path of keys. */
function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  }
  return [path];
}

function changedLeaf(value: unknown, random: DemoRandom): unknown {
  if (typeof value === 'string') return changeText(value, random);
  if (typeof value === 'number') return value + random.pick([1, -1, 100]);
  if (typeof value === 'boolean') return !value;
  return 'added';
}

/**
 * Edits one field of an event's stored body as a SQLite tool would: parse, change a leaf, write back
 * (key order kept). The seq inside the body must match the row (a CHECK), so that leaf is left alone;
 * sometimes the stored hash or prev_hash column is edited instead.
 */
function tamperEventField(db: Database, random: DemoRandom): TamperCase {
  const seq = random.int(1, eventCount(db));
  const column = random.pick(['body', 'body', 'body', 'body', 'hash', 'prev_hash']);
  if (column !== 'body') {
    const value = db.prepare(`SELECT ${column} FROM audit_events WHERE seq = ?`).pluck().get(seq) as string;
    db.prepare(`UPDATE audit_events SET ${column} = ? WHERE seq = ?`).run(changeText(value, random), seq);
    return { kind: 'event_field', description: `changed ${column} of event #${seq}`, expected: { chainSeq: seq } };
  }
  const body = JSON.parse(db.prepare('SELECT body FROM audit_events WHERE seq = ?').pluck().get(seq) as string) as Record<string, unknown>;
  const path = random.pick(leafPaths(body).filter((p) => p.join('.') !== 'seq'));
  let target = body;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const key = path[path.length - 1] as string;
  target[key] = changedLeaf(target[key], random);
  db.prepare('UPDATE audit_events SET body = ? WHERE seq = ?').run(JSON.stringify(body), seq);
  return { kind: 'event_field', description: `changed ${path.join('.')} in the body of event #${seq}`, expected: { chainSeq: seq } };
}

function deleteEvent(db: Database, random: DemoRandom): TamperCase {
  const count = eventCount(db);
  // The newest event is the interesting edge: only the head record shows it is gone.
  const seq = random.chance(0.2) ? count : random.int(1, count);
  db.prepare('DELETE FROM audit_events WHERE seq = ?').run(seq);
  return { kind: 'event_delete', description: `deleted event #${seq} of ${count}`, expected: { chainSeq: seq } };
}

/**
 * Swaps two events' places. Each body names its own seq (and a CHECK holds the row to it), so the attacker
 * renumbers the two bodies as well, and moves the stored hashes along with them.
 */
function reorderEvents(db: Database, random: DemoRandom): TamperCase {
  const count = eventCount(db);
  const a = random.int(1, count - 1);
  const b = random.chance(0.5) ? a + 1 : random.int(a + 1, count);
  const read = db.prepare('SELECT body, prev_hash, hash FROM audit_events WHERE seq = ?');
  const rowA = read.get(a) as { body: string; prev_hash: string; hash: string };
  const rowB = read.get(b) as { body: string; prev_hash: string; hash: string };
  const renumber = (body: string, seq: number) => body.replace(/"seq":\d+\}$/, `"seq":${seq}}`);
  const write = db.prepare('UPDATE audit_events SET body = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  // event_id is UNIQUE: park one row while the two trade places.
  db.prepare(`UPDATE audit_events SET body = json_set(body, '$.event_id', 'parked') WHERE seq = ?`).run(a);
  write.run(renumber(rowA.body, b), rowA.prev_hash, rowA.hash, b);
  write.run(renumber(rowB.body, a), rowB.prev_hash, rowB.hash, a);
  return { kind: 'event_reorder', description: `swapped events #${a} and #${b}`, expected: { chainSeq: a } };
}

function tamperChainHead(db: Database, random: DemoRandom): TamperCase {
  if (random.chance(0.5)) {
    db.prepare('UPDATE audit_chain_head SET event_count = event_count + ? WHERE id = 1').run(random.pick([-1, 1, 5]));
    return { kind: 'chain_head', description: 'changed the head event count', expected: { chainHead: true } };
  }
  const hash = db.prepare('SELECT head_hash FROM audit_chain_head WHERE id = 1').pluck().get() as string;
  db.prepare('UPDATE audit_chain_head SET head_hash = ? WHERE id = 1').run(changeText(hash, random));
  return { kind: 'chain_head', description: 'changed the head hash', expected: { chainHead: true } };
}

function randomRowId(db: Database, table: string, random: DemoRandom): number {
  const ids = db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
  return random.pick(ids);
}

/** A different value for one column that the table's CHECK constraints accept (tries until one does). */
function editRow(db: Database, random: DemoRandom): TamperCase {
  for (;;) {
    const table = random.pick(Object.keys(auditedColumns));
    const column = random.pick(auditedColumns[table] as readonly string[]);
    const id = randomRowId(db, table, random);
    const current = db.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(id);
    const type = (db.prepare(`SELECT type FROM pragma_table_info('${table}') WHERE name = ?`).pluck().get(column) as string).toUpperCase();
    // Events hold whether a PIN is set, never its hash: swapping one hash for another is out of the log's sight.
    const next = column === 'pin_hash' ? (current === null ? 'forged-pin-hash' : null) : differentValue(`${table}.${column}`, type, current, random);
    if (next === undefined) continue;
    try {
      db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(next, id);
    } catch {
      continue; // a CHECK refused this value; the attacker tries another
    }
    return { kind: 'row_edit', description: `set ${table} #${id} ${column} from ${JSON.stringify(current)} to ${JSON.stringify(next)}`, expected: { table, rowId: id } };
  }
}

function differentValue(key: string, type: string, current: unknown, random: DemoRandom): unknown {
  // Only a few columns take a handful of values; the rest get a nearby number or a one-character edit.
  const options = enumValues[key];
  if (options) {
    const others = options.filter((o) => o !== current);
    return others.length > 0 ? random.pick(others) : undefined;
  }
  if (current === null) return type === 'INTEGER' ? random.int(1, 3) : 'added';
  if (typeof current === 'number') {
    if (current === 0 || current === 1) return random.chance(0.5) ? 1 - current : current + random.pick([1, 2]);
    return current + random.pick([-1, 1, 7]);
  }
  if (typeof current === 'string') return changeText(current, random);
  return undefined;
}

/** A copy of an existing row under a new id: a record that no call ever made. */
function insertRow(db: Database, random: DemoRandom): TamperCase {
  const table = random.pick(['sessions', 'payments', 'staff', 'stock_movements', 'stock_lots']);
  const source = randomRowId(db, table, random);
  const id = (db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number) + 1;
  const names = db.prepare(`SELECT name FROM pragma_table_info('${table}') WHERE name <> 'id'`).pluck().all() as string[];
  // stock_lots is UNIQUE (item_id, lot_number): the forged lot needs its own number.
  const values = names.map((n) => (table === 'stock_lots' && n === 'lot_number' ? "lot_number || '-X'" : n));
  db.prepare(`INSERT INTO ${table} (id, ${names.join(', ')}) SELECT ?, ${values.join(', ')} FROM ${table} WHERE id = ?`).run(id, source);
  return { kind: 'row_insert', description: `inserted ${table} #${id} (a copy of #${source})`, expected: { table, rowId: id } };
}

function deleteRow(db: Database, random: DemoRandom): TamperCase {
  const table = random.pick(['sessions', 'payments', 'staff', 'stock_lots', 'stock_movements']);
  const id = randomRowId(db, table, random);
  const reversed = table === 'stock_movements' ? (db.prepare('SELECT reverses_movement_id FROM stock_movements WHERE id = ?').pluck().get(id) as number | null) : null;
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  return { kind: 'row_delete', description: `deleted ${table} #${id}`, expected: { table, rowId: id, sameAs: reversed ?? undefined } };
}
