// API methods for dry-needling sessions: recording, amending, voiding, visit kits, consents and reports.
// Pure: shared with the renderer.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText, timeOfDay } from '../api/common-schemas';
import { method } from '../api/define-method';
import { clinicalStaff, managersOnly, readers } from '../api/roles';

export const sessionKinds = ['plan_of_care', 'self_pay'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionKindLabels: Record<SessionKind, string> = { plan_of_care: 'Plan of care', self_pay: 'Self-pay' };

export const bodyRegions = [
  'neck',
  'upper_back',
  'shoulder',
  'arm',
  'forearm_hand',
  'jaw_face',
  'thoracic',
  'low_back',
  'gluteal_hip',
  'thigh',
  'knee',
  'calf',
  'foot_ankle',
] as const;
export type BodyRegion = (typeof bodyRegions)[number];
export const bodyRegionLabels: Record<BodyRegion, string> = {
  neck: 'Neck',
  upper_back: 'Upper back / trapezius',
  shoulder: 'Shoulder',
  arm: 'Upper arm',
  forearm_hand: 'Forearm / hand',
  jaw_face: 'Jaw / face',
  thoracic: 'Thoracic / chest wall',
  low_back: 'Low back',
  gluteal_hip: 'Gluteal / hip',
  thigh: 'Thigh',
  knee: 'Knee',
  calf: 'Calf',
  foot_ankle: 'Foot / ankle',
};

export const adverseEvents = ['none', 'bruising', 'bleeding', 'fainting', 'suspected_pneumothorax', 'other'] as const;
export type AdverseEvent = (typeof adverseEvents)[number];

export const painScore = z.number({ error: 'must be a number from 0 to 10' }).int('must be a whole number from 0 to 10').min(0, 'must be from 0 to 10').max(10, 'must be from 0 to 10');

const stockLine = z.strictObject({
  itemId: recordId,
  lotId: recordId,
  quantity: z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be more than zero').max(1000, 'must be at most 1,000'),
});

export const sessionFields = z.strictObject({
  sessionDate: businessDate,
  startTime: timeOfDay,
  therapistId: recordId,
  chartNumber: requiredText(40),
  kind: z.enum(sessionKinds),
  room: optionalText(40),
  bodyRegions: z.array(z.enum(bodyRegions)).min(1, 'name at least one body region treated').max(bodyRegions.length),
  needles: z.array(stockLine).min(1, 'a dry-needling session uses at least one needle').max(20),
  supplies: z.array(stockLine).max(30).default([]),
  handHygiene: z.boolean(),
  glovesWorn: z.boolean(),
  skinPrep: z.boolean(),
  needlesToSharps: z.boolean(),
  needlesDisposed: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(20_000),
  countMismatchReason: z.string().trim().max(500).default(''),
  sharpsContainerId: recordId.nullable().default(null),
  painBefore: painScore,
  painAfter: painScore,
  adverseEvent: z.enum(adverseEvents).default('none'),
  adverseEventNote: optionalText(2000),
  notes: optionalText(4000),
  consentOverrideReason: z.string().trim().max(500).default(''),
  afterCloseReason: z.string().trim().max(500).default(''),
});

export type SessionFields = z.output<typeof sessionFields>;

export interface SessionStockUse {
  movementId: number;
  itemId: number;
  itemName: string;
  itemKind: string;
  lotId: number;
  lotNumber: string;
  expiryDate: string | null;
  quantity: number;
}

export interface SessionView {
  id: number;
  sessionDate: string;
  startTime: string;
  startedAt: string;
  therapistId: number;
  therapistName: string;
  chartNumber: string;
  kind: SessionKind;
  room: string;
  bodyRegions: BodyRegion[];
  handHygiene: boolean;
  glovesWorn: boolean;
  skinPrep: boolean;
  needlesToSharps: boolean;
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
  status: 'recorded' | 'voided';
  amendmentCount: number;
  recordedAt: string;
  recordedByName: string;
  voidedAt: string | null;
  voidReason: string | null;
  /** Amount still owed on a self-pay visit (negative: a credit to refund). */
  balanceCents: number;
  paidCents: number;
  coveredByPackageId: number | null;
  isDayClosed: boolean;
}

export interface SessionDetail extends SessionView {
  needles: SessionStockUse[];
  supplies: SessionStockUse[];
  amendments: Array<{ id: number; amendedAt: string; amendedByName: string; reason: string; isAfterClose: boolean; before: unknown; after: unknown }>;
}

export interface RecordedSession {
  session: SessionDetail;
  warnings: string[];
}

export interface ChartStatus {
  chartNumber: string;
  consent: { id: number; signedOn: string; formVersion: string } | null;
  goodFaithEstimate: { id: number; givenOn: string; amountCents: number; validUntil: string } | null;
  packages: Array<{ id: number; name: string; visitsLeft: number; visitsTotal: number }>;
  sessionCount: number;
}

export interface KitLine {
  sessionKind: SessionKind;
  itemId: number;
  itemName: string;
  itemKind: string;
  quantity: number;
}

export interface SessionFormDefaults {
  kind: SessionKind;
  date: string;
  priceCents: number;
  kit: Array<KitLine & { lotId: number | null; lotNumber: string | null; problem: string | null }>;
  needleItems: Array<{ itemId: number; itemName: string; lotId: number | null; lotNumber: string | null; expiryDate: string | null; onHand: number }>;
  therapists: Array<{ id: number; name: string }>;
}

export interface CountBucket {
  period: string;
  total: number;
  planOfCare: number;
  selfPay: number;
  byTherapist: Record<string, number>;
}

export interface EffectivenessGroup {
  key: string;
  label: string;
  sessions: number;
  meanBefore: number;
  meanAfter: number;
  meanChange: number;
  /** Share of sessions with at least a 2-point NPRS improvement (a minimal clinically important difference). */
  improvedShare: number;
}

export interface EffectivenessReport {
  from: string;
  to: string;
  overall: EffectivenessGroup;
  byRegion: EffectivenessGroup[];
  byTherapist: EffectivenessGroup[];
  byPeriod: EffectivenessGroup[];
}

export const granularities = ['day', 'week', 'month'] as const;
export type Granularity = (typeof granularities)[number];

const range = {
  from: businessDate,
  to: businessDate,
};
const rangeCheck = <T extends { from: string; to: string }>(r: T) => r.from <= r.to;
const rangeMessage = { message: 'must not be after the end date', path: ['from'] };

export const sessionListFilter = z
  .strictObject({
    ...range,
    therapistId: recordId.optional(),
    kind: z.enum(sessionKinds).optional(),
    chartNumber: z.string().trim().max(40).optional(),
    includeVoided: z.boolean().default(false),
    limit: z.number().int().min(1).max(1000).default(200),
    /** Keyset cursor: the last (date, id) of the previous page. */
    after: z.strictObject({ sessionDate: businessDate, id: recordId }).optional(),
  })
  .refine(rangeCheck, rangeMessage);

/** Recording a self-pay visit may take its payment in the same transaction (the front desk's "pay now"). */
export const recordSessionInput = sessionFields.extend({
  payment: z
    .strictObject({
      method: z.enum(['cash', 'card', 'hsa_fsa', 'check']),
      amountCents: z.number().int('must be whole cents').positive('must be more than zero').max(100_000_000),
    })
    .nullable()
    .default(null),
});

export const sessionMethods = {
  'sessions.record': method<RecordedSession>()({
    input: recordSessionInput,
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records a dry-needling session, the needle and PPE use it implies and optionally its payment, in one transaction.',
  }),
  'sessions.amend': method<RecordedSession>()({
    input: z.strictObject({ id: recordId, reason: changeReason, session: sessionFields }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Corrects a session; the version it replaces stays visible with the reason.',
  }),
  'sessions.void': method<SessionDetail>()({
    input: z.strictObject({ id: recordId, reason: changeReason, refundPayments: z.boolean().default(false) }),
    kind: 'write',
    roles: ['manager', 'therapist'],
    summary: 'Voids a session: its stock returns through reversing movements; payments can be refunded with it.',
  }),
  'sessions.get': method<SessionDetail>()({
    input: z.strictObject({ id: recordId }),
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: 'One session with its needles, supplies, amendments and balance.',
  }),
  'sessions.list': method<{ sessions: SessionView[]; next: { sessionDate: string; id: number } | null; total: number }>()({
    input: sessionListFilter,
    kind: 'read',
    roles: clinicalStaff.concat('auditor'),
    summary: 'Sessions in a date range, filtered by therapist, kind and chart number, newest first.',
  }),
  'sessions.formDefaults': method<SessionFormDefaults>()({
    input: z.strictObject({ kind: z.enum(sessionKinds), date: businessDate }),
    kind: 'read',
    roles: clinicalStaff,
    summary: 'What the session form starts from: the visit kit with FEFO lots, needle lots, price and therapists.',
  }),
  'sessions.chartStatus': method<ChartStatus>()({
    input: z.strictObject({ chartNumber: requiredText(40) }),
    kind: 'read',
    roles: clinicalStaff,
    summary: 'Consent, good-faith estimate and prepaid packages on file for a chart number.',
  }),
  'sessions.listKits': method<KitLine[]>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: readers,
    summary: 'The visit kits: what a visit of each kind consumes.',
  }),
  'sessions.setKit': method<KitLine[]>()({
    input: z.strictObject({
      sessionKind: z.enum(sessionKinds),
      lines: z.array(z.strictObject({ itemId: recordId, quantity: z.number().int().positive('must be more than zero').max(100) })).max(30),
    }),
    kind: 'write',
    roles: managersOnly,
    summary: "Replaces a session kind's visit kit.",
  }),
  'sessions.recordConsent': method<ChartStatus>()({
    input: z.strictObject({ chartNumber: requiredText(40), signedOn: businessDate, formVersion: requiredText(40), copyGiven: z.boolean() }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records that a dry-needling consent form was signed for a chart number.',
  }),
  'sessions.revokeConsent': method<ChartStatus>()({
    input: z.strictObject({ consentId: recordId, revokedOn: businessDate, reason: changeReason }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records that a patient withdrew consent.',
  }),
  'sessions.counts': method<CountBucket[]>()({
    input: z.strictObject({ ...range, granularity: z.enum(granularities) }).refine(rangeCheck, rangeMessage),
    kind: 'read',
    roles: readers,
    summary: 'Session counts per day, week or month, by kind and therapist (voided sessions excluded).',
  }),
  'sessions.effectiveness': method<EffectivenessReport>()({
    input: z
      .strictObject({ ...range, therapistId: recordId.optional(), granularity: z.enum(['week', 'month']).default('month') })
      .refine(rangeCheck, rangeMessage),
    kind: 'read',
    roles: readers,
    summary: 'Pain before and after: means, change, and the share improving by 2 points or more, by region, therapist and period.',
  }),
};
