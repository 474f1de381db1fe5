// SQL for sessions, their amendments, visit kits and consents.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';
import type { AdverseEvent, BodyRegion, KitLine, SessionKind, SessionView } from './sessions-contract';

export interface SessionRow {
  id: number;
  session_date: string;
  start_time: string;
  started_at: string;
  therapist_id: number;
  therapist_name: string;
  chart_number: string;
  kind: SessionKind;
  room: string;
  body_regions_json: string;
  hand_hygiene: number;
  gloves_worn: number;
  skin_prep: number;
  needles_to_sharps: number;
  needles_opened: number;
  needles_disposed: number;
  count_mismatch_reason: string | null;
  sharps_container_id: number | null;
  pain_before: number;
  pain_after: number;
  adverse_event: AdverseEvent;
  adverse_event_note: string;
  notes: string;
  price_cents: number;
  consent_override_reason: string | null;
  after_close_reason: string | null;
  status: 'recorded' | 'voided';
  amendment_count: number;
  recorded_at: string;
  recorded_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
  paid_cents: number;
  package_id: number | null;
  is_day_closed: number;
}

/** Session columns as written (insert and amend share them). */
export interface SessionValues {
  sessionDate: string;
  startTime: string;
  startedAt: string;
  therapistId: number;
  chartNumber: string;
  kind: SessionKind;
  room: string;
  bodyRegionsJson: string;
  handHygiene: number;
  glovesWorn: number;
  skinPrep: number;
  needlesToSharps: number;
  needlesOpened: number;
  needlesDisposed: number;
  countMismatchReason: string | null;
  sharpsContainerId: number | null;
  painBefore: number;
  painAfter: number;
  adverseEvent: AdverseEvent;
  adverseEventNote: string;
  notes: string;
  priceCents: number;
  consentOverrideReason: string | null;
  afterCloseReason: string | null;
}

export const sessionViewSelect = `SELECT s.id, s.session_date, s.start_time, s.started_at, s.therapist_id, t.name AS therapist_name,
    s.chart_number, s.kind, s.room, s.body_regions_json, s.hand_hygiene, s.gloves_worn, s.skin_prep, s.needles_to_sharps,
    s.needles_opened, s.needles_disposed, s.count_mismatch_reason, s.sharps_container_id, s.pain_before, s.pain_after,
    s.adverse_event, s.adverse_event_note, s.notes, s.price_cents, s.consent_override_reason, s.after_close_reason,
    s.status, s.amendment_count, s.recorded_at, r.name AS recorded_by_name, s.voided_at, s.void_reason,
    (SELECT coalesce(sum(CASE p.kind WHEN 'payment' THEN p.amount_cents ELSE -p.amount_cents END), 0)
       FROM payments p WHERE p.session_id = s.id AND p.status = 'recorded') AS paid_cents,
    (SELECT u.package_id FROM package_uses u WHERE u.session_id = s.id AND u.status = 'active') AS package_id,
    EXISTS (SELECT 1 FROM day_closes d WHERE d.business_date = s.session_date) AS is_day_closed
  FROM sessions s JOIN staff t ON t.id = s.therapist_id JOIN staff r ON r.id = s.recorded_by`;

