// Checks the business rows against the audit log and the ledgers: what the hash chain alone cannot see.
// An edit made straight in the file (a SQLite tool, triggers dropped) changes a row without appending an
// event; the chain still verifies, but the row no longer equals the latest state its events recorded.
import type { Database } from 'better-sqlite3';
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
  /** Events that also account for stock movements hand them to the claims as they are read. */
  claims?: (claims: MovementClaims, event: ParsedEvent) => void;
  /** A key of this table's `after` snapshots that holds the create snapshot (with its `id`) of a row of another table. */
  embeds?: { key: string; table: string };
}

/** Create snapshots found inside other entities' events, by table, then by row id (as the events' entity ids). */
type EmbeddedCreates = Map<string, Map<string, { seq: number; after: Record<string, unknown> }>>;

interface ParsedEvent {
  seq: number;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
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
    claims: (claims, event) => claims.fromSessionEvent(event),
    // A payment taken as its session was recorded is created by the session's event.
    embeds: { key: 'payment', table: 'payments' },
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
    claims: (claims, event) => claims.fromLotEvent(event),
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

class ProblemList {
  readonly problems: RecordProblem[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(problem: RecordProblem): void {
    this.count += 1;
    if (this.problems.length < this.max) this.problems.push(problem);
  }
}

/**
 * One pass over the events of each audited table (JSON parsed once per event), then one pass over the stock
 * ledger in id order. Memory stays small on a ten-year clinic (about a million movements): claims are kept
 * in typed arrays indexed by movement id, and rows are looked up by id as each entity's events end.
 */
export function verifyRecords(db: Database, options: { maxProblems?: number } = {}): RecordsReport {
  const found = new ProblemList(options.maxProblems ?? 100);
  const claims = new MovementClaims(db.prepare('SELECT coalesce(max(id), 0) FROM stock_movements').pluck().get() as number, found);
  const embedded: EmbeddedCreates = new Map();
  let rows = 0;
  // Tables whose events embed other rows' creates come first in the list, so the embedded are known in time.
  for (const spec of auditedTables) rows += checkAuditedTable(db, spec, found, claims, embedded);
  const { movements, lots } = checkLedger(db, found, claims);
  return { isConsistent: found.count === 0, problemCount: found.count, problems: found.problems, checked: { rows, movements, lots } };
}

/** Walks each entity's events (grouped by the entity index) and compares the merged snapshot with its row. */
function checkAuditedTable(db: Database, spec: AuditedTable, found: ProblemList, claims: MovementClaims, embedded: EmbeddedCreates): number {
  const keys = Object.keys(spec.fields);
  const select = keys.map((k) => `${spec.fields[k]} AS "${k}"`).join(', ');
  const rowById = db.prepare(`SELECT ${select} FROM ${spec.table} WHERE id = ?`);
  const placeholders = spec.entityTypes.map(() => '?').join(', ');
  // The body is parsed here, once; the generated before/after columns would parse it again on every read,
  // and would throw on a body damaged in the file (a hex editor).
  const events = db
    .prepare(`SELECT entity_id, seq, action, body FROM audit_events WHERE entity_type IN (${placeholders}) ORDER BY entity_id, seq`)
    .raw(true);
  const seen = new Set<number>();
  let currentId: string | null = null;
  let state: Record<string, unknown> = {};
  let lastSeq = 0;
  const createdElsewhere = embedded.get(spec.table);
  let createdInSeq: number | null = null;
  const start = (entityId: string) => {
    currentId = entityId;
    const created = createdElsewhere?.get(entityId);
    createdElsewhere?.delete(entityId);
    state = { ...spec.initial, ...created?.after };
    lastSeq = created?.seq ?? 0;
    createdInSeq = created?.seq ?? null;
  };
  let embeds: Map<string, { seq: number; after: Record<string, unknown> }> | undefined;
  if (spec.embeds) {
    embeds = embedded.get(spec.embeds.table) ?? new Map();
    embedded.set(spec.embeds.table, embeds);
  }
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
      if (!(key in state) || sameValue(state[key], row[key])) continue;
      const column = columnName(spec.fields[key] ?? key);
      found.add({ table: spec.table, rowId: id, column, seq: lastSeq, message: `${spec.table} #${id}: ${column} is ${show(row[key])} but the audit log last recorded ${show(state[key])} (event #${lastSeq})` });
    }
  };
  for (const raw of events.iterate(...spec.entityTypes)) {
    const [entityId, seq, action, body] = raw as [string, number, string, string];
    if (entityId !== currentId) {
      finish();
      start(entityId);
    }
    lastSeq = seq;
    if (action === 'create' && createdInSeq !== null) {
      found.add({ table: spec.table, rowId: Number(entityId), seq, message: `${spec.table} #${entityId} is created by two audit events (#${createdInSeq} and #${seq})` });
    }
    const parsed = parseBody(body);
    if (!parsed) {
      found.add({ table: 'audit_events', rowId: seq, seq, message: `event #${seq} holds a body that is not JSON` });
      continue;
    }
    const event: ParsedEvent = { seq, entityId, action, before: asObject(parsed.before), after: asObject(parsed.after) };
    // state is this entity's own object (made in start), so the merge may change it in place.
    if (event.after) Object.assign(state, event.after);
    spec.claims?.(claims, event);
    if (embeds && spec.embeds) collectEmbedded(embeds, event, spec.embeds, found);
  }
  finish();
  // Rows created inside other entities' events and never changed since.
  for (const entityId of [...(createdElsewhere?.keys() ?? [])]) {
    start(entityId);
    finish();
  }
  // A row no event ever mentioned was written around the API.
  let count = 0;
  for (const raw of db.prepare(`SELECT id FROM ${spec.table} ORDER BY id`).raw(true).iterate()) {
    const [id] = raw as [number];
    count += 1;
    if (!seen.has(id)) found.add({ table: spec.table, rowId: id, message: `${spec.table} #${id} has no audit event: it was written around the API` });
  }
  return count;
}

