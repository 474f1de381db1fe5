// The sessions list's filters as the address holds them (so a chart bar can link to "the sessions behind it"),
// as the filter form holds them (text), and as sessions.list takes them. Pure.
import type { MethodInput } from '../../../db/api/contract';
import { sessionKinds, type SessionKind } from '../../../db/sessions/sessions-contract';
import { addDays } from '../dashboard/charts/date-range';

export interface SessionFilterValues {
  from: string;
  to: string;
  therapistId: string;
  kind: '' | SessionKind;
  chartNumber: string;
  includeVoided: boolean;
}

/** The last 30 days, everyone, both kinds. */
export function defaultSessionFilters(today: string): SessionFilterValues {
  return { from: addDays(today, -29), to: today, therapistId: '', kind: '', chartNumber: '', includeVoided: false };
}

export function filtersFromSearchParams(params: URLSearchParams, today: string): SessionFilterValues {
  const defaults = defaultSessionFilters(today);
  const kind = params.get('kind');
  return {
    from: params.get('from') ?? defaults.from,
    to: params.get('to') ?? defaults.to,
    therapistId: /^\d+$/.test(params.get('therapistId') ?? '') ? (params.get('therapistId') as string) : '',
    kind: sessionKinds.includes(kind as SessionKind) ? (kind as SessionKind) : '',
    chartNumber: params.get('chart') ?? '',
    includeVoided: params.get('voided') === '1',
  };
}

export function filtersToSearchParams(values: SessionFilterValues): URLSearchParams {
  const params = new URLSearchParams({ from: values.from, to: values.to });
  if (values.therapistId) params.set('therapistId', values.therapistId);
  if (values.kind) params.set('kind', values.kind);
  if (values.chartNumber.trim()) params.set('chart', values.chartNumber.trim());
  if (values.includeVoided) params.set('voided', '1');
  return params;
}

/** The address of the sessions list showing exactly these sessions (used by chart bars and table cells). */
export function sessionsListHref(filter: { from: string; to: string; kind?: SessionKind; therapistId?: number; chartNumber?: string }): string {
  const params = filtersToSearchParams({
    from: filter.from,
    to: filter.to,
    kind: filter.kind ?? '',
    therapistId: filter.therapistId === undefined ? '' : String(filter.therapistId),
    chartNumber: filter.chartNumber ?? '',
    includeVoided: false,
  });
  return `/sessions?${params.toString()}`;
}

export type SessionCursor = { sessionDate: string; id: number };

/** Blank filters are left out, so the API applies no condition for them. */
export function toSessionListInput(values: SessionFilterValues, after: SessionCursor | undefined, limit: number): MethodInput<'sessions.list'> {
  const input: MethodInput<'sessions.list'> = { from: values.from, to: values.to, includeVoided: values.includeVoided, limit };
  if (values.therapistId) input.therapistId = Number(values.therapistId);
  if (values.kind) input.kind = values.kind;
  if (values.chartNumber.trim()) input.chartNumber = values.chartNumber.trim();
  if (after) input.after = after;
  return input;
}

/** Keyset paging: "Next" follows the server's cursor, "Previous" pops back along the way we came. */
export interface SessionPaging {
  readonly cursors: readonly SessionCursor[];
}

export const firstSessionPage: SessionPaging = { cursors: [] };

export function currentCursor(paging: SessionPaging): SessionCursor | undefined {
  return paging.cursors.at(-1);
}

export function toNextPage(paging: SessionPaging, next: SessionCursor): SessionPaging {
  return { cursors: [...paging.cursors, next] };
}

export function toPreviousPage(paging: SessionPaging): SessionPaging {
  return { cursors: paging.cursors.slice(0, -1) };
}

export function sessionPageNumber(paging: SessionPaging): number {
  return paging.cursors.length + 1;
}