const statements = statementsFor((db) => ({
  byId: db.prepare<[number], SessionRow>(`${sessionViewSelect} WHERE s.id = ?`),
  insert: db.prepare(
    `INSERT INTO sessions (session_date, start_time, started_at, therapist_id, chart_number, kind, room, body_regions_json,
       hand_hygiene, gloves_worn, skin_prep, needles_to_sharps, needles_opened, needles_disposed, count_mismatch_reason,
       sharps_container_id, pain_before, pain_after, adverse_event, adverse_event_note, notes, price_cents,
       consent_override_reason, after_close_reason, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?, ?)`,
  ),
  amend: db.prepare(
    `UPDATE sessions SET session_date = @sessionDate, start_time = @startTime, started_at = @startedAt,
       therapist_id = @therapistId, chart_number = @chartNumber, kind = @kind, room = @room,
       body_regions_json = @bodyRegionsJson, hand_hygiene = @handHygiene, gloves_worn = @glovesWorn,
       skin_prep = @skinPrep, needles_to_sharps = @needlesToSharps, needles_opened = @needlesOpened,
       needles_disposed = @needlesDisposed, count_mismatch_reason = @countMismatchReason,
       sharps_container_id = @sharpsContainerId, pain_before = @painBefore, pain_after = @painAfter,
       adverse_event = @adverseEvent, adverse_event_note = @adverseEventNote, notes = @notes, price_cents = @priceCents,
       consent_override_reason = @consentOverrideReason, after_close_reason = @afterCloseReason,
       amendment_count = amendment_count + 1
     WHERE id = @id`,
  ),
  void: db.prepare(
    "UPDATE sessions SET status = 'voided', voided_at = @at, voided_by = @by, void_reason = @reason WHERE id = @id",
  ),
  insertAmendment: db.prepare(
    `INSERT INTO session_amendments (session_id, before_json, after_json, reason, is_after_close, amended_at, amended_by)
     VALUES (@sessionId, @beforeJson, @afterJson, @reason, @isAfterClose, @at, @by)`,
  ),
  amendments: db.prepare<[number], { id: number; amended_at: string; amended_by_name: string; reason: string; is_after_close: number; before_json: string; after_json: string }>(
    `SELECT a.id, a.amended_at, s.name AS amended_by_name, a.reason, a.is_after_close, a.before_json, a.after_json
     FROM session_amendments a JOIN staff s ON s.id = a.amended_by WHERE a.session_id = ? ORDER BY a.id`,
  ),
  kits: db.prepare<[], { session_kind: SessionKind; item_id: number; item_name: string; item_kind: string; quantity: number }>(
    `SELECT k.session_kind, k.item_id, i.name AS item_name, i.kind AS item_kind, k.quantity
     FROM visit_kit_lines k JOIN stock_items i ON i.id = k.item_id ORDER BY k.session_kind, i.kind, i.name`,
  ),
  deleteKit: db.prepare('DELETE FROM visit_kit_lines WHERE session_kind = ?'),
  insertKitLine: db.prepare('INSERT INTO visit_kit_lines (session_kind, item_id, quantity) VALUES (@sessionKind, @itemId, @quantity)'),
  consentOn: db.prepare<[string, string, string], { id: number; signed_on: string; form_version: string }>(
    `SELECT id, signed_on, form_version FROM consents
     WHERE chart_number = ? AND signed_on <= ? AND (revoked_on IS NULL OR revoked_on > ?) ORDER BY signed_on DESC, id DESC LIMIT 1`,
  ),
  consentById: db.prepare<[number], { id: number; chart_number: string; revoked_on: string | null; signed_on: string }>(
    'SELECT id, chart_number, revoked_on, signed_on FROM consents WHERE id = ?',
  ),
  insertConsent: db.prepare(
    `INSERT INTO consents (chart_number, signed_on, form_version, copy_given, recorded_at, recorded_by)
     VALUES (@chartNumber, @signedOn, @formVersion, @copyGiven, @at, @by)`,
  ),
  revokeConsent: db.prepare('UPDATE consents SET revoked_on = @revokedOn, revoke_reason = @reason WHERE id = @id'),
  sessionCountOfChart: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM sessions WHERE chart_number = ? AND status = 'recorded'"),
}));

export function toSessionView(r: SessionRow): SessionView {
  const coveredByPackage = r.package_id !== null;
  const due = r.status === 'voided' || coveredByPackage ? 0 : r.price_cents;
  return {
    id: r.id,
    sessionDate: r.session_date,
    startTime: r.start_time,
    startedAt: r.started_at,
    therapistId: r.therapist_id,
    therapistName: r.therapist_name,
    chartNumber: r.chart_number,
    kind: r.kind,
    room: r.room,
    bodyRegions: JSON.parse(r.body_regions_json) as BodyRegion[],
    handHygiene: r.hand_hygiene === 1,
    glovesWorn: r.gloves_worn === 1,
    skinPrep: r.skin_prep === 1,
    needlesToSharps: r.needles_to_sharps === 1,
    needlesOpened: r.needles_opened,
    needlesDisposed: r.needles_disposed,
    countMismatchReason: r.count_mismatch_reason,
    sharpsContainerId: r.sharps_container_id,
    painBefore: r.pain_before,
    painAfter: r.pain_after,
    adverseEvent: r.adverse_event,
    adverseEventNote: r.adverse_event_note,
    notes: r.notes,
    priceCents: r.price_cents,
    consentOverrideReason: r.consent_override_reason,
    afterCloseReason: r.after_close_reason,
    status: r.status,
    amendmentCount: r.amendment_count,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    paidCents: r.paid_cents,
    balanceCents: due - r.paid_cents,
    coveredByPackageId: r.package_id,
    isDayClosed: r.is_day_closed === 1,
  };
}

/**
 * The row the view select would read right after insertSession with these values: sessions.record answers with
 * it instead of reading back what it just wrote (a test holds the two equal).
 */
