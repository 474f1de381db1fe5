// What an amendment changed, field by field in words, from the before and after snapshots the API keeps. Pure.
import { bodyRegionLabels, sessionKindLabels, type AdverseEvent, type BodyRegion, type SessionKind } from '../../../db/sessions/sessions-contract';
import { formatCents } from '../revenue/money';
import { adverseEventLabels } from './session-labels';

type Snapshot = Record<string, unknown>;

const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : '—');
const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const lines = (v: unknown) =>
  Array.isArray(v) && v.length > 0 ? v.map((l: { lotNumber?: string; quantity?: number }) => `${l.lotNumber ?? '?'} × ${l.quantity ?? '?'}`).join(', ') : '—';

/** The fields a reader cares about, in form order, with how each reads. Movement ids and derived balances are left out. */
const fields: Array<{ key: string; label: string; read: (v: unknown) => string }> = [
  { key: 'sessionDate', label: 'Date', read: text },
  { key: 'startTime', label: 'Start time', read: text },
  { key: 'therapistName', label: 'Therapist', read: text },
  { key: 'chartNumber', label: 'Chart number', read: text },
  { key: 'kind', label: 'Kind', read: (v) => sessionKindLabels[v as SessionKind] ?? text(v) },
  { key: 'room', label: 'Room', read: text },
  { key: 'bodyRegions', label: 'Body regions', read: (v) => (Array.isArray(v) ? v.map((r) => bodyRegionLabels[r as BodyRegion] ?? String(r)).join(', ') : text(v)) },
  { key: 'needles', label: 'Needles (lot × count)', read: lines },
  { key: 'supplies', label: 'Supplies (lot × count)', read: lines },
  { key: 'handHygiene', label: 'Hand hygiene', read: yesNo },
  { key: 'glovesWorn', label: 'Gloves worn', read: yesNo },
  { key: 'skinPrep', label: 'Skin prep', read: yesNo },
  { key: 'needlesToSharps', label: 'Needles into sharps', read: yesNo },
  { key: 'needlesOpened', label: 'Needles opened', read: text },
  { key: 'needlesDisposed', label: 'Needles into the sharps container', read: text },
  { key: 'countMismatchReason', label: 'Count mismatch reason', read: text },
  { key: 'painBefore', label: 'Pain before', read: text },
  { key: 'painAfter', label: 'Pain after', read: text },
  { key: 'adverseEvent', label: 'Adverse event', read: (v) => adverseEventLabels[v as AdverseEvent] ?? text(v) },
  { key: 'adverseEventNote', label: 'Adverse event note', read: text },
  { key: 'notes', label: 'Notes', read: text },
  { key: 'priceCents', label: 'Price', read: (v) => (typeof v === 'number' ? formatCents(v) : text(v)) },
  { key: 'consentOverrideReason', label: 'Reason without consent', read: text },
  { key: 'afterCloseReason', label: 'Late entry reason', read: text },
];

function asSnapshot(value: unknown): Snapshot {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Snapshot) : {};
}

export interface AmendmentChange {
  label: string;
  before: string;
  after: string;
}

/** Only the fields whose reading differs. */
export function amendmentChanges(before: unknown, after: unknown): AmendmentChange[] {
  const b = asSnapshot(before);
  const a = asSnapshot(after);
  return fields
    .map((f) => ({ label: f.label, before: f.read(b[f.key]), after: f.read(a[f.key]) }))
    .filter((c) => c.before !== c.after);
}

/** Every field of one snapshot (the original record, as first entered). */
export function snapshotRows(snapshot: unknown): Array<{ label: string; value: string }> {
  const s = asSnapshot(snapshot);
  return fields.map((f) => ({ label: f.label, value: f.read(s[f.key]) }));
}
