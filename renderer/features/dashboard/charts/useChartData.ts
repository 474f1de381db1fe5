// The two reads behind every chart (sessions.counts and revenue.series) for a range; a page that already holds
// the same figures (the Dashboard's summary for the last 12 months) passes them in and nothing is fetched.
import { keepPreviousData } from '@tanstack/react-query';
import type { RevenuePeriod } from '../../../../db/revenue/revenue-contract';
import type { CountBucket } from '../../../../db/sessions/sessions-contract';
import { useApiQuery } from '../../../api/useApiQuery';
import { revenueGranularity, type ChartRange } from './date-range';

export function useSessionCounts(range: ChartRange, preloaded?: CountBucket[]) {
  return useApiQuery(
    'sessions.counts',
    { from: range.from, to: range.to, granularity: range.granularity },
    { enabled: preloaded === undefined, placeholderData: keepPreviousData },
  );
}

export function useRevenueSeries(range: ChartRange, preloaded?: RevenuePeriod[]) {
  return useApiQuery(
    'revenue.series',
    { from: range.from, to: range.to, granularity: revenueGranularity(range.granularity) },
    { enabled: preloaded === undefined, placeholderData: keepPreviousData },
  );
}

/** Staff names for the therapist split, inactive staff included: old sessions name them too. Fetched only where that chart shows. */
export function useStaffNames(enabled = true) {
  return useApiQuery('staff.list', { includeInactive: true }, { enabled });
}
