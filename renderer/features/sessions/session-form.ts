// The session entry form as it holds its values (text, as typed), its defaults (today, now rounded, the visit
// kit with FEFO lots), the needle count check, and the mapping to sessions.record's input. Pure.
import type { MethodInput } from '../../../db/api/contract';
import {
  sessionFields,
  type AdverseEvent,
  type BodyRegion,
  type SessionDetail,
  type SessionFormDefaults,
  type SessionKind,
} from '../../../db/sessions/sessions-contract';
import { checkWithSchema, type FieldErrors } from '../../lib/form-errors';

export interface StockLineValues {
  /** React key only; never sent. */
  key: string;
  itemId: string;
  lotId: string;
  quantity: string;
}

export interface SessionFormValues {
  sessionDate: string;
  startTime: string;
  therapistId: string;
  chartNumber: string;
  kind: SessionKind;
  room: string;
  bodyRegions: BodyRegion[];
  needles: StockLineValues[];
  supplies: StockLineValues[];
  /** Whether the supply lines were changed by hand (then a new kind or date does not replace them with the kit). */
  areSuppliesEdited: boolean;
  handHygiene: boolean;
  glovesWorn: boolean;
  skinPrep: boolean;
  needlesToSharps: boolean;
  /** null follows the needles opened (the usual case); typed, it is what went into the sharps container. */
  needlesDisposed: string | null;
  countMismatchReason: string;
  painBefore: string;
  painAfter: string;
  adverseEvent: AdverseEvent;
  adverseEventNote: string;
  notes: string;
  consentOverrideReason: string;
  afterCloseReason: string;
}

let lineCounter = 0;
export function newLineKey(): string {
  lineCounter += 1;
  return `line-${lineCounter}`;
}

export function emptyLine(itemId = '', lotId = '', quantity = ''): StockLineValues {
  return { key: newLineKey(), itemId, lotId, quantity };
}

