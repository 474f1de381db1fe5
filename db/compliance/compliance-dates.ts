// Calendar arithmetic the compliance rules need: years, months, weeks and Monday-to-Friday work days. Pure.
import { addDays, daysBetween } from '../clinic/business-time';

export { addDays, daysBetween };

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Same day n months later; a day the target month lacks becomes its last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Same day n years later; Feb 29 becomes Feb 28 in a common year. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function yearOf(date: string): number {
  return parts(date)[0];
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The Monday of the Monday-to-Sunday week holding the date. */
export function mondayOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function isWorkDay(date: string): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6;
}

/** The date n work days (Monday to Friday) after a date, counting from the next day. Holidays are not modelled. */
export function addWorkDays(date: string, workDays: number): string {
  let current = date;
  let left = workDays;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkDay(current)) left -= 1;
  }
  return current;
}

/** Work days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkDay(d)) count += 1;
  return count;
}
