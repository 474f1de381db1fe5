// Checks the business rows against the audit log and the ledgers: what the hash chain alone cannot see.
// An edit made straight in the file (a SQLite tool, triggers dropped) changes a row without appending an
// event; the chain still verifies, but the row no longer equals the latest state its events recorded.
import type { Database } from 'better-sqlite3';
import { GENESIS_HASH } from '../migrations/0003-create-audit-events';
import { verifyAuditChain, type AuditChainReport } from './verify-audit-chain';

export interface RecordProblem {
  table: string;
  rowId: number | string;
  /** The column at fault, when one is. */
  column?: string;
  /** The audit event the row was compared with, when there is one. */
  seq?: number;
  message: string;
}

export interface RecordsReport {
  isConsistent: boolean;
  /** Every problem found; the list keeps the first `maxProblems`. */
  problemCount: number;
  problems: RecordProblem[];
  checked: { rows: number; movements: number; lots: number };
}

/**
 * A table whose rows are created and changed only by audited calls. `fields` maps a key of the events'
 * `after` snapshots to the SQL expression giving the same value from the row; keys an event does not hold
 * are not compared, and each event's `after` is merged over the previous ones (a void records only status).
 */
interface AuditedTable {
  table: string;
  entityTypes: readonly string[];
  fields: Readonly<Record<string, string>>;
  /** Values a record has from birth that its create event leaves implicit. */
  initial?: Readonly<Record<string, unknown>>;
}

const auditedTables: readonly AuditedTable[] = [
  {
    table: 'sessions',
    entityTypes: ['session'],
    fields: {
      sessionDate: 'session_date', startTime: 'start_time', startedAt: 'started_at', therapistId: 'therapist_id',
      chartNumber: 'chart_number', kind: 'kind', room: 'room', bodyRegions: 'body_regions_json',
      handHygiene: 'hand_hygiene', glovesWorn: 'gloves_worn', skinPrep: 'skin_prep', needlesToSharps: 'needles_to_sharps',
      needlesOpened: 'needles_opened', needlesDisposed: 'needles_disposed', countMismatchReason: 'count_mismatch_reason',
      sharpsContainerId: 'sharps_container_id', painBefore: 'pain_before', painAfter: 'pain_after',
      adverseEvent: 'adverse_event', adverseEventNote: 'adverse_event_note', notes: 'notes', priceCents: 'price_cents',
      consentOverrideReason: 'consent_override_reason', afterCloseReason: 'after_close_reason', status: 'status',
      amendmentCount: 'amendment_count', recordedAt: 'recorded_at',
    },
  },
  {
    table: 'staff',
    entityTypes: ['staff'],
    fields: { name: 'name', role: 'role', jobTitle: 'job_title', hasPin: 'pin_hash IS NOT NULL', isActive: 'is_active', createdAt: 'created_at' },
  },
  {
    table: 'stock_lots',
    entityTypes: ['lot'],
    // onHand is left out: a session's stock is audited by the session's event, not the lot's; the ledger check covers it.
    fields: { itemId: 'item_id', lotNumber: 'lot_number', expiryDate: 'expiry_date', status: 'status' },
  },
  {
    table: 'payments',
    entityTypes: ['payment', 'refund'],
    fields: {
      kind: 'kind', sessionId: 'session_id', packageId: 'package_id', refundOfPaymentId: 'refund_of_payment_id',
      chartNumber: 'chart_number', method: 'method', amountCents: 'amount_cents', paidOn: 'paid_on', note: 'note',
      afterCloseReason: 'after_close_reason', status: 'status',
    },
    // A payment's create event holds what was paid, not its status: it is recorded until a void says otherwise.
    initial: { status: 'recorded' },
  },
];

/** What a lot's stock_* event holds of its movement, and the movement column each value must equal. */
const movementFields: Readonly<Record<string, string>> = {
  kind: 'kind', quantity: 'quantity', onHand: 'balance_after', status: 'status_after', occurredOn: 'occurred_on',
  sessionId: 'session_id', note: 'note', reference: 'reference',
};

