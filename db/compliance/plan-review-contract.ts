// API methods for exposure control plan annual reviews, 1910.1030(c)(1)(iv)-(v), shown beside the year's
// sharps injury rate per 1,000 needling sessions. Pure.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { managersOnly, readers } from '../api/roles';

export interface InjuryRate {
  year: number;
  injuries: number;
  sessions: number;
  /** Null when there were no recorded sessions that year. */
  per1000Sessions: number | null;
}

export interface PlanReviewView {
  id: number;
  reviewedOn: string;
  reviewer: string;
  changes: string;
  saferDevicesConsidered: string;
  isFrontlineConsulted: boolean;
  frontlineNames: string;
  rate: InjuryRate;
  flags: string[];
  isVoided: boolean;
  voidReason: string | null;
  recordedAt: string;
  recordedByName: string;
  retainUntil: string;
}

export interface PlanReviewOverview {
  reviews: PlanReviewView[];
  lastReviewedOn: string | null;
  /** At least annually, (c)(1)(iv). */
  nextDueOn: string | null;
  currentYear: InjuryRate;
}

export const planReviewMethods = {
  'compliance.recordPlanReview': method<PlanReviewView>()({
    input: z
      .strictObject({
        reviewedOn: businessDate,
        reviewer: requiredText(120),
        changes: requiredText(4000),
        /** (c)(1)(iv)(B): what was considered and why; "none available" must say why. */
        saferDevicesConsidered: requiredText(4000),
        isFrontlineConsulted: z.boolean({ error: 'must say whether frontline staff were consulted' }),
        frontlineNames: optionalText(500),
      })
      .refine((r) => !r.isFrontlineConsulted || r.frontlineNames.length > 0, {
        message: 'must name the frontline staff consulted',
        path: ['frontlineNames'],
      }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Records an exposure control plan review: changes, safer devices considered, frontline input.',
  }),
  'compliance.voidPlanReview': method<PlanReviewView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a plan review entered in error; it stays visible with the reason.',
  }),
  'compliance.listPlanReviews': method<PlanReviewOverview>()({
    input: z.strictObject({ includeVoided: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: 'Plan reviews with the injury rate of their year, and when the next review is due.',
  }),
};
