import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../db/clinic/settings-schema';
import { toBackupSettingsPatch, toBackupSettingsValues } from './backup-settings-form';

describe('backup settings form', () => {
  it('round-trips the settings', () => {
    const values = toBackupSettingsValues({ ...defaultSettings, backupDirectory: '/media/usb/backups', backupEncrypted: true });
    expect(toBackupSettingsPatch(values)).toEqual({
      ok: true,
      patch: { backupDirectory: '/media/usb/backups', backupKeepDaily: 7, backupKeepWeekly: 4, backupKeepMonthly: 12, backupEncrypted: true },
    });
  });
  it('names each count that is not a whole number', () => {
    const values = { ...toBackupSettingsValues(defaultSettings), backupKeepDaily: 'seven', backupKeepMonthly: '1.5' };
    expect(toBackupSettingsPatch(values)).toEqual({
      ok: false,
      fieldErrors: { backupKeepDaily: 'must be a whole number of copies', backupKeepMonthly: 'must be a whole number of copies' },
    });
  });
});
