import { describe, expect, it } from 'vitest';
import { countActiveStaffByRole } from './staff-counts';

describe('countActiveStaffByRole', () => {
  it('counts active staff per role, listing every role', () => {
    expect(
      countActiveStaffByRole([
        { role: 'manager', isActive: true },
        { role: 'therapist', isActive: true },
        { role: 'therapist', isActive: true },
        { role: 'therapist', isActive: false },
      ]),
    ).toEqual([
      { role: 'manager', count: 1 },
      { role: 'therapist', count: 2 },
      { role: 'front_desk', count: 0 },
      { role: 'auditor', count: 0 },
    ]);
  });
});
