// Staff members with a role; never deleted, only deactivated.
import type { Migration } from './migration';

export const migration0002: Migration = {
  version: 2,
  name: 'create staff',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role TEXT NOT NULL CHECK (role IN ('manager', 'therapist', 'front_desk', 'auditor')),
        job_title TEXT NOT NULL DEFAULT '',
        pin_hash TEXT,
        is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX staff_by_is_active_name ON staff (is_active, name);
    `);
  },
};
