import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkRange,
  firstOfMonthBefore,
  periodDates,
  periodLabel,
  periodTick,
  rangeForPreset,
  rangeFromSearchParams,
  rangeToSearchParams,
  revenueGranularity,
} from './date-range';

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-29', -29)).toBe('2026-10-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
  it('finds the first of an earlier month', () => {
    expect(firstOfMonthBefore('2026-11-29', 11)).toBe('2025-12-01');
    expect(firstOfMonthBefore('2026-01-15', 1)).toBe('2025-12-01');
  });
});

describe('rangeForPreset', () => {
  it('gives the preset ranges ending today', () => {
    expect(rangeForPreset('last30', '2026-11-29')).toEqual({ preset: 'last30', from: '2026-10-31', to: '2026-11-29', granularity: 'day' });
    // The same window as dashboard.summary: this month and the eleven before.
    expect(rangeForPreset('twelveMonths', '2026-11-29')).toEqual({ preset: 'twelveMonths', from: '2025-12-01', to: '2026-11-29', granularity: 'month' });
    expect(rangeForPreset('thisYear', '2026-11-29')).toEqual({ preset: 'thisYear', from: '2026-01-01', to: '2026-11-29', granularity: 'month' });
  });
  it('reports revenue by week where sessions are shown by day', () => {
    expect(revenueGranularity('day')).toBe('week');
    expect(revenueGranularity('month')).toBe('month');
  });
});

describe('range in the address', () => {
  it('round-trips a preset with a chosen granularity and a custom range', () => {
    const preset = { ...rangeForPreset('last30', '2026-11-29'), granularity: 'week' as const };
    expect(rangeFromSearchParams(rangeToSearchParams(preset), '2026-11-29')).toEqual(preset);
    const custom = { preset: 'custom' as const, from: '2026-01-05', to: '2026-02-10', granularity: 'week' as const };
    expect(rangeFromSearchParams(rangeToSearchParams(custom), '2026-11-29')).toEqual(custom);
  });
  it('defaults to the last 12 months', () => {
    expect(rangeFromSearchParams(new URLSearchParams(''), '2026-11-29').preset).toBe('twelveMonths');
    expect(rangeFromSearchParams(new URLSearchParams('range=custom'), '2026-11-29').preset).toBe('twelveMonths');
    expect(rangeFromSearchParams(new URLSearchParams(''), '2026-11-29', 'last30').preset).toBe('last30');
  });
  it('keeps other parameters', () => {
    expect(rangeToSearchParams(rangeForPreset('thisYear', '2026-11-29'), new URLSearchParams('tab=x')).get('tab')).toBe('x');
  });
});

describe('checkRange', () => {
  it('names the field at fault', () => {
    expect(checkRange('2026-01-01', '2026-02-01')).toEqual({});
    expect(checkRange('2026-03-01', '2026-02-01')).toEqual({ from: 'must not be after the end date' });
    expect(checkRange('2026-02-30', 'x')).toEqual({ from: 'must be a date written YYYY-MM-DD', to: 'must be a date written YYYY-MM-DD' });
  });
});

describe('period labels', () => {
  it('reads periods for tables and axes', () => {
    expect(periodLabel('2026-03-02', 'day')).toBe('Mar 2, 2026');
    expect(periodLabel('2026-03-02', 'week')).toBe('Week of Mar 2, 2026');
    expect(periodLabel('2026-03', 'month')).toBe('Mar 2026');
    expect(periodTick('2026-03-02', 'week')).toBe('Mar 2');
    expect(periodTick('2026-12', 'month')).toBe('Dec 26');
  });
});

describe('periodDates', () => {
  it('gives the dates a period covers', () => {
    expect(periodDates('2026-03-02', 'day')).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    expect(periodDates('2026-03-02', 'week')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(periodDates('2024-02', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
  it('clips partial periods to the chart range, as the counts are', () => {
    expect(periodDates('2026-10-26', 'week', { from: '2026-10-31', to: '2026-11-29' })).toEqual({ from: '2026-10-31', to: '2026-11-01' });
    expect(periodDates('2026-11', 'month', { from: '2025-12-01', to: '2026-11-29' })).toEqual({ from: '2026-11-01', to: '2026-11-29' });
  });
});
