// SQLite's quick_check of the clinic file. A small file is checked before it opens; a large one (a busy clinic's
// years) is checked on a worker thread after the app is usable, and any damage then stops further use.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface IntegrityState {
  state: 'checking' | 'ok' | 'damaged';
  /** What to tell the user when damaged: the file's path, what failed and what to do. */
  message: string | null;
}

/** Below this size the check takes well under a second, so it runs before the file is used. */
export const backgroundCheckFromBytes = 64 * 1024 * 1024;

export function isLargeFile(path: string): boolean {
  try {
    return statSync(path).size >= backgroundCheckFromBytes;
  } catch {
    return false;
  }
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
try {
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const rows = db.pragma('quick_check');
  db.close();
  parentPort.postMessage({ problems: rows.map((r) => r.quick_check).filter((m) => m !== 'ok') });
} catch (error) {
  parentPort.postMessage({ problems: [String(error && error.message || error)] });
}`;

/** Runs quick_check on its own read-only connection in a worker thread, so the app answers meanwhile. */
export function checkInBackground(path: string, report: (problems: string[]) => void): void {
  const worker = new Worker(workerSource, { eval: true, workerData: { path, driver: require.resolve('better-sqlite3') } });
  worker.once('message', (message: { problems: string[] }) => report(message.problems));
  worker.once('error', (error) => report([error.message]));
  worker.unref();
}

export function damagedMessage(path: string, problems: string[]): string {
  return (
    `The clinic file at ${path} failed SQLite's integrity check (${problems.slice(0, 3).join('; ')}). ` +
    'Stop using it: keep the file as it is, then restore the newest good backup (Settings > Backups, or `clinic-ops restore --db FILE --from BACKUP`).'
  );
}
