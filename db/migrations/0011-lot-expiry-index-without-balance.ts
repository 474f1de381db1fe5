// The expiry index of stock lots no longer depends on the balance. As a partial index (WHERE on_hand > 0) it had
// to be rewritten by every movement, since each one updates its lot's on_hand: a recorded session dirtied an
// index page per lot it drew on. Queries for stocked lots by expiry still use it (on_hand is checked per row).
import type { Migration } from './migration';

export const migration0011: Migration = {
  version: 11,
  name: 'lot expiry index without balance',
  up(db) {
    db.exec(`
      DROP INDEX stock_lots_by_expiry_date;
      CREATE INDEX stock_lots_by_expiry_date ON stock_lots (expiry_date);
    `);
  },
};