/** Keeps the create snapshot an event holds of another table's row; a row created by two events is a problem. */
function collectEmbedded(
  embeds: Map<string, { seq: number; after: Record<string, unknown> }>,
  event: ParsedEvent,
  { key, table }: { key: string; table: string },
  found: ProblemList,
): void {
  if (event.action !== 'create') return;
  const after = asObject(event.after?.[key]);
  if (!after) return;
  const id = after.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    found.add({ table: 'audit_events', rowId: event.seq, seq: event.seq, message: `event #${event.seq} records a ${key} that names no id` });
    return;
  }
  const earlier = embeds.get(String(id));
  if (earlier) {
    found.add({ table, rowId: id, seq: event.seq, message: `${table} #${id} is created by two audit events (#${earlier.seq} and #${event.seq})` });
    return;
  }
  embeds.set(String(id), { seq: event.seq, after });
}

/** What a lot's stock_* event holds of its movement, and the movement column each value must equal. */
const movementFields: Readonly<Record<string, string>> = {
  kind: 'kind', quantity: 'quantity', onHand: 'balance_after', status: 'status_after', occurredOn: 'occurred_on',
  sessionId: 'session_id', note: 'note', reference: 'reference',
};

interface LotClaim {
  seq: number;
  lotId: string;
  after: Record<string, unknown>;
  isMatched: boolean;
}

/** A use a session wrote, or its reversal, as the session's event lists it (dates as yyyymmdd numbers). */
class StockLines {
  readonly seq: Int32Array;
  readonly lot: Float64Array;
  readonly quantity: Float64Array;
  readonly session: Float64Array;
  readonly date: Int32Array;
  readonly isMatched: Uint8Array;
  constructor(size: number) {
    this.seq = new Int32Array(size);
    this.lot = new Float64Array(size);
    this.quantity = new Float64Array(size);
    this.session = new Float64Array(size);
    this.date = new Int32Array(size);
    this.isMatched = new Uint8Array(size);
  }
}

