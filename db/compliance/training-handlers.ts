// Handlers for BBP training records and the hepatitis B vaccination offer summaries, with their audit events.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { assertNotFuture, complianceToday, requireStaff, sqlBool } from './compliance-common';
import type { HbvOfferView, TrainingView, trainingMethods } from './training-contract';
import { hbvView, listHbvViews, listTrainingViews, trainingStatuses, trainingView } from './training-queries';
import { findHbvRowOfStaff, insertHbv, insertTraining, updateHbv, voidTrainingRow } from './training-store';

function requireTraining(ctx: HandlerContext, id: number): TrainingView {
  const view = trainingView(ctx.db, id);
  if (!view) throw notFound(`There is no training record #${id}.`, 'id');
  return view;
}

function requireHbv(ctx: HandlerContext, id: number): HbvOfferView {
  const view = hbvView(ctx.db, id);
  if (!view) throw notFound(`There is no vaccination offer record #${id}.`, 'id');
  return view;
}

/**
 * Vaccination status is confidential medical information (1910.1030(h)(1)(iii)) and the audit log is readable by
 * the auditor: its events name the record, never the staff member, who is known only through the manager-only list.
 */
function auditedHbv(v: HbvOfferView) {
  return { assignedOn: v.assignedOn, offeredOn: v.offeredOn, isOfferedInTime: v.isOfferedInTime, response: v.response, isDeclinationSigned: v.isDeclinationSigned, note: v.note };
}

function checkHbvDates(ctx: HandlerContext, input: { assignedOn: string; offeredOn: string }): void {
  assertNotFuture(ctx, input.assignedOn, 'assignedOn');
  assertNotFuture(ctx, input.offeredOn, 'offeredOn');
}

export const trainingHandlers: HandlersFor<typeof trainingMethods> = {
  'compliance.recordTraining': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.trainedOn, 'trainedOn');
    const seen = new Set<number>();
    const attendees = input.attendeeStaffIds.map((staffId, index) => {
      const field = `attendeeStaffIds.${index}`;
      if (seen.has(staffId)) throw ruleViolation(`Staff member #${staffId} is listed twice.`, field);
      seen.add(staffId);
      const staff = requireStaff(ctx, staffId, field);
      // (h)(2)(i)(D): names and job titles of all persons attending, as they were that day.
      return { staffId, staffName: staff.name, jobTitle: staff.jobTitle || staff.role.replace('_', ' ') };
    });
    const id = insertTraining(
      ctx.db,
      {
        trainedOn: input.trainedOn,
        trainingType: input.trainingType,
        contentSummary: input.contentSummary,
        trainerName: input.trainerName,
        trainerQualifications: input.trainerQualifications,
        now: ctx.nowIso,
        by: actor.staffId,
      },
      attendees,
    );
    const view = requireTraining(ctx, id);
    ctx.audit({ action: 'create', entityType: 'bbp_training', entityId: id, after: view });
    return view;
  },

  'compliance.voidTraining': (ctx, input) => {
    const actor = requireActor(ctx);
    const before = requireTraining(ctx, input.id);
    if (before.isVoided) throw ruleViolation(`Training record #${input.id} is already voided.`, 'id');
    voidTrainingRow(ctx.db, { id: input.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    const after = requireTraining(ctx, input.id);
    ctx.audit({ action: 'void', entityType: 'bbp_training', entityId: input.id, before: { isVoided: false }, after: { isVoided: true }, reason: input.reason });
    return after;
  },

  'compliance.listTrainings': (ctx, input) => listTrainingViews(ctx.db, input.includeVoided),
  'compliance.trainingStatus': (ctx) => trainingStatuses(ctx.db, complianceToday(ctx)),

  'compliance.recordHbvOffer': (ctx, input) => {
    const actor = requireActor(ctx);
    checkHbvDates(ctx, input);
    const staff = requireStaff(ctx, input.staffId, 'staffId');
    if (findHbvRowOfStaff(ctx.db, input.staffId)) {
      throw new ApiError('conflict', `${staff.name} already has a vaccination offer on file; amend it instead.`, 'staffId');
    }
    const id = insertHbv(ctx.db, { ...input, isDeclinationSigned: sqlBool(input.isDeclinationSigned), now: ctx.nowIso, by: actor.staffId });
    const view = requireHbv(ctx, id);
    ctx.audit({ action: 'create', entityType: 'hbv_vaccination', entityId: id, after: auditedHbv(view) });
    return view;
  },

  'compliance.amendHbvOffer': (ctx, { id, reason, ...input }) => {
    checkHbvDates(ctx, input);
    const before = requireHbv(ctx, id);
    const staff = requireStaff(ctx, input.staffId, 'staffId');
    const other = findHbvRowOfStaff(ctx.db, input.staffId);
    if (other && other.id !== id) throw new ApiError('conflict', `${staff.name} already has another vaccination offer on file.`, 'staffId');
    updateHbv(ctx.db, id, { ...input, isDeclinationSigned: sqlBool(input.isDeclinationSigned), now: ctx.nowIso });
    const after = requireHbv(ctx, id);
    ctx.audit({
      action: 'amend',
      entityType: 'hbv_vaccination',
      entityId: id,
      before: { ...auditedHbv(before), isStaffChanged: false },
      after: { ...auditedHbv(after), isStaffChanged: before.staffId !== after.staffId },
      reason,
    });
    return after;
  },

  'compliance.listHbvOffers': (ctx) => listHbvViews(ctx.db),
};
