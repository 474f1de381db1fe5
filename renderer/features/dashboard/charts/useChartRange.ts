// The chart range of a page, kept in the address so a view can be reloaded or linked.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useClinicSession } from '../../../app/ClinicSessionContext';
import { rangeFromSearchParams, rangeToSearchParams, type ChartRange, type RangePreset } from './date-range';

/** `fallback`: the preset shown when the address names no range (the last 12 months unless a page needs less). */
export function useChartRange(fallback: Exclude<RangePreset, 'custom'> = 'twelveMonths'): [ChartRange, (next: ChartRange) => void] {
  const { today } = useClinicSession();
  const [params, setParams] = useSearchParams();
  const range = rangeFromSearchParams(params, today, fallback);
  const setRange = useCallback((next: ChartRange) => setParams((current) => rangeToSearchParams(next, current), { replace: true }), [setParams]);
  return [range, setRange];
}
