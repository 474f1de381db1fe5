import { describe, expect, it } from 'vitest';
import { formatBusinessDateLong, formatLocalDateTime, humanizeIdentifier, pluralize, roleLabel, shortHash } from './format';

describe('formatLocalDateTime', () => {
  it('shows the instant in the clinic time zone, 24-hour', () => {
    expect(formatLocalDateTime('2025-03-04T19:05:09.123Z', 'America/New_York')).toBe('2025-03-04 14:05:09');
    expect(formatLocalDateTime('2025-07-04T03:00:00Z', 'America/Los_Angeles')).toBe('2025-07-03 20:00:00');
  });

  it('shows midnight as 00, not 24', () => {
    expect(formatLocalDateTime('2025-01-01T05:00:00Z', 'America/New_York')).toBe('2025-01-01 00:00:00');
  });
});

describe('formatBusinessDateLong', () => {
  it('writes the date out without shifting it by a time zone', () => {
    expect(formatBusinessDateLong('2025-03-04')).toBe('Tuesday, March 4, 2025');
    expect(formatBusinessDateLong('2024-12-31')).toBe('Tuesday, December 31, 2024');
  });
});

describe('small labels', () => {
  it('shortens hashes with an ellipsis only when needed', () => {
    expect(shortHash('abcdef0123456789abcdef')).toBe('abcdef012345…');
    expect(shortHash('abc')).toBe('abc');
  });
  it('names roles and actions for people', () => {
    expect(roleLabel('front_desk')).toBe('Front desk');
    expect(humanizeIdentifier('login_failed')).toBe('login failed');
  });
  it('pluralizes counts', () => {
    expect(pluralize(1, 'event')).toBe('1 event');
    expect(pluralize(3, 'event')).toBe('3 events');
  });
});
