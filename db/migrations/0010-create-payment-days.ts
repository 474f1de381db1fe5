// Collections per day and kind (payment or refund), so the Dashboard's year of collections reads a few hundred
// summary rows instead of every payment of the year. Kept by triggers in the same transaction as the payments.
import type { Migration } from './migration';

export const migration0010: Migration = {
  version: 10,
  name: 'create payment days',
  up(db) {
    db.exec(`
      CREATE TABLE payment_days (
        paid_on TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        PRIMARY KEY (paid_on, kind)
      ) STRICT;
      INSERT INTO payment_days SELECT paid_on, kind, sum(amount_cents) FROM payments WHERE status = 'recorded' GROUP BY paid_on, kind;

      CREATE TRIGGER payments_day_insert AFTER INSERT ON payments WHEN NEW.status = 'recorded'
      BEGIN
        INSERT INTO payment_days VALUES (NEW.paid_on, NEW.kind, NEW.amount_cents)
          ON CONFLICT DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents;
      END;
      -- A void takes the payment back out; any other change to what is summed moves it.
      CREATE TRIGGER payments_day_update AFTER UPDATE OF status, paid_on, kind, amount_cents ON payments
      BEGIN
        UPDATE payment_days SET amount_cents = amount_cents - OLD.amount_cents
          WHERE OLD.status = 'recorded' AND paid_on = OLD.paid_on AND kind = OLD.kind;
        INSERT INTO payment_days SELECT NEW.paid_on, NEW.kind, NEW.amount_cents WHERE NEW.status = 'recorded'
          ON CONFLICT DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents;
      END;
    `);
  },
};
