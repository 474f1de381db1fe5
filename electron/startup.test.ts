// What staff are told when the clinic file will not open, and the --user-data-dir override.
import Database from 'better-sqlite3';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppEnvironment } from '../db/app-environment';
import { makeTempDir } from '../db/test-support/test-clinic';
import { describeStartupError, userDataDirFromArgs } from './startup';

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempClinicPath(): string {
  const dir = makeTempDir();
  tempDirs.push(dir);
  return join(dir, 'clinic-ops.sqlite3');
}

function startupErrorFor(dbPath: string) {
  try {
    // A short busy timeout keeps the locked-file case fast; the app waits the default 5 s.
    openAppEnvironment(dbPath, { busyTimeoutMs: 200 }).db.close();
  } catch (error) {
    return describeStartupError(error, dbPath);
  }
  throw new Error('expected the clinic file to be refused');
}

describe('describeStartupError', () => {
  it('a damaged file: names the file and says to keep it and restore a backup', () => {
    const dbPath = tempClinicPath();
    writeFileSync(dbPath, Buffer.alloc(8192, 7));
    const report = startupErrorFor(dbPath);
    expect(report.title).toBe('The clinic file is damaged');
    expect(report.message).toContain(dbPath);
    expect(report.message).toMatch(/restore the newest good backup/);
  });

  it('a file from a newer Clinic Ops: names the file and says to install the newer version', () => {
    const dbPath = tempClinicPath();
    const db = new Database(dbPath);
    db.pragma('user_version = 9999');
    db.close();
    const report = startupErrorFor(dbPath);
    expect(report.title).toBe('The clinic file needs a newer Clinic Ops');
    expect(report.message).toContain(dbPath);
    expect(report.message).toMatch(/Install the newer Clinic Ops/);
  });

  it('a file locked by another instance: names the file and says to close the other one', () => {
    const dbPath = tempClinicPath();
    const holder = new Database(dbPath);
    holder.exec('CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    try {
      const report = startupErrorFor(dbPath);
      expect(report.title).toBe('The clinic file is in use');
      expect(report.message).toContain(dbPath);
      expect(report.message).toMatch(/Close the other instance/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('anything else: still names the file and what to try', () => {
    const report = describeStartupError(new Error('EACCES: permission denied'), '/srv/clinic/clinic-ops.sqlite3');
    expect(report.message).toContain('/srv/clinic/clinic-ops.sqlite3');
    expect(report.message).toContain('EACCES');
    expect(report.message).toMatch(/Nothing was changed/);
  });
});

describe('userDataDirFromArgs', () => {
  it('reads --user-data-dir=DIR and ignores everything else', () => {
    expect(userDataDirFromArgs(['/usr/bin/electron', '.', '--user-data-dir=/tmp/profile-1'])).toBe('/tmp/profile-1');
    expect(userDataDirFromArgs(['/usr/bin/electron', '.'])).toBeNull();
    expect(userDataDirFromArgs(['--user-data-dir='])).toBeNull();
  });
});
