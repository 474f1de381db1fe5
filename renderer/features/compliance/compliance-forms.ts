// What every compliance form shares: reading text values as numbers, ids and flags; checking the result with the
// API's own input schema; and placing a refused submit beside the field at fault, even when the API names a list
// item ("containerIds.0") or a nested record ("injury.occurredOn") rather than the form field.
import { contract, type MethodInput, type MethodName } from '../../../db/api/contract';
import type { StaffRole } from '../../../db/api/roles';
import { ApiCallFailed } from '../../api/client';
import { checkWithSchema, messageForField, placeSubmitError, type FieldErrors, type ShownError } from '../../lib/form-errors';
import { numberFromText } from '../inventory/form-numbers';

export type InputCheck<I> = { ok: true; input: I } | { ok: false; fieldErrors: FieldErrors };

/**
 * The form field an API or schema path belongs to: the path itself, or the list it is an item of
 * ("followUps.1.on" → "followUps"), optionally under the key an amend nests the record in ("injury.").
 */
export function toFormField(path: string, fields: readonly string[]): string | null {
  const parts = path.split('.');
  for (const start of [0, 1]) {
    for (let end = parts.length; end > start; end--) {
      const candidate = parts.slice(start, end).join('.');
      if (fields.includes(candidate)) return candidate;
    }
  }
  return null;
}

/** Runs the method's input schema and merges its messages (first one per field wins) after the form's own. */
export function checkMethodInput<M extends MethodName>(method: M, input: MethodInput<M>, fields: readonly string[], earlier: FieldErrors = {}): InputCheck<MethodInput<M>> {
  const errors: FieldErrors = { ...earlier };
  const check = checkWithSchema(contract[method].input, input);
  if (!check.ok) {
    for (const [path, message] of Object.entries(check.fieldErrors)) errors[toFormField(path, fields) ?? path] ??= message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, input };
}

/** A refused submit beside its form field (list items and nested paths included), otherwise as an alert. */
export function placeComplianceError(error: unknown, fields: readonly string[]): ShownError {
  if (error instanceof ApiCallFailed && error.field !== undefined) {
    const field = toFormField(error.field, fields);
    if (field !== null) return { fieldErrors: { [field]: messageForField(messageForField(error.message, error.field), field) }, alert: null };
  }
  return placeSubmitError(error, fields);
}

/** Messages keyed by something the form has no field for (the schema's "input", an "id"): shown above the form. */
export function unplacedErrors(fieldErrors: FieldErrors, fields: readonly string[]): string[] {
  return Object.entries(fieldErrors)
    .filter(([field]) => !fields.includes(field))
    .map(([field, message]) => (field === 'input' ? message : `${field}: ${message}`));
}

/** Reads form text into typed values, collecting "must be a number" and "choose ..." messages on the way. */
export class FormReader<Values extends Record<string, string>> {
  readonly errors: FieldErrors = {};
  constructor(private readonly values: Values) {}

  text(field: keyof Values & string): string {
    return this.values[field] ?? '';
  }

  number(field: keyof Values & string): number {
    const n = numberFromText(this.text(field));
    if (n === null) this.errors[field] ??= 'must be a number';
    return n ?? Number.NaN;
  }

  optionalNumber(field: keyof Values & string): number | null {
    return this.text(field).trim() === '' ? null : this.number(field);
  }

  /** A required choice from a list of records; blank says what to choose. */
  id(field: keyof Values & string, what: string): number {
    const text = this.text(field);
    if (!/^\d+$/.test(text)) {
      this.errors[field] ??= `choose ${what}`;
      return Number.NaN;
    }
    return Number(text);
  }

  optionalId(field: keyof Values & string): number | null {
    return this.text(field).trim() === '' ? null : this.number(field);
  }

  ids(field: keyof Values & string): number[] {
    return idsFromText(this.text(field));
  }

  flag(field: keyof Values & string): boolean {
    return this.text(field) === 'true';
  }

  /** A required answer from a fixed list; blank says what to choose instead of listing the codes. */
  choice<T extends string>(field: keyof Values & string, what: string): T {
    if (this.text(field) === '') this.errors[field] ??= `choose ${what}`;
    return this.text(field) as T;
  }

  optionalChoice<T extends string>(field: keyof Values & string): T | null {
    return this.text(field) === '' ? null : (this.text(field) as T);
  }
}

/** "3,1,2" → [3, 1, 2]: a multi-select kept as text in the form state. */
export function idsFromText(text: string): number[] {
  return text
    .split(',')
    .filter((part) => /^\d+$/.test(part.trim()))
    .map((part) => Number(part.trim()));
}

export function idsToText(ids: readonly number[]): string {
  return ids.join(',');
}

/** Whether the acting role may call a method; the API still decides, this only keeps the screen honest. */
export function canCall(method: MethodName, role: StaffRole): boolean {
  const roles = contract[method].roles;
  return roles !== 'signed_out' && roles.includes(role);
}

export type VoidMethod =
  | 'compliance.voidFillCheck'
  | 'compliance.voidContainer'
  | 'compliance.voidPickup'
  | 'compliance.voidInjury'
  | 'compliance.voidMdr'
  | 'compliance.voidTraining'
  | 'compliance.voidPlanReview'
  | 'compliance.voidCredential';

export function toVoidInput(method: VoidMethod, id: number, values: { reason: string }): InputCheck<{ id: number; reason: string }> {
  return checkMethodInput(method, { id, reason: values.reason }, ['reason']);
}
