// Turns a failed schema check or a refused API call into messages beside fields, or one alert when no field is named.
import type { z } from 'zod';
import { ApiCallFailed } from '../api/client';

export type FieldErrors = Record<string, string>;

export type FormCheck<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** Runs the API's own input schema, so the user sees before submit the message the server would give after. */
export function checkWithSchema<S extends z.ZodType>(schema: S, values: unknown): FormCheck<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    // The first problem of a field is the one worth fixing first.
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/** The dispatcher prefixes validation messages with the field ("name: must not be empty"); beside the field that is noise. */
export function messageForField(message: string, field: string): string {
  const prefix = `${field}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export interface ShownError {
  fieldErrors: FieldErrors;
  /** Shown as an alert above the form when no field on the form is at fault. */
  alert: string | null;
}

/** Where an error from a submit shows: beside its field when the form has that field, otherwise as an alert. */
export function placeSubmitError(error: unknown, formFields: readonly string[]): ShownError {
  if (error instanceof ApiCallFailed) {
    if (error.field !== undefined && formFields.includes(error.field)) {
      return { fieldErrors: { [error.field]: messageForField(error.message, error.field) }, alert: null };
    }
    return { fieldErrors: {}, alert: error.message };
  }
  return { fieldErrors: {}, alert: error instanceof Error ? error.message : 'Something went wrong.' };
}

/** Empty optional inputs mean "not given": the schemas treat '' as a value (and refuse '' as a PIN). */
export function blankToUndefined(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}
