import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsPatchSchema } from '../../../db/clinic/settings-schema';
import { parseDayList, toSettingsFormValues, toSettingsPatch } from './settings-form';

describe('parseDayList', () => {
  it('reads numbers separated by commas or spaces', () => {
    expect(parseDayList('30, 60 90')).toEqual([30, 60, 90]);
    expect(parseDayList('')).toEqual([]);
  });
  it('refuses anything that is not a whole number', () => {
    expect(parseDayList('30, sixty')).toBeNull();
    expect(parseDayList('1.5')).toBeNull();
    expect(parseDayList('-3')).toBeNull();
  });
});

describe('toSettingsPatch', () => {
  it('round-trips the defaults into a patch the API schema accepts', () => {
    const result = toSettingsPatch(toSettingsFormValues(defaultSettings));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch).toEqual({
      idleLockMinutes: 5,
      expiryWarningDays: [30, 60, 90],
      containerReplacementDays: 90,
      sealedPickupDays: 30,
      lateEntryHours: 24,
      stateProfile: 'VA',
      isOsha1904Exempt: true,
    });
    expect(settingsPatchSchema.safeParse(result.patch).success).toBe(true);
  });

  it('sorts thresholds nearest first, drops duplicates and upper-cases the state', () => {
    const result = toSettingsPatch({ ...toSettingsFormValues(defaultSettings), expiryWarningDays: '90, 30, 30', stateProfile: ' md ' });
    expect(result.ok && result.patch.expiryWarningDays).toEqual([30, 90]);
    expect(result.ok && result.patch.stateProfile).toBe('MD');
  });

  it('names every field that is not a number', () => {
    const result = toSettingsPatch({ ...toSettingsFormValues(defaultSettings), idleLockMinutes: '', expiryWarningDays: 'soon' });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { idleLockMinutes: 'must be whole minutes', expiryWarningDays: 'must be whole numbers of days, separated by commas' },
    });
  });
});
