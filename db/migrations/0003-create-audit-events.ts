// The append-only, hash-chained audit log and the head kept beside it.
// See db/audit/CANONICAL-ENCODING.md for how each hash is computed.
import type { Migration } from './migration';

export const GENESIS_HASH = '0'.repeat(64);

export const migration0003: Migration = {
  version: 3,
  name: 'create audit events',
  up(db) {
    db.exec(`
      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor_staff_id INTEGER,
        device_id TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before_json TEXT NOT NULL,
        after_json TEXT NOT NULL,
        reason TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_events_by_actor_staff_id_seq ON audit_events (actor_staff_id, seq);
      CREATE INDEX audit_events_by_entity_type_seq ON audit_events (entity_type, seq);
      CREATE INDEX audit_events_by_action_seq ON audit_events (action, seq);
      CREATE INDEX audit_events_by_at ON audit_events (at);
      CREATE INDEX audit_events_by_entity_type_entity_id ON audit_events (entity_type, entity_id);

      -- Count and head hash kept beside the chain, so a lost tail is noticed.
      CREATE TABLE audit_chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        event_count INTEGER NOT NULL,
        head_hash TEXT NOT NULL
      ) STRICT;
      INSERT INTO audit_chain_head (id, event_count, head_hash) VALUES (1, 0, '${GENESIS_HASH}');

      -- One writer appends: an event must extend the current head, so the chain never forks.
      CREATE TRIGGER audit_events_must_extend_head BEFORE INSERT ON audit_events
      WHEN NEW.seq IS NOT (SELECT event_count + 1 FROM audit_chain_head WHERE id = 1)
        OR NEW.prev_hash IS NOT (SELECT head_hash FROM audit_chain_head WHERE id = 1)
      BEGIN
        SELECT RAISE(ABORT, 'audit event does not extend the chain head');
      END;
      CREATE TRIGGER audit_events_advance_head AFTER INSERT ON audit_events
      BEGIN
        UPDATE audit_chain_head SET event_count = NEW.seq, head_hash = NEW.hash WHERE id = 1;
      END;
      CREATE TRIGGER audit_events_refuse_update BEFORE UPDATE ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only');
      END;
      CREATE TRIGGER audit_events_refuse_delete BEFORE DELETE ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only');
      END;
      CREATE TRIGGER audit_chain_head_refuse_delete BEFORE DELETE ON audit_chain_head
      BEGIN
        SELECT RAISE(ABORT, 'the audit chain head cannot be deleted');
      END;
    `);
  },
};
