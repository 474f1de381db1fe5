import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../clinic/business-time';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import type { BackupKind } from './backup-contract';
import { chooseBackupsToDelete, isoWeekOf, type RetentionCandidate } from './retention';


const policy = { keepDaily: 3, keepWeekly: 2, keepMonthly: 2, timeZone: 'America/New_York' };
let nextId = 1;
const candidate = (createdAt: string, status: 'ok' | 'failed' = 'ok', kind: BackupKind = 'daily'): RetentionCandidate => ({ id: nextId++, createdAt, kind, status });

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2025-12-29', '2026-W01'], // the Monday of that week
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2027-01-04', '2027-W01'],
    ['2026-03-08', '2026-W10'], // Sunday ends the week
    ['2026-03-09', '2026-W11'],
  ])('%s is in %s', (date, week) => expect(isoWeekOf(date)).toBe(week));
});

describe('choosing what retention deletes', () => {
  it('keeps the newest of each of the last N days, weeks and months', () => {
    // One backup a day at 08:00 New York time, 1 Jan to 15 Mar 2026, plus an extra earlier one on the last day.
    const all: RetentionCandidate[] = [];
    for (let d = '2026-01-01'; d <= '2026-03-15'; d = addDays(d, 1)) all.push(candidate(`${d}T13:00:00.000Z`));
    const earlierToday = candidate('2026-03-15T12:00:00.000Z');
    all.push(earlierToday);
    const deleted = new Set(chooseBackupsToDelete(all, policy));
    const kept = all.filter((c) => !deleted.has(c.id)).map((c) => c.createdAt.slice(0, 10)).sort();
    // Days 13-15 March; weeks: Sun 15 Mar (W11 started Mon 9th... 15th is its newest) and Sun 8 Mar; months: 15 Mar and 28 Feb.
    expect(kept).toEqual(['2026-02-28', '2026-03-08', '2026-03-13', '2026-03-14', '2026-03-15']);
    expect(deleted.has(earlierToday.id)).toBe(true);
  });

  it('groups by the clinic’s local date, not UTC', () => {
    const lateEvening = candidate('2026-03-03T03:00:00.000Z'); // 22:00 on 2 March in New York
    const morning = candidate('2026-03-02T14:00:00.000Z');
    expect(chooseBackupsToDelete([lateEvening, morning], { ...policy, keepDaily: 1, keepWeekly: 0, keepMonthly: 0 })).toEqual([morning.id]);
  });

  it('never deletes the only good backup, and keeps the newest pre-migration copy', () => {
    const onlyGood = candidate('2025-01-01T12:00:00.000Z');
    const failures = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map((d) => candidate(`${d}T12:00:00.000Z`, 'failed'));
    const deleted = chooseBackupsToDelete([onlyGood, ...failures], { ...policy, keepDaily: 1, keepWeekly: 0, keepMonthly: 0 });
    expect(deleted).not.toContain(onlyGood.id);
    // Failed copies: only the newest keepDaily are kept.
    expect(deleted).toEqual(failures.slice(0, 4).reverse().map((f) => f.id));

    const preMigration = candidate('2026-02-01T12:00:00.000Z', 'ok', 'pre_migration');
    const newer = [candidate('2026-03-01T12:00:00.000Z'), candidate('2026-03-02T12:00:00.000Z')];
    expect(chooseBackupsToDelete([preMigration, ...newer], { ...policy, keepDaily: 1, keepWeekly: 0, keepMonthly: 0 })).toEqual([newer[0]?.id]);
  });
});

describe('retention after each backup', () => {
  let clinic: TestClinic;
  beforeEach(async () => {
    clinic = await openTestClinic('2026-01-01T15:00:00.000Z');
  });
  afterEach(() => clinic.close());

  it('deletes old copies from the folder and records each deletion', async () => {
    await clinic.call('settings.update', { backupKeepDaily: 2, backupKeepWeekly: 1, backupKeepMonthly: 2 });
    for (let d = '2026-01-01'; d <= '2026-02-10'; d = addDays(d, 1)) {
      clinic.setNow(`${d}T15:00:00.000Z`);
      // A day later the PC has locked itself; the manager signs in again.
      clinic.env.session.signIn(clinic.managerId, Date.parse(`${d}T15:00:00.000Z`));
      await clinic.call('backups.runNow', {});
    }
    const folder = join(clinic.dir, 'backups');
    const files = readdirSync(folder).filter((n) => n.endsWith('.sqlite3')).sort();
    // Days: 9 and 10 Feb (10 Feb is also the newest of its week and month); month: 31 Jan.
    expect(files).toEqual([
      'clinic-ops-2026-01-31T150000Z-manual.sqlite3',
      'clinic-ops-2026-02-09T150000Z-manual.sqlite3',
      'clinic-ops-2026-02-10T150000Z-manual.sqlite3',
    ]);
    expect(readdirSync(folder).filter((n) => n.endsWith('.sha256'))).toHaveLength(3);
    const all = await clinic.call('backups.list', { includePruned: true, limit: 1000 });
    expect(all).toHaveLength(41);
    expect(all.filter((b) => b.prunedAt !== null)).toHaveLength(38);
    expect(all.filter((b) => b.prunedAt === null).every((b) => existsSync(b.path))).toBe(true);
    expect(await clinic.call('backups.list', {})).toHaveLength(3);
    const prunes = clinic.env.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'prune' AND entity_type = 'backup'").pluck().get();
    expect(prunes).toBe(38);
  });
});
