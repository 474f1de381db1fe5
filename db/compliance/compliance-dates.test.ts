import { describe, expect, it } from 'vitest';
import { addMonths, addWorkDays, addYears, mondayOf, workDaysBetween } from './compliance-dates';
import { containerLogRetainUntil, injuryRetainUntil, mdrRetainUntil, planReviewRetainUntil, trainingRetainUntil } from './retention';

describe('compliance dates', () => {
  it('counts Monday-to-Friday work days from the day after', () => {
    expect(addWorkDays('2026-03-02', 10)).toBe('2026-03-16');
    expect(addWorkDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkDays('2026-03-07', 10)).toBe('2026-03-20');
    expect(workDaysBetween('2026-02-02', '2026-02-16')).toBe(10);
    expect(workDaysBetween('2026-02-02', '2026-02-17')).toBe(11);
    expect(workDaysBetween('2026-02-16', '2026-02-02')).toBe(0);
  });

  it('adds months and years, clamping to the end of short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-03-02', -1)).toBe('2025-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
  });

  it('gives each record its retention end (compliance.md section 7)', () => {
    expect(injuryRetainUntil('2026-01-01')).toBe('2031-12-31');
    expect(injuryRetainUntil('2026-12-31')).toBe('2031-12-31');
    expect(trainingRetainUntil('2026-03-02')).toBe('2029-03-02');
    expect(planReviewRetainUntil('2026-03-02')).toBe('2032-03-02');
    expect(mdrRetainUntil('2026-03-02')).toBe('2028-03-02');
    expect(containerLogRetainUntil(null)).toBeNull();
    expect(containerLogRetainUntil('2026-03-02')).toBe('2029-03-02');
  });
});
