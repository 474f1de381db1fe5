// API methods for sharps containers: placement, fill checks, sealing, waste pickups and certificates.
// Pure: shared with the renderer.
import { z } from 'zod';
import { businessDate, changeReason, optionalText, recordId, requiredText } from '../api/common-schemas';
import { method } from '../api/define-method';
import { clinicalStaff, managersOnly, readers } from '../api/roles';

export const fillLevels = ['quarter', 'half', 'three_quarter', 'over_full'] as const;
export type FillLevel = (typeof fillLevels)[number];
export const fillLevelLabels: Record<FillLevel, string> = {
  quarter: '¼ full',
  half: '½ full',
  three_quarter: '¾ full (fill line)',
  over_full: 'Over-full',
};
/** At or past the fill line a container must be sealed: containers are "not allowed to overfill", 1910.1030(d)(4)(iii)(A)(2)(iii). */
export const sealNowLevels: readonly FillLevel[] = ['three_quarter', 'over_full'];

export const containerStatuses = ['in_service', 'sealed', 'picked_up', 'voided'] as const;
export type ContainerStatus = (typeof containerStatuses)[number];
export const weightUnits = ['lb', 'kg'] as const;
export type WeightUnit = (typeof weightUnits)[number];

export const containerFlagCodes = [
  'fill_line_reached',
  'not_upright_or_closed',
  'estimated_at_fill_line',
  'in_service_too_long',
  'awaiting_pickup_too_long',
] as const;
export type ContainerFlagCode = (typeof containerFlagCodes)[number];

export interface ContainerFlag {
  code: ContainerFlagCode;
  message: string;
}

export interface FillCheckView {
  id: number;
  containerId: number;
  checkedOn: string;
  level: FillLevel;
  isUprightAndClosed: boolean;
  note: string;
  checkedByName: string;
  recordedAt: string;
  isVoided: boolean;
  voidReason: string | null;
}

export interface ContainerView {
  id: number;
  label: string;
  size: string;
  make: string;
  room: string;
  capacityNeedles: number;
  placedInServiceOn: string;
  note: string;
  status: ContainerStatus;
  /** Open until picked up: the clinic is responsible for it until the hauler takes it. */
  isOpen: boolean;
  sealedOn: string | null;
  sealedLevel: FillLevel | null;
  sealedByName: string | null;
  pickupId: number | null;
  pickedUpOn: string | null;
  manifestNumber: string | null;
  /** Needles disposed into it by recorded (not voided) sessions. */
  needlesIn: number;
  percentOfFillLine: number;
  /** Average needles a day over the last 30 days (or since placed, if that is shorter). */
  needlesPerDay: number;
  /** When it is expected to reach its fill line at that rate; null when sealed or unused. */
  predictedFillLineOn: string | null;
  lastCheck: FillCheckView | null;
  daysInService: number;
  /** In service longer than this is flagged (settings.containerReplacementDays). */
  replaceBy: string;
  /** Sealed containers waiting longer than this for pickup are flagged (settings.sealedPickupDays). */
  pickupBy: string | null;
  flags: ContainerFlag[];
  retainUntil: string | null;
  recordedAt: string;
  recordedByName: string;
  voidReason: string | null;
}

export interface RoomWithoutContainer {
  room: string;
  sessions: number;
  lastSessionOn: string;
}

export interface SharpsOverview {
  today: string;
  containers: ContainerView[];
  /** Rooms where needling happened in the last 30 days but no container is in service, (d)(4)(iii)(A)(2)(i). */
  roomsWithoutContainer: RoomWithoutContainer[];
}

export interface ContainerDetail {
  container: ContainerView;
  checks: FillCheckView[];
  sessions: number;
}

export interface PickupView {
  id: number;
  pickedUpOn: string;
  hauler: string;
  manifestNumber: string;
  weight: number | null;
  weightUnit: WeightUnit | null;
  note: string;
  containers: Array<{ id: number; label: string; room: string }>;
  certificateReference: string | null;
  certificateReceivedOn: string | null;
  status: 'recorded' | 'voided';
  voidReason: string | null;
  recordedAt: string;
  recordedByName: string;
  retainUntil: string;
}

const fillLevel = z.enum(fillLevels, { error: `must be one of: ${fillLevels.join(', ')}` });

export const sharpsMethods = {
  'compliance.listContainers': method<SharpsOverview>()({
    input: z.strictObject({ includeClosed: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: 'Sharps containers with fill estimate, predicted fill-line date and flags; rooms that need one.',
  }),
  'compliance.containerDetail': method<ContainerDetail>()({
    input: z.strictObject({ id: recordId }),
    kind: 'read',
    roles: readers,
    summary: 'One sharps container with every fill check.',
  }),
  'compliance.registerContainer': method<ContainerView>()({
    input: z.strictObject({
      label: requiredText(40),
      size: requiredText(20),
      make: optionalText(80),
      room: requiredText(40),
      capacityNeedles: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100,000'),
      placedInServiceOn: businessDate,
      note: optionalText(500),
    }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Places a sharps container in service in a room.',
  }),
  'compliance.recordFillCheck': method<ContainerView>()({
    input: z.strictObject({
      containerId: recordId,
      checkedOn: businessDate,
      level: fillLevel,
      isUprightAndClosed: z.boolean({ error: 'must say whether it was upright and closed' }),
      note: optionalText(500),
    }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Records a fill check of a container in service (the acting staff member checked it).',
  }),
  'compliance.voidFillCheck': method<ContainerView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a fill check entered by mistake; it stays visible with the reason.',
  }),
  'compliance.sealContainer': method<ContainerView>()({
    input: z.strictObject({ containerId: recordId, sealedOn: businessDate, level: fillLevel, note: optionalText(500) }),
    kind: 'write',
    roles: clinicalStaff,
    summary: 'Seals and removes a container; it takes no more needles and waits for pickup.',
  }),
  'compliance.voidContainer': method<ContainerView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a container registered by mistake (only while in service and unused by any session).',
  }),
  'compliance.recordPickup': method<PickupView>()({
    input: z
      .strictObject({
        pickedUpOn: businessDate,
        hauler: requiredText(120),
        manifestNumber: requiredText(60),
        containerIds: z.array(recordId).min(1, 'a pickup takes at least one sealed container').max(200),
        weight: z.number({ error: 'must be a number' }).positive('must be more than 0').max(100_000).nullable().default(null),
        weightUnit: z.enum(weightUnits).nullable().default(null),
        note: optionalText(500),
      })
      .refine((p) => p.weight === null || p.weightUnit !== null, { message: 'must say lb or kg when a weight is given', path: ['weightUnit'] }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Records a waste pickup with its manifest; every container in it must be sealed.',
  }),
  'compliance.recordCertificate': method<PickupView>()({
    input: z.strictObject({ pickupId: recordId, certificateReference: requiredText(80), receivedOn: businessDate }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Records the certificate of destruction (or returned manifest copy) for a pickup.',
  }),
  'compliance.voidPickup': method<PickupView>()({
    input: z.strictObject({ id: recordId, reason: changeReason }),
    kind: 'write',
    roles: managersOnly,
    summary: 'Voids a pickup recorded by mistake; its containers wait for pickup again.',
  }),
  'compliance.listPickups': method<PickupView[]>()({
    input: z.strictObject({ includeVoided: z.boolean().default(false) }),
    kind: 'read',
    roles: readers,
    summary: 'Waste pickups, newest first, with their containers and certificates.',
  }),
};
