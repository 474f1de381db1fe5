// How dates, times, roles and hashes read on screen. Pure, so the same text shows everywhere and is unit-tested.
import { roleLabels, type StaffRole } from '../../db/api/roles';

/** An instant (UTC ISO) as the clinic's local date and time, e.g. "2025-03-04 14:05:09". */
export function formatLocalDateTime(isoInstant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(isoInstant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** A business date (YYYY-MM-DD) written out, e.g. "Tuesday, March 4, 2025"; the date itself carries no time zone. */
export function formatBusinessDateLong(businessDate: string): string {
  const [y, m, d] = businessDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Enough of a SHA-256 hex digest to compare by eye. */
export function shortHash(hash: string, length = 12): string {
  return hash.length <= length ? hash : `${hash.slice(0, length)}…`;
}

export function roleLabel(role: StaffRole): string {
  return roleLabels[role];
}

/** Audit actions are snake_case identifiers; people read "set pin", "settings change". */
export function humanizeIdentifier(identifier: string): string {
  return identifier.replaceAll('_', ' ');
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
