// Stock items (needles, PPE, supplies), their lots, and the stock ledger. On hand derives from movements.
import type { Migration } from './migration';

export const migration0004: Migration = {
  version: 4,
  name: 'create inventory',
  up(db) {
    db.exec(`
      CREATE TABLE stock_items (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('needle', 'ppe', 'supply')),
        category TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        manufacturer TEXT NOT NULL DEFAULT '',
        gtin TEXT UNIQUE,
        unit TEXT NOT NULL,
        units_per_pack INTEGER NOT NULL CHECK (units_per_pack >= 1),
        reorder_point INTEGER NOT NULL CHECK (reorder_point >= 0),
        par_level INTEGER NOT NULL CHECK (par_level >= 0),
        is_lot_tracked INTEGER NOT NULL CHECK (is_lot_tracked IN (0, 1)),
        requires_expiry INTEGER NOT NULL CHECK (requires_expiry IN (0, 1)),
        -- Needle products: what a recall notice names (880.5580 labelled single use and sterile).
        diameter_mm REAL,
        gauge INTEGER,
        length_mm REAL,
        has_guide_tube INTEGER CHECK (has_guide_tube IN (0, 1)),
        is_sterile_single_use INTEGER CHECK (is_sterile_single_use IN (0, 1)),
        -- Gloves: sizes must be readily accessible (1910.1030(d)(3)(iii)).
        size TEXT,
        material TEXT,
        is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (kind <> 'needle' OR (diameter_mm IS NOT NULL AND length_mm IS NOT NULL AND is_lot_tracked = 1 AND requires_expiry = 1))
      ) STRICT;
      CREATE INDEX stock_items_by_kind_name ON stock_items (kind, name);

      CREATE TABLE stock_lots (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES stock_items (id) ON DELETE RESTRICT,
        lot_number TEXT NOT NULL,
        expiry_date TEXT,
        manufacture_date TEXT,
        status TEXT NOT NULL DEFAULT 'available'
          CHECK (status IN ('available', 'on_hold', 'quarantined', 'recalled', 'destroyed')),
        -- Maintained summary of the ledger, updated in the same transaction as each movement.
        on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        -- Totals of the receipts, kept with each receipt, so a lot's unit cost is one division.
        received_quantity INTEGER NOT NULL DEFAULT 0,
        received_cost_cents INTEGER NOT NULL DEFAULT 0,
        first_received_on TEXT NOT NULL,
        recall_reference TEXT,
        recalled_on TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (item_id, lot_number)
      ) STRICT;
      CREATE INDEX stock_lots_by_item_id_expiry_date ON stock_lots (item_id, expiry_date);
      CREATE INDEX stock_lots_by_expiry_date ON stock_lots (expiry_date) WHERE on_hand > 0;

      CREATE TABLE stock_movements (
        id INTEGER PRIMARY KEY,
        lot_id INTEGER NOT NULL REFERENCES stock_lots (id) ON DELETE RESTRICT,
        item_id INTEGER NOT NULL REFERENCES stock_items (id) ON DELETE RESTRICT,
        kind TEXT NOT NULL CHECK (kind IN ('receive', 'use', 'waste', 'adjust', 'quarantine', 'release', 'recall',
          'return', 'destroy', 'reverse')),
        quantity INTEGER NOT NULL,
        balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
        status_after TEXT NOT NULL,
        occurred_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        session_id INTEGER,
        waste_reason TEXT,
        note TEXT NOT NULL DEFAULT '',
        reference TEXT NOT NULL DEFAULT '',
        supplier TEXT NOT NULL DEFAULT '',
        -- Receipts: what the whole line cost, so per-unit cost stays exact when a box price does not divide.
        line_cost_cents INTEGER CHECK (line_cost_cents >= 0),
        -- Uses: the lot's average receipt cost per unit when it was used (a reversal repeats its use's), so
        -- supply cost reports do not move when a later delivery of the same lot changes the average.
        unit_cost_cents REAL,
        condition_on_arrival TEXT,
        udi_raw TEXT,
        destroy_method TEXT,
        witness_staff_id INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        reverses_movement_id INTEGER REFERENCES stock_movements (id) ON DELETE RESTRICT
      ) STRICT;
      CREATE INDEX stock_movements_by_lot_id ON stock_movements (lot_id, id);
      CREATE INDEX stock_movements_by_item_id_kind_occurred_on ON stock_movements (item_id, kind, occurred_on);
      CREATE INDEX stock_movements_by_session_id ON stock_movements (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX stock_movements_by_occurred_on ON stock_movements (occurred_on);
      CREATE INDEX stock_movements_by_reverses_movement_id ON stock_movements (reverses_movement_id) WHERE reverses_movement_id IS NOT NULL;

      -- What a recall trace shows of the session behind a use. Empty until the sessions migration replaces it.
      CREATE VIEW session_trace_details AS
        SELECT CAST(NULL AS INTEGER) AS session_id, CAST(NULL AS TEXT) AS chart_number,
               CAST(NULL AS TEXT) AS therapist_name, CAST(NULL AS TEXT) AS session_status
        WHERE 0;

      -- Units of each item used per day (uses less reversed uses): a maintained summary for days of cover and
      -- expiry risk, kept by trigger in the same transaction as each movement.
      CREATE TABLE item_day_use (
        item_id INTEGER NOT NULL REFERENCES stock_items (id) ON DELETE RESTRICT,
        occurred_on TEXT NOT NULL,
        used INTEGER NOT NULL,
        PRIMARY KEY (item_id, occurred_on)
      ) STRICT;
      CREATE TRIGGER stock_movements_count_use AFTER INSERT ON stock_movements
      WHEN NEW.kind = 'use'
        OR (NEW.kind = 'reverse' AND (SELECT kind FROM stock_movements WHERE id = NEW.reverses_movement_id) = 'use')
      BEGIN
        INSERT INTO item_day_use (item_id, occurred_on, used) VALUES (NEW.item_id, NEW.occurred_on, -NEW.quantity)
          ON CONFLICT (item_id, occurred_on) DO UPDATE SET used = used - NEW.quantity;
      END;

      -- The ledger is append-only: corrections are new movements.
      CREATE TRIGGER stock_movements_refuse_update BEFORE UPDATE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
      CREATE TRIGGER stock_movements_refuse_delete BEFORE DELETE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
    `);
  },
};
