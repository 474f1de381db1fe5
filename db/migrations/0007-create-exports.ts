// Audit bundles the clinic exported, and the HIPAA accounting of disclosures (45 CFR 164.528).
import type { Migration } from './migration';

export const migration0007: Migration = {
  version: 7,
  name: 'create exports',
  up(db) {
    db.exec(`
      -- One row per export attempt, finished, failed or cancelled (compliance.md 9.14): who, what scope, which file.
      CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        export_uuid TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        -- Where the bundle was written; the file may since have been moved or deleted.
        file_path TEXT NOT NULL,
        range_from TEXT NOT NULL,
        range_to TEXT NOT NULL,
        options_json TEXT NOT NULL,
        purpose TEXT NOT NULL,
        recipient TEXT,
        is_deidentified INTEGER NOT NULL CHECK (is_deidentified IN (0, 1)),
        contains_phi INTEGER NOT NULL CHECK (contains_phi IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('done', 'failed', 'cancelled')),
        error TEXT,
        size_bytes INTEGER CHECK (size_bytes IS NULL OR size_bytes >= 0),
        -- Of the ZIP as written, so a download can be checked end to end.
        file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
        manifest_sha256 TEXT CHECK (manifest_sha256 IS NULL OR length(manifest_sha256) = 64),
        chain_event_count INTEGER,
        chain_head_hash TEXT,
        -- NULL when run from the command line by whoever can read the clinic file.
        created_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        created_via TEXT NOT NULL CHECK (created_via IN ('app', 'cli')),
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        CHECK (status <> 'done' OR (manifest_sha256 IS NOT NULL AND size_bytes IS NOT NULL AND file_sha256 IS NOT NULL)),
        CHECK (range_from <= range_to)
      ) STRICT;
      CREATE INDEX exports_by_finished_at ON exports (finished_at);
      CREATE TRIGGER exports_refuse_update BEFORE UPDATE ON exports
      BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;
      CREATE TRIGGER exports_refuse_delete BEFORE DELETE ON exports
      BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;

      -- Accounting of disclosures: date, recipient, purpose, what was sent (compliance.md 5.5, 9.13). Kept 6 years.
      CREATE TABLE disclosures (
        id INTEGER PRIMARY KEY,
        disclosed_on TEXT NOT NULL,
        recipient_name TEXT NOT NULL CHECK (length(trim(recipient_name)) > 0),
        recipient_address TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
        phi_description TEXT NOT NULL CHECK (length(trim(phi_description)) > 0),
        legal_basis TEXT NOT NULL CHECK (legal_basis IN ('public_health_164_512b', 'required_by_law', 'health_oversight', 'other')),
        chart_number_count INTEGER NOT NULL CHECK (chart_number_count >= 0),
        export_id INTEGER REFERENCES exports (id) ON DELETE RESTRICT,
        recorded_at TEXT NOT NULL,
        -- NULL when recorded by a command-line export.
        recorded_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX disclosures_by_disclosed_on ON disclosures (disclosed_on);
      CREATE INDEX disclosures_by_export_id ON disclosures (export_id) WHERE export_id IS NOT NULL;

      -- The patients each disclosure concerned, so a patient's own accounting can be listed (164.528(a)).
      CREATE TABLE disclosure_patients (
        disclosure_id INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE RESTRICT,
        chart_number TEXT NOT NULL,
        PRIMARY KEY (disclosure_id, chart_number)
      ) STRICT;
      CREATE INDEX disclosure_patients_by_chart_number ON disclosure_patients (chart_number);

      CREATE TRIGGER disclosures_refuse_update BEFORE UPDATE ON disclosures
      BEGIN SELECT RAISE(ABORT, 'the accounting of disclosures is append-only'); END;
      CREATE TRIGGER disclosures_refuse_delete BEFORE DELETE ON disclosures
      BEGIN SELECT RAISE(ABORT, 'the accounting of disclosures is append-only'); END;
      CREATE TRIGGER disclosure_patients_refuse_update BEFORE UPDATE ON disclosure_patients
      BEGIN SELECT RAISE(ABORT, 'the accounting of disclosures is append-only'); END;
      CREATE TRIGGER disclosure_patients_refuse_delete BEFORE DELETE ON disclosure_patients
      BEGIN SELECT RAISE(ABORT, 'the accounting of disclosures is append-only'); END;
    `);
  },
};
