// The shape of one numbered, forward-only schema migration.
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Contiguous from 1; becomes PRAGMA user_version once applied. */
  version: number;
  name: string;
  up(db: Database): void;
}
