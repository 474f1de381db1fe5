// Handlers for exposure control plan reviews, each shown with its year's sharps injuries per 1,000 sessions.
import type { Database } from 'better-sqlite3';
import { notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { assertNotFuture, complianceToday, sqlBool } from './compliance-common';
import { yearOf } from './compliance-dates';
import type { PlanReviewOverview, planReviewMethods, PlanReviewView } from './plan-review-contract';
import { injuryRate, nextPlanReviewDue } from './plan-review-queries';
import { findPlanReviewRow, insertPlanReview, listPlanReviewRows, voidPlanReviewRow, type PlanReviewRow } from './plan-review-store';
import { planReviewRetainUntil } from './retention';

function toView(db: Database, r: PlanReviewRow): PlanReviewView {
  const flags: string[] = [];
  // (c)(1)(v): input from non-managerial frontline staff must be solicited and documented.
  if (r.is_frontline_consulted === 0) flags.push('Frontline staff were not consulted ((c)(1)(v) requires their input to be solicited).');
  return {
    id: r.id,
    reviewedOn: r.reviewed_on,
    reviewer: r.reviewer,
    changes: r.changes,
    saferDevicesConsidered: r.safer_devices_considered,
    isFrontlineConsulted: r.is_frontline_consulted === 1,
    frontlineNames: r.frontline_names,
    rate: injuryRate(db, yearOf(r.reviewed_on)),
    flags,
    isVoided: r.voided_at !== null,
    voidReason: r.void_reason,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    retainUntil: planReviewRetainUntil(r.reviewed_on),
  };
}

function requireReview(ctx: HandlerContext, id: number): PlanReviewView {
  const row = findPlanReviewRow(ctx.db, id);
  if (!row) throw notFound(`There is no plan review #${id}.`, 'id');
  return toView(ctx.db, row);
}

export const planReviewHandlers: HandlersFor<typeof planReviewMethods> = {
  'compliance.recordPlanReview': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.reviewedOn, 'reviewedOn');
    const id = insertPlanReview(ctx.db, {
      ...input,
      frontlineNames: input.isFrontlineConsulted ? input.frontlineNames : '',
      isFrontlineConsulted: sqlBool(input.isFrontlineConsulted),
      now: ctx.nowIso,
      by: actor.staffId,
    });
    const view = requireReview(ctx, id);
    ctx.audit({ action: 'create', entityType: 'ecp_review', entityId: id, after: view });
    return view;
  },

  'compliance.voidPlanReview': (ctx, input) => {
    const actor = requireActor(ctx);
    const before = requireReview(ctx, input.id);
    if (before.isVoided) throw ruleViolation(`Plan review #${input.id} is already voided.`, 'id');
    voidPlanReviewRow(ctx.db, { id: input.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    const after = requireReview(ctx, input.id);
    ctx.audit({ action: 'void', entityType: 'ecp_review', entityId: input.id, before: { isVoided: false }, after: { isVoided: true }, reason: input.reason });
    return after;
  },

  'compliance.listPlanReviews': (ctx, input): PlanReviewOverview => ({
    reviews: listPlanReviewRows(ctx.db, input.includeVoided).map((r) => toView(ctx.db, r)),
    ...nextPlanReviewDue(ctx.db),
    currentYear: injuryRate(ctx.db, yearOf(complianceToday(ctx))),
  }),
};
