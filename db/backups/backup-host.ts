// What backup code needs of a running app or a CLI run: the connection, the file, the device, the clock.
import type { Database } from 'better-sqlite3';

/** AppEnvironment satisfies it; the CLI builds one around its own connection. */
export interface BackupHost {
  db: Database;
  dbPath: string;
  deviceId: string;
  clock?: () => Date;
}

export function nowOf(host: Pick<BackupHost, 'clock'>): Date {
  return (host.clock ?? (() => new Date()))();
}

