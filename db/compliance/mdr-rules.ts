// MDR evaluation rules (21 CFR 803): the 10-work-day deadline, the status of a file, and the hook sessions.record
// calls so every adverse event gets its evaluation in the same transaction.
import type { Database } from 'better-sqlite3';
import { notFound } from '../api/errors';
import { requireActor, type HandlerContext } from '../api/handler-context';
import { addWorkDays } from './compliance-dates';
import type { MdrAnnualReportStatus, MdrEvaluationView, MdrOverview, MdrStatus } from './mdr-contract';
import {
  findMdrRow,
  findSessionForMdr,
  insertMdr,
  listAnnualReports,
  listMdrRows,
  listUnevaluatedSessions,
  listMdrRowsNeedingAction,
  liveEvaluationOfSession,
  reportableCountsByYear,
  type MdrRow,
} from './mdr-store';
import { mdrRetainUntil } from './retention';

/** 803.10(a): reports are due within 10 work days of becoming aware. Weekends skipped; holidays not modelled. */
export const mdrDeadlineWorkDays = 10;

export function mdrDeadline(awareOn: string): string {
  return addWorkDays(awareOn, mdrDeadlineWorkDays);
}

export function mdrStatus(r: Pick<MdrRow, 'reportable' | 'reported_on'>): MdrStatus {
  if (r.reported_on !== null) return 'reported';
  return r.reportable === 'undecided' ? 'open' : 'decided';
}

export function toMdrView(r: MdrRow, today: string): MdrEvaluationView {
  const status = mdrStatus(r);
  const isVoided = r.voided_at !== null;
  const needsAction = !isVoided && (status === 'open' || (r.reportable === 'yes' && status !== 'reported'));
  return {
    id: r.id,
    source: r.source,
    sessionId: r.session_id,
    adverseEvent: r.adverse_event,
    lotId: r.lot_id,
    lotNumber: r.lot_number,
    itemName: r.item_name,
    defect: r.defect,
    eventOn: r.event_on,
    summary: r.summary,
    awareOn: r.aware_on,
    deadlineOn: r.deadline_on,
    reportable: r.reportable,
    reasoning: r.reasoning,
    decidedOn: r.decided_on,
    decidedByName: r.decided_by_name,
    reportedOn: r.reported_on,
    reportedTo: r.reported_to,
    reportReference: r.report_reference,
    status,
    needsAction,
    isOverdue: needsAction && today > r.deadline_on,
    isVoided,
    voidReason: r.void_reason,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    retainUntil: mdrRetainUntil(r.event_on),
  };
}

export function mdrView(db: Database, id: number, today: string): MdrEvaluationView | null {
  const row = findMdrRow(db, id);
  return row ? toMdrView(row, today) : null;
}

/** Form FDA 3419 for every year with a reportable event or a filed report; due January 1 of the next year (803.33). */
export function annualReportStatuses(db: Database): MdrAnnualReportStatus[] {
  const counts = reportableCountsByYear(db);
  const filed = new Map(listAnnualReports(db).map((r) => [r.year, r]));
  const years = [...new Set([...counts.keys(), ...filed.keys()])].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    reportableCount: counts.get(year) ?? 0,
    dueOn: `${year + 1}-01-01`,
    submittedOn: filed.get(year)?.submitted_on ?? null,
    reference: filed.get(year)?.reference ?? null,
  }));
}

export function mdrOverview(
  db: Database,
  today: string,
  filter: { status?: MdrStatus | undefined; includeVoided: boolean; onlyNeedingAction?: boolean },
): MdrOverview {
  const rows = filter.onlyNeedingAction ? listMdrRowsNeedingAction(db) : listMdrRows(db, filter.includeVoided);
  const evaluations = rows
    .map((r) => toMdrView(r, today))
    .filter((v) => filter.status === undefined || v.status === filter.status);
  return {
    evaluations,
    annualReports: annualReportStatuses(db),
    unevaluatedSessions: listUnevaluatedSessions(db).map((s) => ({ sessionId: s.session_id, sessionDate: s.session_date, adverseEvent: s.adverse_event })),
  };
}

/**
 * Opens the MDR evaluation of a session's adverse event, with its audit event, in the caller's transaction.
 * For sessions.record (and amend) whenever adverse_event is not 'none'. One live file per session: when one
 * exists already (an amended session) nothing new is opened, so the deliberation stays in one file (803.18).
 */
export function openMdrEvaluationForSession(ctx: HandlerContext, sessionId: number, awareOn: string, summary: string): void {
  const actor = requireActor(ctx);
  const session = findSessionForMdr(ctx.db, sessionId);
  if (!session) throw notFound(`There is no session #${sessionId}.`, 'sessionId');
  if (liveEvaluationOfSession(ctx.db, sessionId) !== null) return;
  const text = summary.trim() || `Adverse event recorded on session #${sessionId}: ${session.adverse_event}`;
  const id = insertMdr(ctx.db, {
    source: 'adverse_event',
    sessionId,
    lotId: null,
    defect: null,
    eventOn: session.session_date,
    summary: text.slice(0, 2000),
    awareOn,
    deadlineOn: mdrDeadline(awareOn),
    now: ctx.nowIso,
    by: actor.staffId,
  });
  ctx.audit({
    action: 'create',
    entityType: 'mdr_evaluation',
    entityId: id,
    after: { source: 'adverse_event', sessionId, adverseEvent: session.adverse_event, eventOn: session.session_date, awareOn, deadlineOn: mdrDeadline(awareOn), summary: text },
  });
}