export function sessionRowOfInsert(
  id: number,
  v: SessionValues,
  known: { therapistName: string; recordedAt: string; recordedByName: string; paidCents: number; isDayClosed: boolean },
): SessionRow {
  return {
    id,
    session_date: v.sessionDate,
    start_time: v.startTime,
    started_at: v.startedAt,
    therapist_id: v.therapistId,
    therapist_name: known.therapistName,
    chart_number: v.chartNumber,
    kind: v.kind,
    room: v.room,
    body_regions_json: v.bodyRegionsJson,
    hand_hygiene: v.handHygiene,
    gloves_worn: v.glovesWorn,
    skin_prep: v.skinPrep,
    needles_to_sharps: v.needlesToSharps,
    needles_opened: v.needlesOpened,
    needles_disposed: v.needlesDisposed,
    count_mismatch_reason: v.countMismatchReason,
    sharps_container_id: v.sharpsContainerId,
    pain_before: v.painBefore,
    pain_after: v.painAfter,
    adverse_event: v.adverseEvent,
    adverse_event_note: v.adverseEventNote,
    notes: v.notes,
    price_cents: v.priceCents,
    consent_override_reason: v.consentOverrideReason,
    after_close_reason: v.afterCloseReason,
    status: 'recorded',
    amendment_count: 0,
    recorded_at: known.recordedAt,
    recorded_by_name: known.recordedByName,
    voided_at: null,
    void_reason: null,
    paid_cents: known.paidCents,
    package_id: null,
    is_day_closed: known.isDayClosed ? 1 : 0,
  };
}

export function findSessionRow(db: Database, id: number): SessionRow | undefined {
  return statements(db).byId.get(id);
}

/** Binds by position, in the column order above: no merged copy of the values per session. */
export function insertSession(db: Database, v: SessionValues, recorded: { at: string; by: number }): number {
  return Number(
    statements(db).insert.run(
      v.sessionDate, v.startTime, v.startedAt, v.therapistId, v.chartNumber, v.kind, v.room, v.bodyRegionsJson,
      v.handHygiene, v.glovesWorn, v.skinPrep, v.needlesToSharps, v.needlesOpened, v.needlesDisposed, v.countMismatchReason,
      v.sharpsContainerId, v.painBefore, v.painAfter, v.adverseEvent, v.adverseEventNote, v.notes, v.priceCents,
      v.consentOverrideReason, v.afterCloseReason, recorded.at, recorded.by,
    ).lastInsertRowid,
  );
}

export function amendSessionRow(db: Database, id: number, values: SessionValues): void {
  statements(db).amend.run({ ...values, id });
}

export function voidSessionRow(db: Database, id: number, at: string, by: number, reason: string): void {
  statements(db).void.run({ id, at, by, reason });
}

export function insertSessionAmendment(
  db: Database,
  values: { sessionId: number; beforeJson: string; afterJson: string; reason: string; isAfterClose: number; at: string; by: number },
): void {
  statements(db).insertAmendment.run(values);
}

export function listSessionAmendments(db: Database, sessionId: number) {
  return statements(db)
    .amendments.all(sessionId)
    .map((a) => ({
      id: a.id,
      amendedAt: a.amended_at,
      amendedByName: a.amended_by_name,
      reason: a.reason,
      isAfterClose: a.is_after_close === 1,
      before: JSON.parse(a.before_json) as unknown,
      after: JSON.parse(a.after_json) as unknown,
    }));
}

export function listKitLines(db: Database): KitLine[] {
  return statements(db)
    .kits.all()
    .map((k) => ({ sessionKind: k.session_kind, itemId: k.item_id, itemName: k.item_name, itemKind: k.item_kind, quantity: k.quantity }));
}

export function replaceKit(db: Database, sessionKind: SessionKind, lines: Array<{ itemId: number; quantity: number }>): void {
  const s = statements(db);
  s.deleteKit.run(sessionKind);
  for (const line of lines) s.insertKitLine.run({ sessionKind, ...line });
}

export function consentOn(db: Database, chartNumber: string, date: string) {
  const row = statements(db).consentOn.get(chartNumber, date, date);
  return row ? { id: row.id, signedOn: row.signed_on, formVersion: row.form_version } : null;
}

export function findConsent(db: Database, id: number) {
  return statements(db).consentById.get(id);
}

export function insertConsent(db: Database, values: { chartNumber: string; signedOn: string; formVersion: string; copyGiven: number; at: string; by: number }): number {
  return Number(statements(db).insertConsent.run(values).lastInsertRowid);
}

export function revokeConsentRow(db: Database, id: number, revokedOn: string, reason: string): void {
  statements(db).revokeConsent.run({ id, revokedOn, reason });
}

export function sessionCountOfChart(db: Database, chartNumber: string): number {
  return statements(db).sessionCountOfChart.get(chartNumber)?.n ?? 0;
}
