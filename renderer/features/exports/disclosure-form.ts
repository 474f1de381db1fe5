// The record-a-disclosure form as text, and how it becomes disclosures.record input (the contract's schema checks it).
import { disclosureInput, type LegalBasis } from '../../../db/exports/exports-contract';
import type { MethodInput } from '../../../db/api/contract';
import { checkWithSchema, type FieldErrors } from '../../lib/form-errors';

export interface DisclosureFormValues {
  disclosedOn: string;
  recipientName: string;
  recipientAddress: string;
  purpose: string;
  phiDescription: string;
  legalBasis: string;
  chartNumbers: string;
  [key: string]: string;
}

export function newDisclosureValues(today: string): DisclosureFormValues {
  return { disclosedOn: today, recipientName: '', recipientAddress: '', purpose: '', phiDescription: '', legalBasis: 'public_health_164_512b', chartNumbers: '' };
}

/** "C-1001, C-1002\nC-1003" → ["C-1001", "C-1002", "C-1003"], duplicates dropped, order kept. */
export function parseChartNumbers(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((entry) => entry !== ''))];
}

export type DisclosureCheck = { ok: true; input: MethodInput<'disclosures.record'> } | { ok: false; fieldErrors: FieldErrors };

export function toDisclosureInput(values: DisclosureFormValues): DisclosureCheck {
  const input: MethodInput<'disclosures.record'> = {
    disclosedOn: values.disclosedOn,
    recipientName: values.recipientName,
    recipientAddress: values.recipientAddress,
    purpose: values.purpose,
    phiDescription: values.phiDescription,
    legalBasis: values.legalBasis as LegalBasis,
    chartNumbers: parseChartNumbers(values.chartNumbers),
  };
  const check = checkWithSchema(disclosureInput, input);
  if (check.ok) return { ok: true, input };
  // A bad entry in the list ("chartNumbers.2") belongs beside the one chart-number field.
  const fieldErrors: FieldErrors = {};
  for (const [field, message] of Object.entries(check.fieldErrors)) {
    const key = field.startsWith('chartNumbers') ? 'chartNumbers' : field;
    fieldErrors[key] ??= message;
  }
  return { ok: false, fieldErrors };
}
