// Handlers for the sharps injury log. The employee's identity lives in its own table, never in the log's audit
// events, and is shown only to a manager who asks; that read is audited (1910.1030(h)(5)(i), 1904.29(b)(6)-(9)).
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { toCsv } from '../exports/csv';
import { findItem, findLotRow } from '../inventory/inventory-store';
import { assertNotFuture, requireStaff } from './compliance-common';
import { yearOf } from './compliance-dates';
import type { InjuryFields, InjuryLog, injuryMethods, InjuryView } from './injury-contract';
import { injuryLog, injuryView } from './injury-queries';
import {
  currentInjuryIdentity,
  insertInjury,
  insertInjuryIdentity,
  nextCaseNumber,
  sessionExists,
  updateInjury,
  voidInjuryRow,
  type InjuryValues,
} from './injury-store';

/** Checks the cross-record rules and fills the brand from the stock item when it was left empty. */
function checkInjury(ctx: HandlerContext, input: InjuryFields, prefix = ''): InjuryValues {
  const at = (field: string) => `${prefix}${field}`;
  assertNotFuture(ctx, input.occurredOn, at('occurredOn'));
  requireStaff(ctx, input.employeeStaffId, at('employeeStaffId'));
  let stockItemId = input.stockItemId;
  if (input.lotId !== null) {
    const lot = findLotRow(ctx.db, input.lotId);
    if (!lot) throw notFound(`There is no lot #${input.lotId}.`, at('lotId'));
    if (stockItemId !== null && lot.item_id !== stockItemId) {
      throw ruleViolation(`Lot ${lot.lot_number} belongs to ${lot.item_name}, not to stock item #${stockItemId}.`, at('lotId'));
    }
    stockItemId = lot.item_id;
  }
  const item = stockItemId === null ? undefined : findItem(ctx.db, stockItemId);
  if (stockItemId !== null && !item) throw notFound(`There is no stock item #${stockItemId}.`, at('stockItemId'));
  if (input.sourceSessionId !== null && !sessionExists(ctx.db, input.sourceSessionId)) {
    throw notFound(`There is no session #${input.sourceSessionId}.`, at('sourceSessionId'));
  }
  input.followUps.forEach((f, i) => {
    if (f.on < input.occurredOn) throw ruleViolation(`A follow-up on ${f.on} is before the injury on ${input.occurredOn}.`, at(`followUps.${i}.on`));
  });
  // (h)(5)(i)(A): brand "if known"; OSHA says not to dig in the container to find out.
  const deviceBrand = input.deviceBrand || (item ? `${item.manufacturer} ${item.name}`.trim() : 'unknown');
  return {
    occurredOn: input.occurredOn,
    occurredTime: input.occurredTime,
    deviceType: input.deviceType,
    deviceBrand,
    stockItemId,
    lotId: input.lotId,
    workArea: input.workArea,
    howItHappened: input.howItHappened,
    procedurePhase: input.procedurePhase,
    bodyPart: input.bodyPart,
    jobClassification: input.jobClassification,
    protocolFollowed: input.protocolFollowed,
    followUps: [...input.followUps].sort((a, b) => a.on.localeCompare(b.on)),
  };
}

function requireInjury(ctx: HandlerContext, id: number): InjuryView {
  const view = injuryView(ctx.db, id);
  if (!view) throw notFound(`There is no sharps injury log entry #${id}.`, 'id');
  return view;
}

/** What the log's audit events carry: the log fields, never who was injured. */
function loggedFields(v: InjuryView) {
  const { employee: _employee, maintainedVoluntarily: _m, retainUntil: _r, recordedByName: _n, ...fields } = v;
  return fields;
}

/** Reading identities is for managers only, and is itself an audited event. */
function readLog(ctx: HandlerContext, input: { year?: number | undefined; includeVoided: boolean; includeIdentity: boolean }): InjuryLog {
  const actor = requireActor(ctx);
  if (input.includeIdentity && actor.role !== 'manager') {
    throw new ApiError('forbidden', 'Only a manager may see who was injured; the log itself is available without names.', 'includeIdentity');
  }
  const log = injuryLog(ctx.db, input, input.includeIdentity);
  if (input.includeIdentity) {
    ctx.audit({
      action: 'view_identity',
      entityType: 'sharps_injury_log',
      entityId: input.year ?? 'all',
      after: { caseNumbers: log.entries.map((e) => e.caseNumber) },
    });
  }
  return log;
}

