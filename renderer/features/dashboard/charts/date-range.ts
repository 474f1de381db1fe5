// The date range every chart on the Dashboard and Revenue pages follows: presets, granularity, and the
// calendar arithmetic on YYYY-MM-DD business dates that goes with them. Pure.
import { businessDate } from '../../../../db/api/common-schemas';
import type { Granularity } from '../../../../db/sessions/sessions-contract';

export type RangePreset = 'last30' | 'twelveMonths' | 'thisYear' | 'custom';

export interface ChartRange {
  from: string;
  to: string;
  granularity: Granularity;
  preset: RangePreset;
}

export const presetLabels: Record<RangePreset, string> = {
  last30: 'Last 30 days',
  twelveMonths: 'Last 12 months',
  thisYear: 'This year',
  custom: 'Custom',
};

export const granularityLabels: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** Adds whole days to a YYYY-MM-DD date (UTC arithmetic, so no time zone or daylight saving can shift it). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first day of the month `monthsBack` months before the month of `date`. */
export function firstOfMonthBefore(date: string, monthsBack: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - monthsBack, 1)).toISOString().slice(0, 10);
}

export function lastDayOfMonth(yyyyMm: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The range of a preset ending today. "Last 12 months" is the Dashboard's window: this month and the eleven before. */
export function rangeForPreset(preset: Exclude<RangePreset, 'custom'>, today: string): ChartRange {
  switch (preset) {
    case 'last30':
      return { preset, from: addDays(today, -29), to: today, granularity: 'day' };
    case 'twelveMonths':
      return { preset, from: firstOfMonthBefore(today, 11), to: today, granularity: 'month' };
    case 'thisYear':
      return { preset, from: `${today.slice(0, 4)}-01-01`, to: today, granularity: 'month' };
  }
}

/** Revenue is reported per week or month; a day view of sessions shows revenue by week. */
export function revenueGranularity(granularity: Granularity): 'week' | 'month' {
  return granularity === 'day' ? 'week' : granularity;
}

/** Checks a range as typed; names the field at fault. */
export function checkRange(from: string, to: string): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  if (!businessDate.safeParse(from).success) errors.from = 'must be a date written YYYY-MM-DD';
  if (!businessDate.safeParse(to).success) errors.to = 'must be a date written YYYY-MM-DD';
  if (!errors.from && !errors.to && from > to) errors.from = 'must not be after the end date';
  return errors;
}

/** Too many bars help nobody: a day view is limited to about four months. */
export const maxDayBuckets = 124;

export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The range as held in the address (so a chart view can be bookmarked or linked), with defaults for what is missing. */
export function rangeFromSearchParams(params: URLSearchParams, today: string, fallback: Exclude<RangePreset, 'custom'> = 'twelveMonths'): ChartRange {
  const preset = params.get('range');
  if (preset === 'last30' || preset === 'twelveMonths' || preset === 'thisYear') {
    const base = rangeForPreset(preset, today);
    const g = params.get('by');
    return g === 'day' || g === 'week' || g === 'month' ? { ...base, granularity: g } : base;
  }
  const from = params.get('from');
  const to = params.get('to');
  const g = params.get('by');
  if (preset === 'custom' && from && to) {
    return { preset: 'custom', from, to, granularity: g === 'day' || g === 'week' || g === 'month' ? g : 'month' };
  }
  return rangeForPreset(fallback, today);
}

export function rangeToSearchParams(range: ChartRange, params = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('range', range.preset);
  next.set('by', range.granularity);
  if (range.preset === 'custom') {
    next.set('from', range.from);
    next.set('to', range.to);
  } else {
    next.delete('from');
    next.delete('to');
  }
  return next;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthDay(date: string): string {
  return `${monthNames[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
}

/** A period key (2026-03-02, or 2026-03 for a month) as a table reads it: "Mar 2, 2026", "Week of Mar 2, 2026", "Mar 2026". */
export function periodLabel(period: string, granularity: Granularity): string {
  if (granularity === 'month') return `${monthNames[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
  const day = `${monthDay(period)}, ${period.slice(0, 4)}`;
  return granularity === 'week' ? `Week of ${day}` : day;
}

/** A period key as an axis tick: "Mar 2" for days and weeks, "Mar 26" for months. */
export function periodTick(period: string, granularity: Granularity): string {
  if (granularity === 'month') return `${monthNames[Number(period.slice(5, 7)) - 1]} ${period.slice(2, 4)}`;
  return monthDay(period);
}

/**
 * The dates a period covers, clipped to the chart's range: the counts of a partial first or last week
 * include only the days inside the range, so the sessions listed for that bar must too.
 */
export function periodDates(period: string, granularity: Granularity, within?: { from: string; to: string }): { from: string; to: string } {
  let from = granularity === 'month' ? `${period}-01` : period;
  let to = granularity === 'day' ? period : granularity === 'week' ? addDays(period, 6) : lastDayOfMonth(period);
  if (within) {
    if (from < within.from) from = within.from;
    if (to > within.to) to = within.to;
  }
  return { from, to };
}
