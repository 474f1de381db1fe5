// Field schemas that every area uses, so the same rule gives the same message everywhere. Pure zod.
import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealCalendarDate, 'is not a real calendar date');

export function isRealCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A local time of day written HH:MM (24-hour). */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (24-hour)');

/** Text a person must fill in: trimmed, not empty, bounded. */
export function requiredText(maxLength = 200) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`);
}

export function optionalText(maxLength = 2000) {
  return z.string().trim().max(maxLength, `must be at most ${maxLength} characters`).default('');
}

/** Why a record is voided or amended; required so the log explains every change. */
export const changeReason = z
  .string()
  .trim()
  .min(3, 'must say why (at least 3 characters)')
  .max(500, 'must be at most 500 characters');

export const recordId = z.number().int('must be a whole number').positive('must be a positive id').max(Number.MAX_SAFE_INTEGER);

/** Money in integer cents. */
export const cents = z
  .number()
  .int('must be whole cents')
  .min(0, 'must not be negative')
  .max(100_000_000, 'is larger than any amount this clinic handles ($1,000,000)');

export const pin = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

/** Inclusive business-date range; from must not be after to. */
export const dateRange = z
  .strictObject({ from: businessDate, to: businessDate })
  .refine((r) => r.from <= r.to, { message: 'must not be after the end date', path: ['from'] });
