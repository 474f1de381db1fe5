// The clinic profile (one row, created by the first-run screen) and key/value settings.
import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'create clinic and settings',
  up(db) {
    db.exec(`
      CREATE TABLE clinics (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        clinic_uuid TEXT NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        -- The seeded demo clinic signs its demo manager in at start; a real clinic never does.
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
