import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from './time-zones';

describe('timeZoneChoices', () => {
  it('sorts, removes duplicates and keeps zones that must be offered', () => {
    expect(timeZoneChoices(['Europe/Paris', 'America/New_York'], ['UTC', 'America/New_York', ''])).toEqual([
      'America/New_York',
      'Europe/Paris',
      'UTC',
    ]);
  });
});
