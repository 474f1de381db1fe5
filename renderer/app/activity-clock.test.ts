import { describe, expect, it } from 'vitest';
import { ActivityClock, keepAliveIntervalMs } from './activity-clock';

const minute = 60_000;

describe('ActivityClock', () => {
  it('counts idle time from the last activity', () => {
    const clock = new ActivityClock(0);
    expect(clock.msUntilIdle(0, 5 * minute)).toBe(5 * minute);
    clock.noteActivity(2 * minute);
    expect(clock.msUntilIdle(3 * minute, 5 * minute)).toBe(4 * minute);
    expect(clock.msUntilIdle(8 * minute, 5 * minute)).toBe(0);
  });

  it('never moves the last activity backwards', () => {
    const clock = new ActivityClock(10_000);
    clock.noteActivity(5_000);
    expect(clock.msUntilIdle(10_000, minute)).toBe(minute);
  });

  it('asks for a keep-alive only after activity and at most once per interval', () => {
    const clock = new ActivityClock(0);
    expect(clock.isKeepAliveDue(2 * minute, 5 * minute)).toBe(false);
    clock.noteActivity(30_000);
    expect(clock.isKeepAliveDue(30_000, 5 * minute)).toBe(false);
    clock.noteActivity(minute);
    expect(clock.isKeepAliveDue(minute, 5 * minute)).toBe(true);
    clock.noteKeepAlive(minute);
    clock.noteActivity(minute + 1_000);
    expect(clock.isKeepAliveDue(minute + 1_000, 5 * minute)).toBe(false);
  });

  it('keeps alive often enough for short lock times', () => {
    expect(keepAliveIntervalMs(5 * minute)).toBe(minute);
    expect(keepAliveIntervalMs(minute)).toBe(20_000);
  });
});
