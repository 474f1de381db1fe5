import { describe, expect, it } from 'vitest';
import { calendarLinkLabel, calendarLinkPath, canOpenLink, compliancePaths, idFromParam } from './compliance-paths';

describe('calendarLinkPath', () => {
  it('opens the record an item is about, or the list when it names none', () => {
    expect(calendarLinkPath({ area: 'sharps', id: 7 })).toBe('/compliance/sharps/7');
    expect(calendarLinkPath({ area: 'sharps' })).toBe('/compliance/sharps');
    expect(calendarLinkPath({ area: 'pickups', id: 2 })).toBe('/compliance/pickups?id=2');
    expect(calendarLinkPath({ area: 'mdr', id: 314 })).toBe('/compliance/mdr?id=314');
    expect(calendarLinkPath({ area: 'training', id: 4 })).toBe('/compliance/training?staff=4');
    expect(calendarLinkPath({ area: 'vaccination' })).toBe('/compliance/vaccination');
    expect(calendarLinkPath({ area: 'plan-reviews' })).toBe('/compliance/plan-reviews');
    expect(calendarLinkPath({ area: 'credentials', id: 3 })).toBe('/compliance/credentials?staff=3');
    expect(calendarLinkPath({ area: 'tasks', id: 5 })).toBe('/compliance/tasks?id=5');
    expect(calendarLinkPath({ area: 'injuries' })).toBe(compliancePaths.injuries);
  });

  it('sends stock lots to the inventory area', () => {
    expect(calendarLinkPath({ area: 'inventory', id: 19 })).toBe('/inventory/lots/19');
  });
});

describe('calendarLinkLabel', () => {
  it('says what opens', () => {
    expect(calendarLinkLabel({ area: 'sharps', id: 1 })).toBe('Open container');
    expect(calendarLinkLabel({ area: 'sharps' })).toBe('Open sharps containers');
    expect(calendarLinkLabel({ area: 'inventory', id: 1 })).toBe('Open lot');
  });
});

describe('idFromParam', () => {
  it('reads positive whole ids only', () => {
    expect(idFromParam('12')).toBe(12);
    expect(idFromParam(null)).toBeUndefined();
    expect(idFromParam('0')).toBeUndefined();
    expect(idFromParam('1.5')).toBeUndefined();
    expect(idFromParam('abc')).toBeUndefined();
  });
});

describe('canOpenLink', () => {
  it('offers a link only to a screen the role may read', () => {
    expect(canOpenLink({ area: 'sharps', id: 1 }, 'therapist')).toBe(true);
    expect(canOpenLink({ area: 'training', id: 1 }, 'therapist')).toBe(false);
    expect(canOpenLink({ area: 'training', id: 1 }, 'auditor')).toBe(true);
    expect(canOpenLink({ area: 'vaccination' }, 'auditor')).toBe(false);
    expect(canOpenLink({ area: 'vaccination' }, 'manager')).toBe(true);
  });
});
