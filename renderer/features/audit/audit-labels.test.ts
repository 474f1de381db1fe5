import { describe, expect, it } from 'vitest';
import { entityLabel, staffNamesById } from './audit-labels';

describe('entityLabel', () => {
  const names = staffNamesById([{ id: 2, name: 'Riley Chen' }]);

  it('names the staff member a staff event is about', () => {
    expect(entityLabel('staff', '2', names)).toBe('staff #2 (Riley Chen)');
  });

  it('shows type and id alone for other entities and unknown staff', () => {
    expect(entityLabel('setting', 'idleLockMinutes', names)).toBe('setting #idleLockMinutes');
    expect(entityLabel('staff', '9', names)).toBe('staff #9');
    expect(entityLabel('needle_lot', '4', names)).toBe('needle lot #4');
  });
});
