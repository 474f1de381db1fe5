// Where backups go and what they are called; hashing, checksum files and durable writes of backup files.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupKind } from './backup-contract';

export const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** The folder from settings, resolved against the clinic file's folder; empty means `backups` beside the file. */
export function backupDirectoryOf(dbPath: string, setting: string): string {
  const base = dirname(resolve(dbPath));
  return setting.trim() === '' ? join(base, 'backups') : resolve(base, setting.trim());
}

/**
 * Private scratch space beside the clinic file (same drive, same protection): plaintext copies being checked,
 * encrypted, or staged for a restore live here, never on the backup drive. Pre-migration copies wait here too.
 */
export function workDirectoryOf(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backup-work');
}

export function ensureWorkDirectory(dbPath: string): string {
  const dir = workDirectoryOf(dbPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** 2026-03-02T15:04:05.123Z → 2026-03-02T150405Z: sortable, and legal in Windows file names. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
}

export function backupFileName(at: Date, kind: BackupKind, isEncrypted: boolean): string {
  return `clinic-ops-${fileStamp(at)}-${kind.replace('_', '-')}.sqlite3${isEncrypted ? '.enc' : ''}`;
}

/** The instant a backup's file name carries (whole seconds), or null for a name we did not write. */
export function timeOfFileName(name: string): Date | null {
  const m = /^clinic-ops-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export const pendingPreMigrationPattern = /^clinic-ops-\d{4}-\d{2}-\d{2}T\d{6}Z-pre-migration(-\d+)?\.sqlite3$/;

/** `dir/name`, or `dir/name` with -2, -3 ... before the extension when that name is taken. */
export function freePath(dir: string, name: string): string {
  const dot = name.indexOf('.sqlite3');
  const stem = dot < 0 ? name : name.slice(0, dot);
  const ext = dot < 0 ? '' : name.slice(dot);
  for (let n = 1; ; n += 1) {
    const candidate = join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    if (!existsSync(candidate) && !existsSync(`${candidate}.partial`)) return candidate;
  }
}

/** A name for a scratch file in the work folder that nothing else uses. */
export function scratchPath(dbPath: string, purpose: string): string {
  return join(ensureWorkDirectory(dbPath), `${purpose}-${randomBytes(6).toString('hex')}.sqlite3`);
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first bytes of a file (fewer when it is shorter). */
export function readFileStart(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file to the disk, so a backup on a USB drive survives pulling it out right after. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `<file>.sha256` in sha256sum's format, so anyone can check a backup with `sha256sum -c`. */
export function checksumPathOf(path: string): string {
  return `${path}.sha256`;
}

export function writeChecksumFile(path: string, sha256: string): void {
  writeFileSync(checksumPathOf(path), `${sha256}  ${basename(path)}\n`);
}

export function readChecksumFile(path: string): string | null {
  try {
    const match = /^([0-9a-f]{64})\s/i.exec(readFileSync(checksumPathOf(path), 'utf8'));
    return match?.[1]?.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/** Removes a scratch or partial file and any -wal/-shm SQLite left beside it; never throws. */
export function removeQuietly(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}
