// How long each compliance record must be kept, and the date each record's retention ends. Pure.
// There is deliberately no purge method anywhere in the app: retainUntil is only the earliest date a record
// could lawfully be disposed of, nothing can be purged before it, and the compliance tables refuse DELETE outright.
import { addYears, yearOf } from './compliance-dates';

export const retentionKeys = [
  'sharps_injury_log',
  'bbp_training',
  'hbv_vaccination',
  'ecp_review',
  'container_log',
  'waste_pickup',
  'mdr_file',
  'dn_credential',
  'audit_event',
] as const;
export type RetentionKey = (typeof retentionKeys)[number];

export interface RetentionRule {
  key: RetentionKey;
  record: string;
  period: string;
  basis: string;
}

/** compliance.md section 7. */
export const retentionRules: Record<RetentionKey, RetentionRule> = {
  sharps_injury_log: {
    key: 'sharps_injury_log',
    record: 'Sharps injury log',
    period: '5 years after the end of the calendar year of the entry',
    basis: '29 CFR 1910.1030(h)(5)(iii) and 1904.33',
  },
  bbp_training: { key: 'bbp_training', record: 'BBP training records', period: '3 years from the training date', basis: '29 CFR 1910.1030(h)(2)(ii)' },
  hbv_vaccination: {
    key: 'hbv_vaccination',
    record: 'Hepatitis B vaccination summary',
    period: 'duration of employment plus 30 years',
    basis: '29 CFR 1910.1030(h)(1)(iv) and 1910.1020(d)(1)(i)',
  },
  ecp_review: {
    key: 'ecp_review',
    record: 'Exposure control plan reviews',
    period: '6 years from the review',
    basis: 'Clinic policy: covers the 5-year sharps log window and the HIPAA 6-year habit (45 CFR 164.316(b)(2)(i))',
  },
  container_log: {
    key: 'container_log',
    record: 'Sharps container checks and closures',
    period: '3 years from the container being sealed',
    basis: 'Clinic policy matching waste records (compliance.md 7)',
  },
  waste_pickup: {
    key: 'waste_pickup',
    record: 'Regulated medical waste manifests',
    period: '3 years from the pickup',
    basis: 'State law, e.g. CA H&SC 117945, NY 10 NYCRR 70-2.5',
  },
  mdr_file: { key: 'mdr_file', record: 'MDR event files', period: '2 years from the event', basis: '21 CFR 803.18(c)' },
  dn_credential: {
    key: 'dn_credential',
    record: 'Therapist dry-needling credentials',
    period: 'duration of employment plus the state record period',
    basis: 'Clinic policy (boards may audit continuing education)',
  },
  audit_event: { key: 'audit_event', record: 'Audit log events', period: '6 years', basis: '45 CFR 164.316(b)(2)(i) as applied to audit logs' },
};

/** Dec 31 of the fifth year after the entry's calendar year (1904.33). */
export function injuryRetainUntil(occurredOn: string): string {
  return `${yearOf(occurredOn) + 5}-12-31`;
}

export function trainingRetainUntil(trainedOn: string): string {
  return addYears(trainedOn, 3);
}

export function planReviewRetainUntil(reviewedOn: string): string {
  return addYears(reviewedOn, 6);
}

export function mdrRetainUntil(eventOn: string): string {
  return addYears(eventOn, 2);
}

/** Open containers have no end yet: their log is kept from the day they are sealed. */
export function containerLogRetainUntil(sealedOn: string | null): string | null {
  return sealedOn === null ? null : addYears(sealedOn, 3);
}

export function pickupRetainUntil(pickedUpOn: string): string {
  return addYears(pickedUpOn, 3);
}

export function auditEventRetainUntil(atDate: string): string {
  return addYears(atDate, 6);
}