/**
 * Every movement must be accounted for by exactly one audit event: a lot's stock_* event names it
 * (movementId); a session's create or amend event lists the uses it wrote; a session's amend or void event
 * lists the uses its reversals put back (a reversal is found by the use it reverses).
 */
class MovementClaims {
  readonly lotClaims = new Map<number, LotClaim>();
  readonly uses: StockLines;
  readonly reversals: StockLines;

  constructor(
    readonly maxMovementId: number,
    private readonly found: ProblemList,
  ) {
    this.uses = new StockLines(maxMovementId + 1);
    this.reversals = new StockLines(maxMovementId + 1);
  }

  fromLotEvent(event: ParsedEvent): void {
    const movementId = event.after?.movementId;
    if (!event.action.startsWith('stock_') || !event.after) return;
    if (typeof movementId !== 'number' || !Number.isInteger(movementId)) {
      this.found.add({ table: 'audit_events', rowId: event.seq, seq: event.seq, message: `event #${event.seq} is a stock event that names no movement` });
      return;
    }
    if (this.lotClaims.has(movementId) || this.isOutOfRange(movementId, event.seq)) return this.duplicate(movementId, event.seq);
    this.lotClaims.set(movementId, { seq: event.seq, lotId: event.entityId, after: event.after, isMatched: false });
  }

  fromSessionEvent(event: ParsedEvent): void {
    const sessionId = Number(event.entityId);
    if (event.action === 'create' || event.action === 'amend') {
      for (const line of stockLinesOf(event.after)) this.claim(this.uses, line, event.seq, -line.quantity, sessionId, event.after?.sessionDate);
    }
    if (event.action === 'amend' || event.action === 'void') {
      // An amendment puts stock back on the new date; a void on the session's own date.
      const date = event.action === 'void' ? event.before?.sessionDate : event.after?.sessionDate;
      for (const line of stockLinesOf(event.before)) this.claim(this.reversals, line, event.seq, line.quantity, sessionId, date);
    }
  }

  private claim(lines: StockLines, line: { movementId: number; lotId: number; quantity: number }, seq: number, quantity: number, sessionId: number, date: unknown): void {
    const id = line.movementId;
    if (this.isOutOfRange(id, seq)) return;
    if (lines.seq[id] !== 0) return this.duplicate(id, seq);
    lines.seq[id] = seq;
    lines.lot[id] = line.lotId;
    lines.quantity[id] = quantity;
    lines.session[id] = sessionId;
    lines.date[id] = dateNumber(date);
  }

  private isOutOfRange(id: number, seq: number): boolean {
    if (Number.isInteger(id) && id >= 1 && id <= this.maxMovementId) return false;
    this.found.add({ table: 'stock_movements', rowId: id, seq, message: `event #${seq} records movement #${id} but that movement is missing` });
    return true;
  }

  private duplicate(id: number, seq: number): void {
    this.found.add({ table: 'stock_movements', rowId: id, seq, message: `movement #${id} is claimed by a second audit event (#${seq})` });
  }
}

function stockLinesOf(snapshot: Record<string, unknown> | null): Array<{ movementId: number; lotId: number; quantity: number }> {
  if (!snapshot) return [];
  const lines = [snapshot.needles, snapshot.supplies].flatMap((list) => (Array.isArray(list) ? list : []));
  return lines.map((l: Record<string, unknown>) => ({ movementId: Number(l?.movementId), lotId: Number(l?.lotId), quantity: Number(l?.quantity) }));
}

type MovementRow = [id: number, lotId: number, kind: string, quantity: number, balanceAfter: number, statusAfter: string, occurredOn: string, sessionId: number | null, note: string, reference: string, reversesId: number | null];

/**
 * One pass over the ledger in id order: each movement against its claim; each lot's running balance (every
 * balance_after is the sum so far, and a use or reversal keeps the status before it); movements naming a
 * session that is not there (half a call). Then claims nothing matched, and lots against their ledgers.
 */