class ProblemList {
  readonly problems: RecordProblem[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(problem: RecordProblem): void {
    this.count += 1;
    if (this.problems.length < this.max) this.problems.push(problem);
  }
}

export function verifyRecords(db: Database, options: { maxProblems?: number } = {}): RecordsReport {
  const found = new ProblemList(options.maxProblems ?? 100);
  checkStoredLinks(db, found);
  let rows = 0;
  for (const spec of auditedTables) rows += checkAuditedTable(db, spec, found);
  const movements = checkMovementEvents(db, found);
  const lots = checkLotLedgers(db, found);
  checkSessionStock(db, found);
  return { isConsistent: found.count === 0, problemCount: found.count, problems: found.problems, checked: { rows, movements, lots } };
}

/**
 * The chain walk hashes each body onto the hash it computed for the event before, so it never reads the
 * stored prev_hash column; this checks that column too, so no stored byte of an event goes unchecked.
 */
function checkStoredLinks(db: Database, found: ProblemList): void {
  const links = db.prepare('SELECT seq, prev_hash, lag(hash) OVER (ORDER BY seq) AS previous FROM audit_events ORDER BY seq').raw(true);
  for (const raw of links.iterate()) {
    const [seq, prevHash, previous] = raw as [number, string, string | null];
    const expected = previous ?? GENESIS_HASH;
    if (prevHash !== expected) {
      found.add({ table: 'audit_events', rowId: seq, column: 'prev_hash', seq, message: `event #${seq}: prev_hash is not the hash of the event stored before it` });
    }
  }
}

/** Walks each entity's events (grouped by the entity index) and compares the merged snapshot with its row. */
function checkAuditedTable(db: Database, spec: AuditedTable, found: ProblemList): number {
  const keys = Object.keys(spec.fields);
  const select = keys.map((k) => `${spec.fields[k]} AS "${k}"`).join(', ');
  const rowById = db.prepare(`SELECT ${select} FROM ${spec.table} WHERE id = ?`);
  const placeholders = spec.entityTypes.map(() => '?').join(', ');
  const events = db
    .prepare(
      `SELECT entity_id, seq, ${afterOfBody} FROM audit_events WHERE entity_type IN (${placeholders})
       ORDER BY entity_id, seq`,
    )
    .raw(true);
  const seen = new Set<number>();
  let currentId: string | null = null;
  let state: Record<string, unknown> = {};
  let lastSeq = 0;
  const finish = () => {
    if (currentId === null) return;
    const id = Number(currentId);
    seen.add(id);
    const row = Number.isInteger(id) ? (rowById.get(id) as Record<string, unknown> | undefined) : undefined;
    if (!row) {
      found.add({ table: spec.table, rowId: Number.isInteger(id) ? id : currentId, seq: lastSeq, message: `the audit log records ${spec.table} #${currentId} (last in event #${lastSeq}) but the row is missing` });
      return;
    }
    for (const key of keys) {
      if (!(key in state)) continue;
      if (!sameValue(state[key], row[key])) {
        found.add({
          table: spec.table,
          rowId: id,
          column: columnName(spec.fields[key] ?? key),
          seq: lastSeq,
          message: `${spec.table} #${id}: ${columnName(spec.fields[key] ?? key)} is ${show(row[key])} but the audit log last recorded ${show(state[key])} (event #${lastSeq})`,
        });
      }
    }
  };
  for (const raw of events.iterate(...spec.entityTypes)) {
    const [entityId, seq, afterJson] = raw as [string, number, string | null];
    if (entityId !== currentId) {
      finish();
      currentId = entityId;
      state = { ...spec.initial };
    }
    lastSeq = seq;
    const after = parseSnapshot(afterJson);
    if (after === 'unreadable') {
      found.add({ table: 'audit_events', rowId: seq, seq, message: `event #${seq} holds an 'after' snapshot that is not JSON` });
    } else if (after) {
      state = { ...state, ...after };
    }
  }
  finish();
  // A row no event ever mentioned was written around the API.
  let count = 0;
  for (const raw of db.prepare(`SELECT id FROM ${spec.table} ORDER BY id`).raw(true).iterate()) {
    const [id] = raw as [number];
    count += 1;
    if (!seen.has(id)) found.add({ table: spec.table, rowId: id, message: `${spec.table} #${id} has no audit event: it was written around the API` });
  }
  return count;
}

/**
 * An event's `after`, read from its body only when the body is JSON. The generated before_json/after_json
 * columns are computed on read, and a body damaged in the file (a hex editor) would make reading them throw.
 */
const afterOfBody = "CASE WHEN json_valid(body) THEN body -> '$.after' END";

/**
 * Every movement is claimed by exactly one audit event: a lot's stock_* event names it (movementId), a
 * session's create or amend event lists the uses it wrote, and a session's amend or void event lists the
 * uses its reversals put back. SQLite sorts the claims by movement id, so a merge walk pairs them with the
 * movements without holding either list in memory (a ten-year clinic has about a million).
 */
const claimsSql = `
  WITH session_events AS (
    SELECT seq, entity_id, action,
      CASE WHEN json_valid(body) THEN body -> '$.before' ELSE '{}' END AS before_json,
      CASE WHEN json_valid(body) THEN body -> '$.after' ELSE '{}' END AS after_json
    FROM audit_events WHERE entity_type = 'session' AND action IN ('create', 'amend', 'void')),
  used AS (
    SELECT e.seq, e.entity_id, e.after_json ->> '$.sessionDate' AS occurred_on, j.value AS item
    FROM session_events e, json_each(e.after_json, '$.needles') j WHERE e.action IN ('create', 'amend')
    UNION ALL
    SELECT e.seq, e.entity_id, e.after_json ->> '$.sessionDate', j.value
    FROM session_events e, json_each(e.after_json, '$.supplies') j WHERE e.action IN ('create', 'amend')),
  returned AS (
    SELECT e.seq, e.entity_id, CASE e.action WHEN 'void' THEN e.before_json ->> '$.sessionDate' ELSE e.after_json ->> '$.sessionDate' END AS occurred_on, j.value AS item
    FROM session_events e, json_each(e.before_json, '$.needles') j WHERE e.action IN ('amend', 'void')
    UNION ALL
    SELECT e.seq, e.entity_id, CASE e.action WHEN 'void' THEN e.before_json ->> '$.sessionDate' ELSE e.after_json ->> '$.sessionDate' END, j.value
    FROM session_events e, json_each(e.before_json, '$.supplies') j WHERE e.action IN ('amend', 'void'))
  SELECT CAST(CASE WHEN json_valid(body) THEN body ->> '$.after.movementId' END AS INTEGER) AS movement_id, seq,
         'lot' AS source, entity_id AS lot_id, ${afterOfBody} AS detail, NULL AS kind, NULL AS quantity, NULL AS session_id,
         NULL AS occurred_on, NULL AS returns_id
  FROM audit_events WHERE entity_type = 'lot' AND action LIKE 'stock\\_%' ESCAPE '\\'
  UNION ALL
  SELECT CAST(item ->> '$.movementId' AS INTEGER), seq, 'session', item ->> '$.lotId', NULL, 'use', -(item ->> '$.quantity'), entity_id, occurred_on, NULL
  FROM used
  UNION ALL
  SELECT r.id, x.seq, 'session', x.item ->> '$.lotId', NULL, 'reverse', x.item ->> '$.quantity', x.entity_id, x.occurred_on, x.item ->> '$.movementId'
  FROM returned x LEFT JOIN stock_movements r ON r.reverses_movement_id = CAST(x.item ->> '$.movementId' AS INTEGER) AND r.kind = 'reverse'
  ORDER BY 1, 2`;

interface Claim {
  movement_id: number | null;
  seq: number;
  source: 'lot' | 'session';
  lot_id: string | number | null;
  detail: string | null;
  kind: string | null;
  quantity: number | null;
  session_id: string | null;
  occurred_on: string | null;
  returns_id: number | null;
}

function checkMovementEvents(db: Database, found: ProblemList): number {
  const movements = db
    .prepare(`SELECT id, lot_id, ${Object.values(movementFields).join(', ')} FROM stock_movements ORDER BY id`)
    .iterate() as IterableIterator<Record<string, unknown>>;
  const claims = db.prepare(claimsSql).iterate() as IterableIterator<Claim>;
  let movement = movements.next();
  let claim = claims.next();
  let count = 0;
  let lastClaimed: number | null = null;
  while (!movement.done || !claim.done) {
    const m = movement.done ? null : movement.value;
    const c = claim.done ? null : claim.value;
    if (c && c.movement_id === null) {
      found.add({ table: 'stock_movements', rowId: c.returns_id ?? '?', seq: c.seq, message: `event #${c.seq} says movement #${c.returns_id} was put back, but no reversal of it exists` });
      claim = claims.next();
      continue;
    }
    if (c && c.movement_id === lastClaimed) {
      found.add({ table: 'stock_movements', rowId: c.movement_id ?? '?', seq: c.seq, message: `movement #${c.movement_id} is claimed by a second audit event (#${c.seq})` });
      claim = claims.next();
      continue;
    }
    if (m && (c === null || (c.movement_id as number) > (m.id as number))) {
      found.add({ table: 'stock_movements', rowId: m.id as number, message: `stock_movements #${m.id} has no audit event: it was written around the API` });
      movement = movements.next();
      count += 1;
      continue;
    }
    if (c && (m === null || (c.movement_id as number) < (m.id as number))) {
      found.add({ table: 'stock_movements', rowId: c.movement_id as number, seq: c.seq, message: `event #${c.seq} records movement #${c.movement_id} but that movement is missing` });
      lastClaimed = c.movement_id;
      claim = claims.next();
      continue;
    }
    if (m && c) compareClaim(m, c, found);
    lastClaimed = c?.movement_id ?? null;
    movement = movements.next();
    claim = claims.next();
    count += 1;
  }
  return count;
}

function compareClaim(m: Record<string, unknown>, c: Claim, found: ProblemList): void {
  const mismatch = (column: string, recorded: unknown) =>
    found.add({ table: 'stock_movements', rowId: m.id as number, column, seq: c.seq, message: `stock_movements #${m.id}: ${column} is ${show(m[column])} but event #${c.seq} recorded ${show(recorded)}` });
  if (String(m.lot_id) !== String(c.lot_id)) mismatch('lot_id', c.lot_id);
  if (c.source === 'session') {
    if (m.kind !== c.kind) mismatch('kind', c.kind);
    if (m.quantity !== c.quantity) mismatch('quantity', c.quantity);
    if (String(m.session_id) !== c.session_id) mismatch('session_id', c.session_id);
    if (m.occurred_on !== c.occurred_on) mismatch('occurred_on', c.occurred_on);
    return;
  }
  const after = parseSnapshot(c.detail ?? 'null');
  if (after === null || after === 'unreadable') return;
  for (const [key, column] of Object.entries(movementFields)) {
    if (key in after && !sameValue(after[key], m[column])) mismatch(column, after[key]);
  }
}

/**
 * On hand is a summary of the ledger: each movement's balance_after is the running sum of its lot's
 * movements, and the lot's on_hand and status are those its last movement left. Use and reversal only move
 * stock, so they keep the status before them.
 */
function checkLotLedgers(db: Database, found: ProblemList): number {
  const lotById = db.prepare('SELECT on_hand, status FROM stock_lots WHERE id = ?');
  const movements = db
    .prepare('SELECT id, lot_id, kind, quantity, balance_after, status_after FROM stock_movements ORDER BY lot_id, id')
    .iterate() as IterableIterator<{ id: number; lot_id: number; kind: string; quantity: number; balance_after: number; status_after: string }>;
  const seen = new Set<number>();
  let lotId: number | null = null;
  let balance = 0;
  let status: string | null = null;
  const finishLot = () => {
    if (lotId === null) return;
    seen.add(lotId);
    const lot = lotById.get(lotId) as { on_hand: number; status: string } | undefined;
    if (!lot) return; // a movement on a missing lot is reported by the claims check (lot_id) and the entity walk
    if (lot.on_hand !== balance) found.add({ table: 'stock_lots', rowId: lotId, column: 'on_hand', message: `stock_lots #${lotId}: on_hand is ${lot.on_hand} but its movements add up to ${balance}` });
    if (status !== null && lot.status !== status) found.add({ table: 'stock_lots', rowId: lotId, column: 'status', message: `stock_lots #${lotId}: status is ${lot.status} but its last movement left it ${status}` });
  };
  for (const m of movements) {
    if (m.lot_id !== lotId) {
      finishLot();
      lotId = m.lot_id;
      balance = 0;
      status = null;
    }
    balance += m.quantity;
    if (m.balance_after !== balance) {
      found.add({ table: 'stock_movements', rowId: m.id, column: 'balance_after', message: `stock_movements #${m.id}: balance_after is ${m.balance_after} but the lot's movements up to it add up to ${balance}` });
      balance = m.balance_after;
    }
    if ((m.kind === 'use' || m.kind === 'reverse') && status !== null && m.status_after !== status) {
      found.add({ table: 'stock_movements', rowId: m.id, column: 'status_after', message: `stock_movements #${m.id}: a ${m.kind} changed the lot's status from ${status} to ${m.status_after}` });
    }
    status = m.status_after;
  }
  finishLot();
  let count = 0;
  for (const raw of db.prepare('SELECT id, on_hand FROM stock_lots ORDER BY id').raw(true).iterate()) {
    const [id, onHand] = raw as [number, number];
    count += 1;
    if (!seen.has(id) && onHand !== 0) found.add({ table: 'stock_lots', rowId: id, column: 'on_hand', message: `stock_lots #${id}: on_hand is ${onHand} but it has no movements` });
  }
  return count;
}

/** A session's stock is taken in the session's own call: a movement naming a session that is not there is half a call. */
function checkSessionStock(db: Database, found: ProblemList): void {
  const orphans = db
    .prepare(
      `SELECT m.id, m.session_id FROM stock_movements m
       WHERE m.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = m.session_id) ORDER BY m.id`,
    )
    .all() as Array<{ id: number; session_id: number }>;
  for (const o of orphans) {
    found.add({ table: 'stock_movements', rowId: o.id, column: 'session_id', message: `stock_movements #${o.id} names session #${o.session_id}, which does not exist` });
  }
}

function parseSnapshot(json: string | null): Record<string, unknown> | null | 'unreadable' {
  if (json === null) return 'unreadable';
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return 'unreadable';
  }
}

