// Handlers for MDR evaluations: needle defects, reportability decisions with reasoning, reports, annual report.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { findLotRow } from '../inventory/inventory-store';
import { assertNotFuture, complianceToday } from './compliance-common';
import { yearOf } from './compliance-dates';
import type { MdrEvaluationView, mdrMethods } from './mdr-contract';
import { annualReportStatuses, mdrDeadline, mdrOverview, mdrView, openMdrEvaluationForSession } from './mdr-rules';
import { decideMdrRow, findAnnualReport, findSessionForMdr, insertAnnualReport, insertMdr, liveEvaluationOfSession, reportMdrRow, voidMdrRow } from './mdr-store';

function requireMdr(ctx: HandlerContext, id: number, field = 'id'): MdrEvaluationView {
  const view = mdrView(ctx.db, id, complianceToday(ctx));
  if (!view) throw notFound(`There is no MDR evaluation #${id}.`, field);
  if (view.isVoided) throw ruleViolation(`MDR evaluation #${id} was voided.`, field);
  return view;
}

const audited = (v: MdrEvaluationView) => ({
  reportable: v.reportable,
  reasoning: v.reasoning,
  decidedOn: v.decidedOn,
  status: v.status,
  reportedOn: v.reportedOn,
  reportedTo: v.reportedTo,
  reportReference: v.reportReference,
});

export const mdrHandlers: HandlersFor<typeof mdrMethods> = {
  'compliance.openMdrForDefect': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.eventOn, 'eventOn');
    assertNotFuture(ctx, input.awareOn, 'awareOn');
    if (input.awareOn < input.eventOn) throw ruleViolation(`awareOn: ${input.awareOn} is before the event on ${input.eventOn}.`, 'awareOn');
    const lot = findLotRow(ctx.db, input.lotId);
    if (!lot) throw notFound(`There is no lot #${input.lotId}.`, 'lotId');
    if (input.sessionId !== null && !findSessionForMdr(ctx.db, input.sessionId)) throw notFound(`There is no session #${input.sessionId}.`, 'sessionId');
    const deadlineOn = mdrDeadline(input.awareOn);
    const id = insertMdr(ctx.db, {
      source: 'needle_defect',
      sessionId: input.sessionId,
      lotId: lot.id,
      defect: input.defect,
      eventOn: input.eventOn,
      summary: input.summary,
      awareOn: input.awareOn,
      deadlineOn,
      now: ctx.nowIso,
      by: actor.staffId,
    });
    const view = requireMdr(ctx, id);
    ctx.audit({
      action: 'create',
      entityType: 'mdr_evaluation',
      entityId: id,
      after: { source: 'needle_defect', lotId: lot.id, lotNumber: lot.lot_number, defect: input.defect, eventOn: input.eventOn, awareOn: input.awareOn, deadlineOn, summary: input.summary, sessionId: input.sessionId },
    });
    return view;
  },

  'compliance.openMdrForSession': (ctx, input) => {
    assertNotFuture(ctx, input.awareOn, 'awareOn');
    const session = findSessionForMdr(ctx.db, input.sessionId);
    if (!session) throw notFound(`There is no session #${input.sessionId}.`, 'sessionId');
    if (session.adverse_event === 'none') throw ruleViolation(`Session #${input.sessionId} records no adverse event.`, 'sessionId');
    if (input.awareOn < session.session_date) throw ruleViolation(`awareOn: ${input.awareOn} is before the session on ${session.session_date}.`, 'awareOn');
    const existing = liveEvaluationOfSession(ctx.db, input.sessionId);
    if (existing !== null) throw new ApiError('conflict', `Session #${input.sessionId} already has MDR evaluation #${existing}.`, 'sessionId');
    openMdrEvaluationForSession(ctx, input.sessionId, input.awareOn, input.summary);
    const id = liveEvaluationOfSession(ctx.db, input.sessionId);
    if (id === null) throw new Error('evaluation vanished');
    return requireMdr(ctx, id);
  },

  'compliance.decideMdr': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.decidedOn, 'decidedOn');
    const before = requireMdr(ctx, input.id);
    if (input.decidedOn < before.awareOn) throw ruleViolation(`decidedOn: ${input.decidedOn} is before the clinic became aware on ${before.awareOn}.`, 'decidedOn');
    if (before.status === 'reported') throw ruleViolation(`This event was already reported on ${before.reportedOn}; the decision stands.`, 'id');
    if (before.status === 'decided' && input.reason === '') {
      throw ruleViolation(`This evaluation was already decided on ${before.decidedOn}; say why the decision changes.`, 'reason');
    }
    decideMdrRow(ctx.db, { id: input.id, reportable: input.reportable, reasoning: input.reasoning, decidedOn: input.decidedOn, by: actor.staffId });
    const after = requireMdr(ctx, input.id);
    ctx.audit({ action: 'decide', entityType: 'mdr_evaluation', entityId: input.id, before: audited(before), after: audited(after), reason: input.reason || null });
    return after;
  },

  'compliance.recordMdrReport': (ctx, input) => {
    assertNotFuture(ctx, input.reportedOn, 'reportedOn');
    const before = requireMdr(ctx, input.id);
    if (before.reportable !== 'yes') throw ruleViolation('Decide that the event is reportable before recording its report.', 'id');
    if (before.status === 'reported') throw new ApiError('conflict', `This event was already reported on ${before.reportedOn} (${before.reportReference}).`, 'id');
    if (input.reportedOn < before.awareOn) throw ruleViolation(`reportedOn: ${input.reportedOn} is before the clinic became aware on ${before.awareOn}.`, 'reportedOn');
    reportMdrRow(ctx.db, { id: input.id, reportedOn: input.reportedOn, reportedTo: input.reportedTo, reference: input.reference });
    const after = requireMdr(ctx, input.id);
    ctx.audit({ action: 'report', entityType: 'mdr_evaluation', entityId: input.id, before: audited(before), after: audited(after) });
    return after;
  },

  'compliance.voidMdr': (ctx, input) => {
    const actor = requireActor(ctx);
    const before = requireMdr(ctx, input.id);
    voidMdrRow(ctx.db, { id: input.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    const after = mdrView(ctx.db, input.id, complianceToday(ctx)) as MdrEvaluationView;
    ctx.audit({ action: 'void', entityType: 'mdr_evaluation', entityId: input.id, before: { isVoided: before.isVoided }, after: { isVoided: after.isVoided }, reason: input.reason });
    return after;
  },

  'compliance.recordMdrAnnualReport': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.submittedOn, 'submittedOn');
    if (yearOf(input.submittedOn) < input.year) {
      throw ruleViolation(`submittedOn: ${input.submittedOn} is before the year ${input.year} that the report covers.`, 'submittedOn');
    }
    if (findAnnualReport(ctx.db, input.year)) throw new ApiError('conflict', `The annual report for ${input.year} is already recorded.`, 'year');
    insertAnnualReport(ctx.db, { ...input, now: ctx.nowIso, by: actor.staffId });
    ctx.audit({ action: 'create', entityType: 'mdr_annual_report', entityId: input.year, after: input });
    const status = annualReportStatuses(ctx.db).find((r) => r.year === input.year);
    if (!status) throw new Error('annual report vanished');
    return status;
  },

  'compliance.listMdr': (ctx, input) => mdrOverview(ctx.db, complianceToday(ctx), input),
};
