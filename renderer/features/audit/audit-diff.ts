// Compares an audit event's before and after field by field, so a reader sees what changed without reading JSON.

export type FieldChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
  kind: FieldChangeKind;
}

/** Shown where a side has no value for a field (or no side at all, as for a create). */
export const noValue = '—';

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value on one line: strings as they are, everything else as compact JSON. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined) return noValue;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Pretty JSON for the raw view; absent sides read as "—". */
export function prettyAuditJson(value: unknown): string {
  return value === undefined || value === null ? noValue : JSON.stringify(value, null, 2);
}

/**
 * Field-by-field changes when both sides are records (or one side is missing, as for a create or a delete).
 * Returns null when the values are not records (a single setting's number, a list): those read better as JSON.
 * Fields keep the order they first appear in, after then before, so a create lists fields as it stored them.
 */
export function diffAuditValues(before: unknown, after: unknown): FieldChange[] | null {
  const beforeRecord = before === null || before === undefined ? {} : before;
  const afterRecord = after === null || after === undefined ? {} : after;
  if (!isPlainRecord(beforeRecord) || !isPlainRecord(afterRecord)) return null;
  const fields = [...new Set([...Object.keys(afterRecord), ...Object.keys(beforeRecord)])];
  return fields.map((field) => {
    const hasBefore = Object.prototype.hasOwnProperty.call(beforeRecord, field);
    const hasAfter = Object.prototype.hasOwnProperty.call(afterRecord, field);
    const beforeText = hasBefore ? formatAuditValue(beforeRecord[field]) : noValue;
    const afterText = hasAfter ? formatAuditValue(afterRecord[field]) : noValue;
    const kind: FieldChangeKind = !hasBefore ? 'added' : !hasAfter ? 'removed' : beforeText === afterText ? 'unchanged' : 'changed';
    return { field, before: beforeText, after: afterText, kind };
  });
}

/** Fields every update changes; naming them in the summary would hide the change that matters. */
const bookkeepingFields = new Set(['updatedAt']);

/** A one-line summary for the table row: the changed fields of an update ("jobTitle, role"), "old → new" for a single value, "" for a create. */
export function summarizeChanges(changes: FieldChange[] | null, before: unknown, after: unknown): string {
  if (changes === null) return before === undefined || before === null ? '' : `${formatAuditValue(before)} → ${formatAuditValue(after)}`;
  if (before === null || before === undefined) return '';
  return changes
    .filter((c) => c.kind !== 'unchanged' && !bookkeepingFields.has(c.field))
    .map((c) => c.field)
    .join(', ');
}