function checkLedger(db: Database, found: ProblemList, claims: MovementClaims): { movements: number; lots: number } {
  const sessionIds = new Set(db.prepare('SELECT id FROM sessions').pluck().all() as number[]);
  const lots = new Map<number, { balance: number; status: string | null }>();
  const movements = db
    .prepare('SELECT id, lot_id, kind, quantity, balance_after, status_after, occurred_on, session_id, note, reference, reverses_movement_id FROM stock_movements ORDER BY id')
    .raw(true);
  let count = 0;
  for (const raw of movements.iterate()) {
    const m = raw as MovementRow;
    count += 1;
    matchClaim(m, claims, found);
    const [id, lotId, kind, quantity, balanceAfter, statusAfter] = m;
    const lot = lots.get(lotId) ?? { balance: 0, status: null };
    lots.set(lotId, lot);
    lot.balance += quantity;
    if (balanceAfter !== lot.balance) {
      found.add({ table: 'stock_movements', rowId: id, column: 'balance_after', message: `stock_movements #${id}: balance_after is ${balanceAfter} but the lot's movements up to it add up to ${lot.balance}` });
      lot.balance = balanceAfter;
    }
    if ((kind === 'use' || kind === 'reverse') && lot.status !== null && statusAfter !== lot.status) {
      found.add({ table: 'stock_movements', rowId: id, column: 'status_after', message: `stock_movements #${id}: a ${kind} changed the lot's status from ${lot.status} to ${statusAfter}` });
    }
    lot.status = statusAfter;
    const sessionId = m[7];
    if (sessionId !== null && !sessionIds.has(sessionId)) {
      found.add({ table: 'stock_movements', rowId: id, column: 'session_id', message: `stock_movements #${id} names session #${sessionId}, which does not exist` });
    }
  }
  reportUnmatchedClaims(claims, found);
  let lotCount = 0;
  for (const raw of db.prepare('SELECT id, on_hand, status FROM stock_lots ORDER BY id').raw(true).iterate()) {
    const [id, onHand, status] = raw as [number, number, string];
    lotCount += 1;
    const ledger = lots.get(id) ?? { balance: 0, status: null };
    if (onHand !== ledger.balance) found.add({ table: 'stock_lots', rowId: id, column: 'on_hand', message: `stock_lots #${id}: on_hand is ${onHand} but its movements add up to ${ledger.balance}` });
    if (ledger.status !== null && status !== ledger.status) found.add({ table: 'stock_lots', rowId: id, column: 'status', message: `stock_lots #${id}: status is ${status} but its last movement left it ${ledger.status}` });
  }
  return { movements: count, lots: lotCount };
}

