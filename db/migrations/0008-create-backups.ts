// Every backup the app wrote (with its check result) and every restore drill, for Settings and the Dashboard.
import type { Migration } from './migration';

export const migration0008: Migration = {
  version: 8,
  name: 'create backups',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('daily', 'manual', 'pre_migration', 'scheduled')),
        file_name TEXT NOT NULL,
        -- Absolute path when written; the folder may be a USB drive that is not always plugged in.
        path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        is_encrypted INTEGER NOT NULL CHECK (is_encrypted IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        message TEXT NOT NULL DEFAULT '',
        size_bytes INTEGER CHECK (size_bytes >= 0),
        -- Of the file as stored (the encrypted bytes when encrypted); a drill or restore compares it.
        sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        schema_version INTEGER,
        event_count INTEGER,
        head_hash TEXT,
        -- Set when retention deleted the file; the row stays as the record that it existed.
        pruned_at TEXT,
        CHECK (status = 'failed' OR (size_bytes IS NOT NULL AND sha256 IS NOT NULL))
      ) STRICT;
      CREATE INDEX backups_by_created_at ON backups (created_at);

      CREATE TABLE backup_drills (
        id INTEGER PRIMARY KEY,
        backup_id INTEGER REFERENCES backups (id) ON DELETE RESTRICT,
        ran_at TEXT NOT NULL,
        started_by TEXT NOT NULL CHECK (started_by IN ('automatic', 'manual')),
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        message TEXT NOT NULL DEFAULT '',
        event_count INTEGER,
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0)
      ) STRICT;
      CREATE INDEX backup_drills_by_ran_at ON backup_drills (ran_at);
    `);
  },
};
