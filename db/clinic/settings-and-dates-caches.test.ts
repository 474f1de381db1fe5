// readSettings keeps the validated settings while the stored rows are unchanged, and business-time keeps the
// dates and offsets it computed: both must answer exactly as if they computed every time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { businessDateOf, instantOfLocal } from './business-time';
import { readSettings, writeSetting } from './clinic-store';

describe('readSettings', () => {
  let clinic: TestClinic;
  beforeEach(async () => {
    clinic = await openTestClinic();
  });
  afterEach(() => clinic.close());

  it('sees a setting changed through the app, and one changed by another connection', async () => {
    expect(readSettings(clinic.env.db).idleLockMinutes).toBe(5);
    await clinic.call('settings.update', { idleLockMinutes: 12 });
    expect(readSettings(clinic.env.db).idleLockMinutes).toBe(12);
    writeSetting(clinic.env.db, 'idleLockMinutes', 30, '2026-03-02T15:00:00.000Z');
    expect(readSettings(clinic.env.db).idleLockMinutes).toBe(30);
    clinic.env.db.prepare("UPDATE settings SET value_json = '7' WHERE key = 'idleLockMinutes'").run();
    expect(readSettings(clinic.env.db).idleLockMinutes).toBe(7);
  });

  it('falls back to the default for a stored value that no longer validates, then recovers', () => {
    writeSetting(clinic.env.db, 'idleLockMinutes', 100_000, '2026-03-02T15:00:00.000Z');
    expect(readSettings(clinic.env.db).idleLockMinutes).toBe(5);
    writeSetting(clinic.env.db, 'idleLockMinutes', 9, '2026-03-02T15:00:00.000Z');
    expect(readSettings(clinic.env.db).idleLockMinutes).toBe(9);
  });

  it('hands out copies: changing one does not change the next', () => {
    const first = readSettings(clinic.env.db);
    first.idleLockMinutes = 99;
    first.expiryWarningDays.push(365);
    const second = readSettings(clinic.env.db);
    expect(second.idleLockMinutes).toBe(5);
    expect(second.expiryWarningDays).toEqual([30, 60, 90]);
  });
});

describe('business dates and local instants asked for again', () => {
  it('answer per time zone, not from the last zone asked', () => {
    const instant = new Date('2026-03-02T03:30:00.000Z');
    expect(businessDateOf(instant, 'America/New_York')).toBe('2026-03-01');
    expect(businessDateOf(instant, 'Asia/Tokyo')).toBe('2026-03-02');
    expect(businessDateOf(instant, 'America/New_York')).toBe('2026-03-01');
    expect(businessDateOf(new Date('2026-03-02T05:30:00.000Z'), 'America/New_York')).toBe('2026-03-02');
  });

  it('convert local times on both sides of a daylight-saving change, repeatedly', () => {
    for (let pass = 0; pass < 2; pass += 1) {
      expect(instantOfLocal('2026-03-07', '10:00', 'America/New_York').toISOString()).toBe('2026-03-07T15:00:00.000Z');
      expect(instantOfLocal('2026-03-09', '10:00', 'America/New_York').toISOString()).toBe('2026-03-09T14:00:00.000Z');
      expect(instantOfLocal('2026-03-09', '10:00', 'Europe/Berlin').toISOString()).toBe('2026-03-09T09:00:00.000Z');
    }
  });
});
