import { describe, expect, it } from 'vitest';
import { backupAgeWarning, formatBackupAge, formatDurationMs, formatFileSize } from './backup-labels';

describe('formatBackupAge', () => {
  it('words the age of the last good backup', () => {
    expect(formatBackupAge(null)).toBe('no good backup yet');
    expect(formatBackupAge(0)).toBe('today');
    expect(formatBackupAge(1)).toBe('yesterday');
    expect(formatBackupAge(5)).toBe('5 days ago');
  });
});

describe('backupAgeWarning', () => {
  it('is quiet for a backup up to two days old', () => {
    expect(backupAgeWarning({ ageDays: 0, isStale: false })).toBeNull();
    expect(backupAgeWarning({ ageDays: 2, isStale: false })).toBeNull();
  });
  it('warns past two days, or when the server says stale', () => {
    expect(backupAgeWarning({ ageDays: 3, isStale: true })).toBe(
      'The last good backup is 3 days old (more than 2). Back up now, and check the backup folder is reachable.',
    );
    expect(backupAgeWarning({ ageDays: 3, isStale: false })).toContain('3 days old');
  });
  it('warns when there is no good backup', () => {
    expect(backupAgeWarning({ ageDays: null, isStale: true })).toBe('There is no good backup of this clinic yet. Back up now.');
  });
});

describe('sizes and durations', () => {
  it('formats them for people', () => {
    expect(formatFileSize(null)).toBe('—');
    expect(formatFileSize(500)).toBe('500 bytes');
    expect(formatFileSize(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatDurationMs(850)).toBe('850 ms');
    expect(formatDurationMs(2400)).toBe('2.4 s');
  });
});
