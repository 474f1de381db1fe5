// Which backups retention deletes: keep the newest of each of the last N days, ISO weeks and months. Pure.
import { businessDateOf } from '../clinic/business-time';
import type { BackupKind, CheckStatus } from './backup-contract';

export interface RetentionCandidate {
  id: number;
  createdAt: string;
  kind: BackupKind;
  status: CheckStatus;
}

export interface RetentionPolicy {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
  /** Days, weeks and months are the clinic's local calendar. */
  timeZone: string;
}

/** ISO 8601 week of a YYYY-MM-DD date, as 2026-W09 (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(y, m - 1, d - weekday + 3));
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** Ids to delete. Never the newest good backup, so the only good backup always survives. */
export function chooseBackupsToDelete(candidates: readonly RetentionCandidate[], policy: RetentionPolicy): number[] {
  const newestFirst = [...candidates].sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
  const good = newestFirst.filter((c) => c.status === 'ok');
  const keep = new Set<number>();
  if (good[0]) keep.add(good[0].id);
  // The newest copy taken before a schema upgrade is the way back if the upgrade went wrong.
  const preMigration = good.find((c) => c.kind === 'pre_migration');
  if (preMigration) keep.add(preMigration.id);

  const dateOf = (c: RetentionCandidate) => businessDateOf(new Date(c.createdAt), policy.timeZone);
  const buckets: Array<[(c: RetentionCandidate) => string, number]> = [
    [dateOf, policy.keepDaily],
    [(c) => isoWeekOf(dateOf(c)), policy.keepWeekly],
    [(c) => dateOf(c).slice(0, 7), policy.keepMonthly],
  ];
  for (const [periodOf, count] of buckets) {
    const seen = new Set<string>();
    for (const c of good) {
      const period = periodOf(c);
      if (seen.has(period)) continue;
      if (seen.size >= count) break;
      seen.add(period);
      keep.add(c.id);
    }
  }
  // A copy that failed its audit-chain check is still a copy of the records: the newest few are kept.
  newestFirst.filter((c) => c.status === 'failed').slice(0, policy.keepDaily).forEach((c) => keep.add(c.id));
  return newestFirst.filter((c) => !keep.has(c.id)).map((c) => c.id);
}