function matchClaim(m: MovementRow, claims: MovementClaims, found: ProblemList): void {
  const [id, lotId, kind, quantity, , , occurredOn, sessionId, , , reversesId] = m;
  const mismatch = (column: string, actual: unknown, recorded: unknown, seq: number) =>
    found.add({ table: 'stock_movements', rowId: id, column, seq, message: `stock_movements #${id}: ${column} is ${show(actual)} but event #${seq} recorded ${show(recorded)}` });
  const lotClaim = claims.lotClaims.get(id);
  if (lotClaim) {
    lotClaim.isMatched = true;
    if (String(lotId) !== lotClaim.lotId) mismatch('lot_id', lotId, lotClaim.lotId, lotClaim.seq);
    const columns: Record<string, unknown> = { kind, quantity, balance_after: m[4], status_after: m[5], occurred_on: occurredOn, session_id: sessionId, note: m[8], reference: m[9] };
    for (const [key, column] of Object.entries(movementFields)) {
      if (key in lotClaim.after && !sameValue(lotClaim.after[key], columns[column])) mismatch(column, columns[column], lotClaim.after[key], lotClaim.seq);
    }
    return;
  }
  const fromSession = (lines: StockLines, at: number, expectedKind: string) => {
    const seq = lines.seq[at] as number;
    lines.isMatched[at] = 1;
    if (kind !== expectedKind) mismatch('kind', kind, expectedKind, seq);
    if (lotId !== lines.lot[at]) mismatch('lot_id', lotId, lines.lot[at], seq);
    if (quantity !== lines.quantity[at]) mismatch('quantity', quantity, lines.quantity[at], seq);
    if (sessionId !== lines.session[at]) mismatch('session_id', sessionId, lines.session[at], seq);
    if (dateNumber(occurredOn) !== lines.date[at]) mismatch('occurred_on', occurredOn, dateText(lines.date[at] as number), seq);
  };
  if (id <= claims.maxMovementId && claims.uses.seq[id] !== 0) return fromSession(claims.uses, id, 'use');
  if (reversesId !== null && reversesId >= 1 && reversesId <= claims.maxMovementId && claims.reversals.seq[reversesId] !== 0) {
    if (claims.reversals.isMatched[reversesId]) {
      found.add({ table: 'stock_movements', rowId: id, message: `stock_movements #${id} reverses movement #${reversesId}, which another movement already put back` });
      return;
    }
    return fromSession(claims.reversals, reversesId, 'reverse');
  }
  found.add({ table: 'stock_movements', rowId: id, message: `stock_movements #${id} has no audit event: it was written around the API` });
}

function reportUnmatchedClaims(claims: MovementClaims, found: ProblemList): void {
  for (const [id, claim] of claims.lotClaims) {
    if (!claim.isMatched) found.add({ table: 'stock_movements', rowId: id, seq: claim.seq, message: `event #${claim.seq} records movement #${id} but that movement is missing` });
  }
  for (let id = 1; id <= claims.maxMovementId; id += 1) {
    const useSeq = claims.uses.seq[id] as number;
    if (useSeq !== 0 && !claims.uses.isMatched[id]) found.add({ table: 'stock_movements', rowId: id, seq: useSeq, message: `event #${useSeq} records movement #${id} but that movement is missing` });
    const reversalSeq = claims.reversals.seq[id] as number;
    if (reversalSeq !== 0 && !claims.reversals.isMatched[id]) found.add({ table: 'stock_movements', rowId: id, seq: reversalSeq, message: `event #${reversalSeq} says movement #${id} was put back, but no reversal of it exists` });
  }
}

function parseBody(body: string): { before?: unknown; after?: unknown } | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' ? (value as { before?: unknown; after?: unknown }) : null;
  } catch {
    return null;
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Snapshot values are JSON (booleans, arrays); rows hold 0/1 and JSON text. */
function sameValue(snapshot: unknown, column: unknown): boolean {
  if (snapshot === undefined) return true;
  if (typeof snapshot === 'boolean') return column === (snapshot ? 1 : 0);
  if (snapshot === null) return column === null;
  if (typeof snapshot === 'object') return typeof column === 'string' && JSON.stringify(snapshot) === column;
  return snapshot === column;
}

/** YYYY-MM-DD as the number yyyymmdd (-1 when it is not such a date), so dates fit a typed array. */
function dateNumber(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return -1;
  return Number(value.slice(0, 4)) * 10000 + Number(value.slice(5, 7)) * 100 + Number(value.slice(8, 10));
}

function dateText(value: number): string {
  if (value < 0) return '(no date)';
  return `${String(Math.floor(value / 10000)).padStart(4, '0')}-${String(Math.floor(value / 100) % 100).padStart(2, '0')}-${String(value % 100).padStart(2, '0')}`;
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

/**
 * What `clinic-ops verify` checks: the hash chain, the rows against their events and ledgers, and clock warnings.
 * The chain's report may come from `verifyAuditChainOfFile`, which checks a large file on every core.
 */
export function verifyClinic(db: Database, chain: AuditChainReport = verifyAuditChain(db)): ClinicVerifyReport {
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