/** The clinic's local time now, rounded to the nearest `stepMinutes` (never past 23:55), as HH:MM. */
export function roundedTimeNow(now: Date, timeZone: string, stepMinutes = 5): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  const total = Math.min(Math.round((hour * 60 + minute) / stepMinutes) * stepMinutes, 24 * 60 - stepMinutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function blankSessionForm(start: { sessionDate: string; startTime: string; therapistId: string; kind?: SessionKind; room?: string }): SessionFormValues {
  return {
    sessionDate: start.sessionDate,
    startTime: start.startTime,
    therapistId: start.therapistId,
    chartNumber: '',
    kind: start.kind ?? 'plan_of_care',
    room: start.room ?? '',
    bodyRegions: [],
    needles: [emptyLine()],
    supplies: [],
    areSuppliesEdited: false,
    handHygiene: true,
    glovesWorn: true,
    skinPrep: true,
    needlesToSharps: true,
    needlesDisposed: null,
    countMismatchReason: '',
    painBefore: '',
    painAfter: '',
    adverseEvent: 'none',
    adverseEventNote: '',
    notes: '',
    consentOverrideReason: '',
    afterCloseReason: '',
  };
}

/**
 * Fills what the visit starts from: an unchosen needle line gets the first needle product with usable stock and
 * its FEFO lot; the supplies become the kind's visit kit with FEFO lots, unless they were edited by hand.
 */
export function applyFormDefaults(values: SessionFormValues, defaults: SessionFormDefaults): SessionFormValues {
  const firstNeedle = defaults.needleItems.find((n) => n.lotId !== null) ?? defaults.needleItems[0];
  const needles = values.needles.map((line) => {
    if (line.itemId !== '' || !firstNeedle) return line;
    return { ...line, itemId: String(firstNeedle.itemId), lotId: firstNeedle.lotId === null ? '' : String(firstNeedle.lotId) };
  });
  const supplies = values.areSuppliesEdited
    ? values.supplies
    : defaults.kit.map((k) => emptyLine(String(k.itemId), k.lotId === null ? '' : String(k.lotId), String(k.quantity)));
  return { ...values, needles, supplies };
}

/** The FEFO lot of a needle product, for a line whose product changes. */
export function fefoNeedleLot(defaults: SessionFormDefaults | undefined, itemId: string): string {
  const lot = defaults?.needleItems.find((n) => String(n.itemId) === itemId)?.lotId;
  return lot === null || lot === undefined ? '' : String(lot);
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  // Blank is "not given" (the schema says what is needed); anything else is passed as the number it reads as,
  // NaN included, so "2.5" or "x" get the schema's own message.
  return trimmed === '' ? undefined : Number(trimmed);
}

export function needlesOpened(values: Pick<SessionFormValues, 'needles'>): number {
  return values.needles.reduce((sum, line) => {
    const n = Number(line.quantity);
    return sum + (Number.isInteger(n) && n > 0 ? n : 0);
  }, 0);
}

/** Needle count in = out: disposed follows opened until typed; a different number is a mismatch needing a reason. */
export function needleCount(values: Pick<SessionFormValues, 'needles' | 'needlesDisposed'>): { opened: number; disposed: number | undefined; isMismatch: boolean } {
  const opened = needlesOpened(values);
  const disposed = values.needlesDisposed === null ? opened : wholeNumber(values.needlesDisposed);
  return { opened, disposed, isMismatch: disposed !== undefined && Number.isFinite(disposed) && disposed !== opened };
}

type SessionInput = MethodInput<'sessions.record'>;

/** The form's values as sessions.record takes them; numbers that do not read as numbers stay NaN for the schema to name. */
export function toSessionInput(values: SessionFormValues): SessionInput {
  const line = (l: StockLineValues) => ({ itemId: wholeNumber(l.itemId) as number, lotId: wholeNumber(l.lotId) as number, quantity: wholeNumber(l.quantity) as number });
  const { disposed, isMismatch } = needleCount(values);
  return {
    sessionDate: values.sessionDate,
    startTime: values.startTime,
    therapistId: wholeNumber(values.therapistId) as number,
    chartNumber: values.chartNumber,
    kind: values.kind,
    room: values.room,
    bodyRegions: values.bodyRegions,
    needles: values.needles.map(line),
    supplies: values.supplies.map(line),
    handHygiene: values.handHygiene,
    glovesWorn: values.glovesWorn,
    skinPrep: values.skinPrep,
    needlesToSharps: values.needlesToSharps,
    needlesDisposed: disposed as number,
    countMismatchReason: isMismatch ? values.countMismatchReason : '',
    painBefore: wholeNumber(values.painBefore) as number,
    painAfter: wholeNumber(values.painAfter) as number,
    adverseEvent: values.adverseEvent,
    adverseEventNote: values.adverseEvent === 'none' ? '' : values.adverseEventNote,
    notes: values.notes,
    consentOverrideReason: values.consentOverrideReason,
    afterCloseReason: values.afterCloseReason,
  };
}

/** Fields whose blank value the schema would describe in type words; the form says what to do instead. */
const blankMessages: Array<[RegExp, string]> = [
  [/^therapistId$/, 'choose the therapist'],
  [/^(needles|supplies)\.\d+\.itemId$/, 'choose the product'],
  [/^(needles|supplies)\.\d+\.lotId$/, 'choose the lot'],
  [/^(needles|supplies)\.\d+\.quantity$/, 'enter how many'],
  [/^painBefore$|^painAfter$/, 'enter a score from 0 to 10'],
  [/^needlesDisposed$/, 'enter how many went into the sharps container'],
];

/**
 * Checks with the API's own schema, then the rules the form can see before the server does (the same ones
 * sessions.record applies): a needle count mismatch needs a reason, an adverse event needs a note, and a
 * consent override needs its reason when the chart has no consent on file.
 */
export function checkSessionForm(values: SessionFormValues, context: { needsConsentReason: boolean; needsAfterCloseReason: boolean }): { ok: true; input: SessionInput } | { ok: false; fieldErrors: FieldErrors } {
  const input = toSessionInput(values);
  const check = checkWithSchema(sessionFields, input);
  const fieldErrors: FieldErrors = check.ok ? {} : { ...check.fieldErrors };
  for (const field of Object.keys(fieldErrors)) {
    const value = field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], input);
    const friendly = blankMessages.find(([pattern]) => pattern.test(field))?.[1];
    if (friendly && value === undefined) fieldErrors[field] = friendly;
  }
  if (needleCount(values).isMismatch && values.countMismatchReason.trim() === '') {
    fieldErrors.countMismatchReason ??= 'the needle count does not match: say why';
  }
  if (values.adverseEvent !== 'none' && values.adverseEventNote.trim() === '') fieldErrors.adverseEventNote ??= 'describe the adverse event and its follow-up';
  if (context.needsConsentReason && values.consentOverrideReason.trim() === '') fieldErrors.consentOverrideReason ??= 'no consent on file: record it, or say why you proceed';
  if (context.needsAfterCloseReason && values.afterCloseReason.trim() === '') fieldErrors.afterCloseReason ??= 'this day is closed: say why the session is entered late';
  return Object.keys(fieldErrors).length === 0 ? { ok: true, input } : { ok: false, fieldErrors };
}