export const injuryHandlers: HandlersFor<typeof injuryMethods> = {
  'compliance.recordInjury': (ctx, input) => {
    const actor = requireActor(ctx);
    const values = checkInjury(ctx, input);
    const caseNumber = nextCaseNumber(ctx.db, yearOf(values.occurredOn));
    const id = insertInjury(ctx.db, { ...values, caseNumber, now: ctx.nowIso, by: actor.staffId });
    insertInjuryIdentity(ctx.db, { injuryId: id, staffId: input.employeeStaffId, sourceSessionId: input.sourceSessionId, now: ctx.nowIso, by: actor.staffId });
    const view = requireInjury(ctx, id);
    ctx.audit({ action: 'create', entityType: 'sharps_injury', entityId: id, after: loggedFields(view) });
    ctx.audit({ action: 'create', entityType: 'sharps_injury_identity', entityId: id, after: { caseNumber, isSourceSessionRecorded: input.sourceSessionId !== null } });
    return view;
  },

  'compliance.amendInjury': (ctx, input) => {
    const actor = requireActor(ctx);
    const before = requireInjury(ctx, input.id);
    if (before.status === 'voided') throw ruleViolation(`Log entry ${before.caseNumber} is voided.`, 'id');
    const values = checkInjury(ctx, input.injury, 'injury.');
    updateInjury(ctx.db, input.id, values, ctx.nowIso);
    const after = requireInjury(ctx, input.id);
    ctx.audit({ action: 'amend', entityType: 'sharps_injury', entityId: input.id, before: loggedFields(before), after: loggedFields(after), reason: input.reason });
    const identity = currentInjuryIdentity(ctx.db, input.id);
    const isEmployeeChanged = identity?.staff_id !== input.injury.employeeStaffId;
    const isSourceChanged = (identity?.source_session_id ?? null) !== input.injury.sourceSessionId;
    if (isEmployeeChanged || isSourceChanged) {
      insertInjuryIdentity(ctx.db, {
        injuryId: input.id,
        staffId: input.injury.employeeStaffId,
        sourceSessionId: input.injury.sourceSessionId,
        now: ctx.nowIso,
        by: actor.staffId,
      });
      ctx.audit({
        action: 'amend',
        entityType: 'sharps_injury_identity',
        entityId: input.id,
        after: { caseNumber: after.caseNumber, isEmployeeChanged, isSourceChanged },
        reason: input.reason,
      });
    }
    return after;
  },

  'compliance.voidInjury': (ctx, input) => {
    const actor = requireActor(ctx);
    const before = requireInjury(ctx, input.id);
    if (before.status === 'voided') throw ruleViolation(`Log entry ${before.caseNumber} is already voided.`, 'id');
    voidInjuryRow(ctx.db, { id: input.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    const after = requireInjury(ctx, input.id);
    ctx.audit({ action: 'void', entityType: 'sharps_injury', entityId: input.id, before: { status: before.status }, after: { status: after.status }, reason: input.reason });
    return after;
  },

  'compliance.listInjuries': (ctx, input) => readLog(ctx, input),

  'compliance.injuryLogCsv': (ctx, input) => {
    const log = readLog(ctx, input);
    const header = [
      'case_number', 'date', 'time', 'device_type', 'device_brand', 'lot_number', 'work_area', 'how_it_happened', 'procedure_phase',
      'body_part', 'job_classification', 'protocol_followed', 'follow_ups', 'status', 'retain_until', 'log_status',
      ...(log.includesIdentity ? ['employee'] : []),
    ];
    const rows = log.entries.map((e) => [
      e.caseNumber, e.occurredOn, e.occurredTime, e.deviceType, e.deviceBrand, e.lotNumber, e.workArea, e.howItHappened, e.procedurePhase,
      e.bodyPart, e.jobClassification, e.protocolFollowed, e.followUps.map((f) => `${f.on} ${f.what}`).join('; '), e.status, e.retainUntil,
      log.maintainedVoluntarily ? 'maintained voluntarily (Part 1904 exempt)' : 'required',
      ...(log.includesIdentity ? [e.employee?.name ?? ''] : []),
    ]);
    const scope = input.year ?? 'all';
    return { fileName: `sharps-injury-log-${scope}${log.includesIdentity ? '-with-names' : ''}.csv`, csv: toCsv(header, rows) };
  },
};
