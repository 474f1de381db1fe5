// The audit bundle form as text, its date range presets, and how it becomes exports.start input (checked with the
// contract's bundleRequestSchema, so the form says what the API would).
import { bundleRequestSchema, type BundleRequestInput, type LegalBasis } from '../../../db/exports/exports-contract';
import { checkWithSchema, type FieldErrors } from '../../lib/form-errors';

export interface BundleFormValues {
  from: string;
  to: string;
  deidentify: string;
  includeInjuryIdentities: string;
  purpose: string;
  recipient: string;
  legalBasis: string;
  [key: string]: string;
}

export type RangePreset = 'last30Days' | 'thisMonth' | 'lastMonth' | 'lastQuarter' | 'thisYear' | 'lastYear';

export const rangePresetLabels: Record<RangePreset, string> = {
  last30Days: 'Last 30 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  lastQuarter: 'Last full quarter',
  thisYear: 'This year',
  lastYear: 'Last year',
};

export const legalBasisLabels: Record<LegalBasis, string> = {
  public_health_164_512b: 'Public health (164.512(b))',
  required_by_law: 'Required by law',
  health_oversight: 'Health oversight',
  other: 'Other',
};

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** A calendar date (no time zone) as YYYY-MM-DD; months and days may overflow, as Date.UTC allows. */
function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The range a preset names, counted back from today's business date (both ends inclusive). */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  const [y, m, d] = parts(today);
  switch (preset) {
    case 'last30Days':
      return { from: isoDate(y, m, d - 29), to: today };
    case 'thisMonth':
      return { from: isoDate(y, m, 1), to: today };
    case 'lastMonth':
      return { from: isoDate(y, m - 1, 1), to: isoDate(y, m, 0) };
    case 'lastQuarter': {
      const quarterStartMonth = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: isoDate(y, quarterStartMonth - 3, 1), to: isoDate(y, quarterStartMonth, 0) };
    }
    case 'thisYear':
      return { from: isoDate(y, 1, 1), to: today };
    case 'lastYear':
      return { from: isoDate(y - 1, 1, 1), to: isoDate(y - 1, 12, 31) };
  }
}

export function newBundleValues(today: string): BundleFormValues {
  return {
    ...presetRange('last30Days', today),
    deidentify: 'false',
    includeInjuryIdentities: 'false',
    purpose: '',
    recipient: '',
    legalBasis: 'other',
  };
}

export type BundleCheck = { ok: true; input: BundleRequestInput } | { ok: false; fieldErrors: FieldErrors };

export function toBundleRequest(values: BundleFormValues): BundleCheck {
  const recipient = values.recipient.trim();
  const input: BundleRequestInput = {
    from: values.from,
    to: values.to,
    deidentify: values.deidentify === 'true',
    includeInjuryIdentities: values.includeInjuryIdentities === 'true',
    purpose: values.purpose,
    legalBasis: values.legalBasis as LegalBasis,
    ...(recipient === '' ? {} : { recipient }),
  };
  const check = checkWithSchema(bundleRequestSchema, input);
  return check.ok ? { ok: true, input } : { ok: false, fieldErrors: check.fieldErrors };
}
