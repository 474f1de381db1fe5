// The append-only, hash-chained audit log and the head kept beside it.
// See db/audit/CANONICAL-ENCODING.md for how each hash is computed.
import type { Migration } from './migration';

export const GENESIS_HASH = '0'.repeat(64);

export const migration0003: Migration = {
  version: 3,
  name: 'create audit events',
  up(db) {
    db.exec(`
      -- body is the event's canonical JSON, exactly the text that is hashed; the columns after it are read
      -- out of it by SQLite (generated), so a column can never disagree with what the hash covers.
      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        event_id TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.event_id') STORED UNIQUE,
        at TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.at') STORED,
        actor_staff_id INTEGER GENERATED ALWAYS AS (body ->> '$.actor_staff_id') STORED,
        device_id TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.device_id') VIRTUAL,
        action TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.action') STORED,
        entity_type TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.entity_type') STORED,
        entity_id TEXT NOT NULL GENERATED ALWAYS AS (body ->> '$.entity_id') STORED,
        before_json TEXT NOT NULL GENERATED ALWAYS AS (body -> '$.before') VIRTUAL,
        after_json TEXT NOT NULL GENERATED ALWAYS AS (body -> '$.after') VIRTUAL,
        reason TEXT GENERATED ALWAYS AS (body ->> '$.reason') VIRTUAL,
        CHECK (seq = body ->> '$.seq')
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
