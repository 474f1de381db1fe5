// Moves the clinic file (with its -wal and -shm) aside under a new name before a restore; never overwrites anything.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileStamp } from './backup-files';

const companions = ['', '-wal', '-shm'] as const;

/**
 * `<file>.before-restore-<stamp>`, with `-wal`/`-shm` renamed to match so SQLite still recovers the pair.
 * Returns the new paths (empty when there was no clinic file, for example after it was lost).
 */
export function keepClinicFileAside(dbPath: string, at: Date): string[] {
  if (!existsSync(dbPath)) return [];
  let aside = `${dbPath}.before-restore-${fileStamp(at)}`;
  for (let n = 2; companions.some((suffix) => existsSync(`${aside}${suffix}`)); n += 1) aside = `${dbPath}.before-restore-${fileStamp(at)}-${n}`;
  const moved: string[] = [];
  try {
    for (const suffix of companions) {
      if (!existsSync(`${dbPath}${suffix}`)) continue;
      renameSync(`${dbPath}${suffix}`, `${aside}${suffix}`);
      moved.push(`${aside}${suffix}`);
    }
  } catch (error) {
    putClinicFileBack(moved, dbPath);
    throw error;
  }
  return moved;
}

/** Undoes keepClinicFileAside after a failed restore; whatever now sits at dbPath is a copy of the backup. */
export function putClinicFileBack(keptAside: readonly string[], dbPath: string): void {
  const main = keptAside[0];
  if (main === undefined) return;
  for (const suffix of companions) rmSync(`${dbPath}${suffix}`, { force: true });
  for (const suffix of companions) {
    if (keptAside.includes(`${main}${suffix}`)) renameSync(`${main}${suffix}`, `${dbPath}${suffix}`);
  }
}
