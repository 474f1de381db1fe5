// sessions.record reads each lot once for its checks and its movements: two lines on one lot must still see each
// other, and the lot's balance must never go below zero. Recording must not rewrite the lot-expiry index (0011).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSessionClinic, sessionInput, type SessionClinic } from './sessions-test-helpers';

let clinic: SessionClinic;
beforeEach(async () => {
  clinic = await openSessionClinic();
});
afterEach(() => clinic.close());

const onHand = (lotId: number) => (clinic.env.db.prepare('SELECT on_hand FROM stock_lots WHERE id = ?').get(lotId) as { on_hand: number }).on_hand;

/** A session whose two needle lines both draw on the SOON lot, every needle disposed of. */
const twoLinesOnSoonLot = (first: number, second: number) =>
  sessionInput(clinic, {
    needles: [
      { itemId: clinic.needleItemId, lotId: clinic.soonLotId, quantity: first },
      { itemId: clinic.needleItemId, lotId: clinic.soonLotId, quantity: second },
    ],
    needlesDisposed: first + second,
  });

describe('two needle lines drawing on the same lot', () => {
  it('take both quantities off the lot, each movement carrying the balance after it', async () => {
    const { session } = await clinic.call(
      'sessions.record',
      twoLinesOnSoonLot(30, 50),
    );
    expect(onHand(clinic.soonLotId)).toBe(20);
    const movements = clinic.env.db
      .prepare("SELECT quantity, balance_after FROM stock_movements WHERE session_id = ? AND lot_id = ? AND kind = 'use' ORDER BY id")
      .all(session.id, clinic.soonLotId);
    expect(movements).toEqual([
      { quantity: -30, balance_after: 70 },
      { quantity: -50, balance_after: 20 },
    ]);
  });

  it('are refused together when they add up to more than the lot holds, leaving nothing written', async () => {
    const sessionsBefore = clinic.env.db.prepare('SELECT count(*) AS n FROM sessions').get();
    await expect(
      clinic.call(
        'sessions.record',
        twoLinesOnSoonLot(60, 60),
      ),
    ).rejects.toThrow(/holds 40/);
    expect(onHand(clinic.soonLotId)).toBe(100);
    expect(clinic.env.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual(sessionsBefore);
  });

  it('still name a lot that does not exist, and a lot of another item', async () => {
    await expect(clinic.call('sessions.record', sessionInput(clinic, { needles: [{ itemId: clinic.needleItemId, lotId: 9999, quantity: 6 }] }))).rejects.toThrow(
      /There is no lot #9999/,
    );
    await expect(
      clinic.call('sessions.record', sessionInput(clinic, { needles: [{ itemId: clinic.needleItemId, lotId: clinic.gloveLotId, quantity: 6 }] })),
    ).rejects.toThrow(/is a lot of .*, not of /);
  });
});

describe('the pages a recorded session writes', () => {
  /** Page numbers of the frames in the WAL file (the file is checkpointed to empty before the write). */
  function walPages(walPath: string): Set<number> {
    const wal = readFileSync(walPath);
    const pageSize = wal.readUInt32BE(8);
    const salt = wal.readUInt32BE(16);
    const pages = new Set<number>();
    for (let at = 32; at + 24 + pageSize <= wal.length && wal.readUInt32BE(at + 8) === salt; at += 24 + pageSize) pages.add(wal.readUInt32BE(at));
    return pages;
  }

  it('leave the lot-expiry index alone although every movement updates its lot', async () => {
    const { db } = clinic.env;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const indexPages = new Set(db.prepare("SELECT pageno FROM dbstat WHERE name = 'stock_lots_by_expiry_date'").pluck().all() as number[]);
    const lotPages = new Set(db.prepare("SELECT pageno FROM dbstat WHERE name = 'stock_lots'").pluck().all() as number[]);
    await clinic.call('sessions.record', sessionInput(clinic));
    const written = walPages(`${clinic.dbPath}-wal`);
    expect([...lotPages].some((p) => written.has(p))).toBe(true);
    expect([...indexPages].filter((p) => written.has(p))).toEqual([]);
    // The index still serves the expiring-stock query.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM stock_lots WHERE on_hand > 0 AND expiry_date <= ?').all('2026-06-01') as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/stock_lots_by_expiry_date/);
  });
});
