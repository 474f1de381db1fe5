import { describe, expect, it } from 'vitest';
import { sessionListFilter } from '../../../db/sessions/sessions-contract';
import {
  currentCursor,
  defaultSessionFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  firstSessionPage,
  sessionPageNumber,
  sessionsListHref,
  toNextPage,
  toPreviousPage,
  toSessionListInput,
} from './session-filters';

const today = '2026-11-29';

describe('session filters in the address', () => {
  it('defaults to the last 30 days', () => {
    expect(filtersFromSearchParams(new URLSearchParams(), today)).toEqual(defaultSessionFilters(today));
    expect(defaultSessionFilters(today).from).toBe('2026-10-31');
  });

  it('round-trips every filter', () => {
    const values = { from: '2026-01-01', to: '2026-01-31', therapistId: '4', kind: 'self_pay' as const, chartNumber: 'CH-1', includeVoided: true };
    expect(filtersFromSearchParams(filtersToSearchParams(values), today)).toEqual(values);
  });

  it('ignores values that are not filters', () => {
    const values = filtersFromSearchParams(new URLSearchParams('kind=free&therapistId=abc'), today);
    expect(values.kind).toBe('');
    expect(values.therapistId).toBe('');
  });

  it('links a chart bar to its sessions', () => {
    expect(sessionsListHref({ from: '2026-11-02', to: '2026-11-08', kind: 'self_pay' })).toBe('/sessions?from=2026-11-02&to=2026-11-08&kind=self_pay');
    expect(sessionsListHref({ from: '2026-11-02', to: '2026-11-02', therapistId: 5 })).toBe('/sessions?from=2026-11-02&to=2026-11-02&therapistId=5');
  });
});

describe('toSessionListInput', () => {
  it('leaves out blank filters and passes the cursor', () => {
    const input = toSessionListInput(defaultSessionFilters(today), { sessionDate: '2026-11-20', id: 9 }, 50);
    expect(input).toEqual({ from: '2026-10-31', to: today, includeVoided: false, limit: 50, after: { sessionDate: '2026-11-20', id: 9 } });
    expect(sessionListFilter.safeParse(input).success).toBe(true);
  });

  it('passes chosen filters in the API types, trimming the chart number', () => {
    const input = toSessionListInput({ ...defaultSessionFilters(today), therapistId: '3', kind: 'plan_of_care', chartNumber: ' CH-7 ' }, undefined, 10);
    expect(input).toMatchObject({ therapistId: 3, kind: 'plan_of_care', chartNumber: 'CH-7' });
  });

  it('yields an input the API refuses when the range is reversed, naming from', () => {
    const parsed = sessionListFilter.safeParse(toSessionListInput({ ...defaultSessionFilters(today), from: '2026-12-01' }, undefined, 10));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['from']);
  });
});

describe('session paging', () => {
  it('goes forward by cursor and back along the way it came', () => {
    const a = { sessionDate: '2026-11-20', id: 9 };
    const b = { sessionDate: '2026-11-10', id: 4 };
    const page3 = toNextPage(toNextPage(firstSessionPage, a), b);
    expect(sessionPageNumber(page3)).toBe(3);
    expect(currentCursor(page3)).toEqual(b);
    expect(currentCursor(toPreviousPage(page3))).toEqual(a);
    expect(currentCursor(firstSessionPage)).toBeUndefined();
  });
});