/** The form filled from a recorded session, for an amendment: every field as it stands, stock lines with their lots. */
export function formValuesFromSession(session: SessionDetail): SessionFormValues {
  const line = (u: SessionDetail['needles'][number]) => emptyLine(String(u.itemId), String(u.lotId), String(u.quantity));
  return {
    sessionDate: session.sessionDate,
    startTime: session.startTime,
    therapistId: String(session.therapistId),
    chartNumber: session.chartNumber,
    kind: session.kind,
    room: session.room,
    bodyRegions: session.bodyRegions,
    needles: session.needles.length > 0 ? session.needles.map(line) : [emptyLine()],
    supplies: session.supplies.map(line),
    areSuppliesEdited: true,
    handHygiene: session.handHygiene,
    glovesWorn: session.glovesWorn,
    skinPrep: session.skinPrep,
    needlesToSharps: session.needlesToSharps,
    // A count that matched keeps following the needles opened, so correcting the needles needs no second edit.
    needlesDisposed: session.needlesDisposed === session.needlesOpened ? null : String(session.needlesDisposed),
    countMismatchReason: session.countMismatchReason ?? '',
    painBefore: String(session.painBefore),
    painAfter: String(session.painAfter),
    adverseEvent: session.adverseEvent,
    adverseEventNote: session.adverseEventNote,
    notes: session.notes,
    consentOverrideReason: session.consentOverrideReason ?? '',
    afterCloseReason: session.afterCloseReason ?? '',
  };
}

/** The form fields a refused save may name, so the error shows beside the right input (needles.0.lotId, ...). */
export function sessionFormFieldNames(values: Pick<SessionFormValues, 'needles' | 'supplies'>): string[] {
  const lines = (group: 'needles' | 'supplies', count: number) =>
    Array.from({ length: count }, (_, i) => [`${group}.${i}.itemId`, `${group}.${i}.lotId`, `${group}.${i}.quantity`, `${group}.${i}`]).flat();
  return [
    'sessionDate',
    'startTime',
    'therapistId',
    'chartNumber',
    'kind',
    'room',
    'bodyRegions',
    'needles',
    'supplies',
    ...lines('needles', values.needles.length),
    ...lines('supplies', values.supplies.length),
    'needlesDisposed',
    'countMismatchReason',
    'painBefore',
    'painAfter',
    'adverseEvent',
    'adverseEventNote',
    'notes',
    'consentOverrideReason',
    'afterCloseReason',
    'sharpsContainerId',
  ];
}
