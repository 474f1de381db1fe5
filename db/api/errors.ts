// The one error shape every API failure becomes, and the error class handlers throw.
import type { AuditEntry } from '../audit/audit-entry';
export type ApiErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_signed_in'
  | 'locked'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'storage_full'
  | 'database_busy'
  | 'database_damaged'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Dotted path of the input field at fault, when one is. */
  field?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  /** A security event to record on its own after the failed call's transaction rolls back (failed sign-in). */
  auditAfterRollback?: AuditEntry;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** A business rule refused the input; names the field when one is at fault. */
export function ruleViolation(message: string, field?: string): ApiError {
  return new ApiError('rule_violation', message, field);
}

export function notFound(message: string, field?: string): ApiError {
  return new ApiError('not_found', message, field);
}

export function invalidInput(message: string, field: string): ApiError {
  return new ApiError('invalid_input', message, field);
}
