// Flags on audit events that need a person's review, such as an event stamped earlier than the one before it.
// The chain still holds such an event (writes never stop for a wrong clock); the flag says "look at this one".
import type { Migration } from './migration';

export const migration0009: Migration = {
  version: 9,
  name: 'create audit event flags',
  up(db) {
    db.exec(`
      CREATE TABLE audit_event_flags (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL REFERENCES audit_events (seq) ON DELETE RESTRICT,
        kind TEXT NOT NULL CHECK (kind IN ('clock_rollback')),
        detail TEXT NOT NULL,
        flagged_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_event_flags_by_seq ON audit_event_flags (seq);

      -- Written in the transaction of the event it flags; a review is a new event, never an edit of the flag.
      CREATE TRIGGER audit_event_flags_refuse_update BEFORE UPDATE ON audit_event_flags
      BEGIN SELECT RAISE(ABORT, 'audit event flags are append-only'); END;
      CREATE TRIGGER audit_event_flags_refuse_delete BEFORE DELETE ON audit_event_flags
      BEGIN SELECT RAISE(ABORT, 'audit event flags are append-only'); END;
    `);
  },
};
