// Dry-needling sessions (the visit log), visit kits, consents, and self-pay revenue: prices, good-faith
// estimates, payments, prepaid packages and daily closes.
import type { Migration } from './migration';

export const migration0005: Migration = {
  version: 5,
  name: 'create sessions and revenue',
  up(db) {
    db.exec(`
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        session_date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        started_at TEXT NOT NULL,
        therapist_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        -- A chart number, never a name: minimum necessary (45 CFR 164.502(b)).
        chart_number TEXT NOT NULL CHECK (length(trim(chart_number)) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('plan_of_care', 'self_pay')),
        room TEXT NOT NULL DEFAULT '',
        body_regions_json TEXT NOT NULL,
        hand_hygiene INTEGER NOT NULL CHECK (hand_hygiene IN (0, 1)),
        gloves_worn INTEGER NOT NULL CHECK (gloves_worn IN (0, 1)),
        skin_prep INTEGER NOT NULL CHECK (skin_prep IN (0, 1)),
        needles_to_sharps INTEGER NOT NULL CHECK (needles_to_sharps IN (0, 1)),
        needles_opened INTEGER NOT NULL CHECK (needles_opened >= 0),
        needles_disposed INTEGER NOT NULL CHECK (needles_disposed >= 0),
        count_mismatch_reason TEXT,
        sharps_container_id INTEGER,
        pain_before INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
        pain_after INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
        adverse_event TEXT NOT NULL CHECK (adverse_event IN ('none', 'bruising', 'bleeding', 'fainting', 'suspected_pneumothorax', 'other')),
        adverse_event_note TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        consent_override_reason TEXT,
        gfe_override_reason TEXT,
        -- Set when the session was recorded after its day was closed: a late entry, with why.
        after_close_reason TEXT,
        status TEXT NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'voided')),
        amendment_count INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        void_reason TEXT,
        CHECK (needles_opened = needles_disposed OR length(trim(count_mismatch_reason)) > 0)
      ) STRICT;
      CREATE INDEX sessions_by_session_date ON sessions (session_date, status);
      CREATE INDEX sessions_by_therapist_id_session_date ON sessions (therapist_id, session_date);
      CREATE INDEX sessions_by_chart_number ON sessions (chart_number, session_date);

      -- Each correction keeps the version it replaced, with who, when and why.
      CREATE TABLE session_amendments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE RESTRICT,
        before_json TEXT NOT NULL,
        after_json TEXT NOT NULL,
        reason TEXT NOT NULL,
        is_after_close INTEGER NOT NULL CHECK (is_after_close IN (0, 1)),
        amended_at TEXT NOT NULL,
        amended_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX session_amendments_by_session_id ON session_amendments (session_id);
      CREATE TRIGGER session_amendments_refuse_update BEFORE UPDATE ON session_amendments
      BEGIN SELECT RAISE(ABORT, 'session amendments are append-only'); END;
      CREATE TRIGGER session_amendments_refuse_delete BEFORE DELETE ON session_amendments
      BEGIN SELECT RAISE(ABORT, 'session amendments are append-only'); END;

      CREATE TABLE visit_kit_lines (
        id INTEGER PRIMARY KEY,
        session_kind TEXT NOT NULL CHECK (session_kind IN ('plan_of_care', 'self_pay')),
        item_id INTEGER NOT NULL REFERENCES stock_items (id) ON DELETE RESTRICT,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        UNIQUE (session_kind, item_id)
      ) STRICT;

      CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        chart_number TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        form_version TEXT NOT NULL,
        copy_given INTEGER NOT NULL CHECK (copy_given IN (0, 1)),
        revoked_on TEXT,
        revoke_reason TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX consents_by_chart_number ON consents (chart_number, signed_on);

      CREATE TABLE prices (
        id INTEGER PRIMARY KEY,
        session_kind TEXT NOT NULL CHECK (session_kind IN ('self_pay')),
        effective_from TEXT NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        UNIQUE (session_kind, effective_from)
      ) STRICT;
      -- The default self-pay price; clinics add their own with later effective dates.
      INSERT INTO prices (session_kind, effective_from, price_cents, recorded_at, recorded_by)
        VALUES ('self_pay', '2000-01-01', 6000, '2000-01-01T00:00:00.000Z', NULL);

      -- No Surprises Act good-faith estimates given to self-pay patients (45 CFR 149.610).
      CREATE TABLE good_faith_estimates (
        id INTEGER PRIMARY KEY,
        chart_number TEXT NOT NULL,
        given_on TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        valid_until TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX good_faith_estimates_by_chart_number ON good_faith_estimates (chart_number, given_on);

      CREATE TABLE packages (
        id INTEGER PRIMARY KEY,
        chart_number TEXT NOT NULL,
        name TEXT NOT NULL,
        visits_total INTEGER NOT NULL CHECK (visits_total > 0),
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        sold_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'voided')),
        void_reason TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX packages_by_chart_number ON packages (chart_number);

      CREATE TABLE package_uses (
        id INTEGER PRIMARY KEY,
        package_id INTEGER NOT NULL REFERENCES packages (id) ON DELETE RESTRICT,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE RESTRICT,
        used_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'voided')),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX package_uses_by_package_id ON package_uses (package_id, status);
      CREATE INDEX package_uses_by_session_id ON package_uses (session_id, status);

      -- Money in: payments for sessions or packages; money out: refunds of a payment. Voided, never deleted.
      CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
        session_id INTEGER REFERENCES sessions (id) ON DELETE RESTRICT,
        package_id INTEGER REFERENCES packages (id) ON DELETE RESTRICT,
        refund_of_payment_id INTEGER REFERENCES payments (id) ON DELETE RESTRICT,
        chart_number TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'hsa_fsa', 'check')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        paid_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        after_close_reason TEXT,
        status TEXT NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'voided')),
        void_reason TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        CHECK ((session_id IS NOT NULL) + (package_id IS NOT NULL) = 1),
        CHECK (kind = 'payment' OR refund_of_payment_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX payments_by_paid_on ON payments (paid_on, status);
      CREATE INDEX payments_by_session_id ON payments (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX payments_by_package_id ON payments (package_id) WHERE package_id IS NOT NULL;
      CREATE INDEX payments_by_refund_of_payment_id ON payments (refund_of_payment_id) WHERE refund_of_payment_id IS NOT NULL;

      CREATE TABLE day_closes (
        business_date TEXT PRIMARY KEY,
        closed_at TEXT NOT NULL,
        closed_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        cash_counted_cents INTEGER NOT NULL CHECK (cash_counted_cents >= 0),
        cash_expected_cents INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        summary_json TEXT NOT NULL,
        -- A paper witness of the log: the chain's size and head when the day was closed.
        chain_event_count INTEGER NOT NULL,
        chain_head_hash TEXT NOT NULL,
        -- The same checkpoint an export manifest carries, signed with the clinic's key, so the printed sheet
        -- is evidence an auditor can check against any later bundle.
        checkpoint_json TEXT NOT NULL,
        checkpoint_signature TEXT NOT NULL,
        signing_key_fingerprint TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER day_closes_refuse_update BEFORE UPDATE ON day_closes
      BEGIN SELECT RAISE(ABORT, 'a closed day stays closed'); END;
      CREATE TRIGGER day_closes_refuse_delete BEFORE DELETE ON day_closes
      BEGIN SELECT RAISE(ABORT, 'a closed day stays closed'); END;

      -- Maintained summaries for the Dashboard and reports, kept by triggers in the same transaction as the
      -- rows they sum; a test proves them equal to the records after random operations.
      CREATE TABLE session_day_counts (
        session_date TEXT NOT NULL,
        kind TEXT NOT NULL,
        therapist_id INTEGER NOT NULL,
        sessions INTEGER NOT NULL,
        needles INTEGER NOT NULL,
        PRIMARY KEY (session_date, kind, therapist_id)
      ) STRICT;
      CREATE TRIGGER sessions_count_insert AFTER INSERT ON sessions WHEN NEW.status = 'recorded'
      BEGIN
        INSERT INTO session_day_counts VALUES (NEW.session_date, NEW.kind, NEW.therapist_id, 1, NEW.needles_opened)
          ON CONFLICT DO UPDATE SET sessions = sessions + 1, needles = needles + NEW.needles_opened;
      END;
      CREATE TRIGGER sessions_count_update AFTER UPDATE ON sessions
      BEGIN
        UPDATE session_day_counts SET sessions = sessions - 1, needles = needles - OLD.needles_opened
          WHERE OLD.status = 'recorded' AND session_date = OLD.session_date AND kind = OLD.kind AND therapist_id = OLD.therapist_id;
        INSERT INTO session_day_counts SELECT NEW.session_date, NEW.kind, NEW.therapist_id, 1, NEW.needles_opened WHERE NEW.status = 'recorded'
          ON CONFLICT DO UPDATE SET sessions = sessions + 1, needles = needles + NEW.needles_opened;
      END;

      -- Earned self-pay revenue per day: each recorded visit's price, or its share of the package that paid it.
      CREATE TABLE revenue_days (
        session_date TEXT PRIMARY KEY,
        visits INTEGER NOT NULL,
        earned_cents REAL NOT NULL
      ) STRICT;
      CREATE VIEW session_earnings AS
        SELECT s.id AS session_id, s.session_date,
          CASE WHEN s.status = 'recorded' AND s.kind = 'self_pay' THEN 1 ELSE 0 END AS visits,
          CASE WHEN s.status = 'recorded' AND s.kind = 'self_pay' THEN coalesce(
            (SELECT 1.0 * k.price_cents / k.visits_total FROM package_uses u JOIN packages k ON k.id = u.package_id
             WHERE u.session_id = s.id AND u.status = 'active'), s.price_cents) ELSE 0 END AS earned_cents
        FROM sessions s;
      CREATE TRIGGER sessions_earn_insert AFTER INSERT ON sessions WHEN NEW.status = 'recorded' AND NEW.kind = 'self_pay'
      BEGIN
        INSERT INTO revenue_days VALUES (NEW.session_date, 1, NEW.price_cents)
          ON CONFLICT DO UPDATE SET visits = visits + 1, earned_cents = earned_cents + NEW.price_cents;
      END;
      CREATE TRIGGER sessions_earn_update AFTER UPDATE ON sessions
      WHEN (OLD.status = 'recorded' AND OLD.kind = 'self_pay') OR (NEW.status = 'recorded' AND NEW.kind = 'self_pay')
      BEGIN
        -- The package state is the same before and after this statement, so the old share is computed as now.
        UPDATE revenue_days SET visits = visits - 1, earned_cents = earned_cents - coalesce(
            (SELECT 1.0 * k.price_cents / k.visits_total FROM package_uses u JOIN packages k ON k.id = u.package_id
             WHERE u.session_id = OLD.id AND u.status = 'active'), OLD.price_cents)
          WHERE OLD.status = 'recorded' AND OLD.kind = 'self_pay' AND session_date = OLD.session_date;
        INSERT INTO revenue_days SELECT session_date, visits, earned_cents FROM session_earnings WHERE session_id = NEW.id AND visits = 1
          ON CONFLICT DO UPDATE SET visits = visits + 1, earned_cents = earned_cents + excluded.earned_cents;
      END;
      CREATE TRIGGER package_uses_earn_insert AFTER INSERT ON package_uses WHEN NEW.status = 'active'
      BEGIN
        UPDATE revenue_days SET earned_cents = earned_cents
            - (SELECT price_cents FROM sessions WHERE id = NEW.session_id)
            + (SELECT 1.0 * price_cents / visits_total FROM packages WHERE id = NEW.package_id)
          WHERE session_date = (SELECT session_date FROM sessions WHERE id = NEW.session_id AND status = 'recorded' AND kind = 'self_pay');
      END;
      CREATE TRIGGER package_uses_earn_void AFTER UPDATE OF status ON package_uses WHEN OLD.status = 'active' AND NEW.status = 'voided'
      BEGIN
        UPDATE revenue_days SET earned_cents = earned_cents
            + (SELECT price_cents FROM sessions WHERE id = NEW.session_id)
            - (SELECT 1.0 * price_cents / visits_total FROM packages WHERE id = NEW.package_id)
          WHERE session_date = (SELECT session_date FROM sessions WHERE id = NEW.session_id AND status = 'recorded' AND kind = 'self_pay');
      END;

      -- Supply cost of sessions per day and kind, at each use's unit cost (reversals take it back).
      CREATE TABLE supply_cost_days (
        session_date TEXT NOT NULL,
        kind TEXT NOT NULL,
        cost_cents REAL NOT NULL,
        PRIMARY KEY (session_date, kind)
      ) STRICT;
      CREATE TRIGGER stock_movements_cost_session AFTER INSERT ON stock_movements
      WHEN NEW.session_id IS NOT NULL AND NEW.kind IN ('use', 'reverse') AND NEW.unit_cost_cents IS NOT NULL
      BEGIN
        INSERT INTO supply_cost_days SELECT session_date, kind, -NEW.quantity * NEW.unit_cost_cents FROM sessions WHERE id = NEW.session_id
          ON CONFLICT DO UPDATE SET cost_cents = cost_cents + excluded.cost_cents;
      END;

      -- The recall trace now names the session, its chart number and therapist.
      DROP VIEW session_trace_details;
      CREATE VIEW session_trace_details AS
        SELECT s.id AS session_id, s.chart_number, t.name AS therapist_name, s.status AS session_status
        FROM sessions s JOIN staff t ON t.id = s.therapist_id;
    `);
  },
};