/** Snapshot values are JSON (booleans, arrays); rows hold 0/1 and JSON text. */
function sameValue(snapshot: unknown, column: unknown): boolean {
  if (snapshot === undefined) return true;
  if (typeof snapshot === 'boolean') return column === (snapshot ? 1 : 0);
  if (snapshot === null) return column === null;
  if (typeof snapshot === 'object') return typeof column === 'string' && JSON.stringify(snapshot) === column;
  return snapshot === column;
}

function columnName(expression: string): string {
  return expression.split(' ')[0] ?? expression;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export interface AuditWarning {
  seq: number;
  kind: 'clock_rollback';
  message: string;
  /** Whether the append flagged it at write time (migration 0009's audit_event_flags). */
  isFlagged: boolean;
}

export interface ClinicVerifyReport {
  isIntact: boolean;
  chain: AuditChainReport;
  records: RecordsReport;
  /** Not tampering, but worth a person's look: events stamped earlier than the one before them. */
  warnings: AuditWarning[];
}

/** What `clinic-ops verify` checks: the hash chain, the rows against their events and ledgers, and clock warnings. */
export function verifyClinic(db: Database): ClinicVerifyReport {
  const chain = verifyAuditChain(db);
  const records = verifyRecords(db);
  return { isIntact: chain.isIntact && records.isConsistent, chain, records, warnings: clockWarnings(db) };
}

/** The chain holds every event's time, so a clock set back is found even if its flag row were removed. */
export function clockWarnings(db: Database, max = 100): AuditWarning[] {
  const hasFlags = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_event_flags'").get();
  const flagged = new Set(hasFlags ? (db.prepare('SELECT seq FROM audit_event_flags').pluck().all() as number[]) : []);
  const warnings: AuditWarning[] = [];
  let previous: string | null = null;
  for (const raw of db.prepare('SELECT seq, at FROM audit_events ORDER BY seq').raw(true).iterate()) {
    const [seq, at] = raw as [number, string];
    if (previous !== null && at < previous && warnings.length < max) {
      warnings.push({ seq, kind: 'clock_rollback', isFlagged: flagged.has(seq), message: `event #${seq} is stamped ${at}, earlier than the event before it (${previous}): the clock was set back` });
    }
    previous = at;
  }
  return warnings;
}

/** The lines `clinic-ops verify` prints; exit 0 when isIntact, else 1. */
export function formatClinicVerifyReport(report: ClinicVerifyReport): string[] {
  const { chain, records } = report;
  const lines = chain.isIntact
    ? [`Audit chain intact: ${chain.eventCount} events, head ${chain.headHash}`]
    : [`Audit chain BROKEN at event #${chain.firstProblem?.seq}: ${chain.firstProblem?.message}`];
  if (records.isConsistent) {
    lines.push(`Records match the audit log: ${records.checked.rows} rows, ${records.checked.movements} movements, ${records.checked.lots} lot balances`);
  } else {
    lines.push(`Records DO NOT match the audit log: ${records.problemCount} problem${records.problemCount === 1 ? '' : 's'}`);
    for (const p of records.problems.slice(0, 20)) lines.push(`  ${p.message}`);
    if (records.problemCount > 20) lines.push(`  ... and ${records.problemCount - 20} more`);
  }
  for (const w of report.warnings) lines.push(`Warning: ${w.message}${w.isFlagged ? ' (flagged for review)' : ''}`);
  return lines;
}
