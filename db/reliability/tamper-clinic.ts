// A small but varied clinic to tamper with: sessions (amended, voided), payments and a refund, staff with
// PINs and a deactivation, waste and receipts; then an in-memory copy per tamper case.
import Database from 'better-sqlite3';
import { addDays } from '../clinic/business-time';
import { openSessionClinic, sessionInput } from '../sessions/sessions-test-helpers';

export async function seedTamperClinic(sessionCount: number): Promise<Buffer> {
  const today = '2026-03-02';
  const c = await openSessionClinic(`${today}T20:00:00.000Z`);
  c.env.db.pragma('synchronous = OFF');
  const front = await c.call('staff.create', { name: 'Jordan Avery', role: 'front_desk', jobTitle: 'Front desk' });
  await c.call('staff.setPin', { id: front.id, pin: '4821' });
  await c.call('staff.update', { id: front.id, name: 'Jordan Avery-Lee', role: 'front_desk', jobTitle: 'Front desk lead', reason: 'name change' });
  const temp = await c.call('staff.create', { name: 'Temp Therapist', role: 'therapist', jobTitle: 'PT' });
  await c.call('staff.deactivate', { id: temp.id, reason: 'contract ended' });
  // Top up both needle lots (same lot numbers add to the same lots) so larger clinics do not run dry.
  await c.call('inventory.receiveDelivery', {
    receivedOn: '2026-01-05',
    supplier: 'Lhasa OMS',
    reference: 'INV-2',
    lines: [
      { itemId: c.needleItemId, lotNumber: 'SOON', expiryDate: '2026-09-30', quantity: 5, quantityUnit: 'pack', costCents: 1250, costPer: 'pack' },
      { itemId: c.needleItemId, lotNumber: 'LATER', expiryDate: '2027-09-30', quantity: 5, quantityUnit: 'pack', costCents: 1250, costPer: 'pack' },
    ],
  });
  const charts = ['C-100', 'C-200', 'C-300'];
  for (let i = 0; i < sessionCount; i += 1) {
    const sessionDate = addDays(today, -(i % 20));
    const lotId = i % 2 === 0 ? c.soonLotId : c.laterLotId;
    const quantity = 2 + (i % 4);
    const { session } = await c.call(
      'sessions.record',
      sessionInput(c, { sessionDate, chartNumber: charts[i % 3] as string, kind: i % 3 === 0 ? 'plan_of_care' : 'self_pay', needles: [{ itemId: c.needleItemId, lotId, quantity }], needlesDisposed: quantity, painAfter: i % 10, notes: `visit ${i}` }),
    );
    if (session.priceCents > 0 && i % 4 !== 3) {
      const payment = await c.call('revenue.recordPayment', { sessionId: session.id, method: i % 2 ? 'card' : 'cash', amountCents: session.priceCents, paidOn: sessionDate });
      if (i % 7 === 1) await c.call('revenue.refund', { paymentId: payment.id, amountCents: 1000, paidOn: sessionDate, reason: 'partial refund' });
    }
    if (i % 9 === 4) {
      await c.call('sessions.amend', { id: session.id, reason: 'pain score typo', session: { ...sessionInput(c, { sessionDate, chartNumber: session.chartNumber, kind: session.kind, needles: [{ itemId: c.needleItemId, lotId, quantity }], needlesDisposed: quantity }), painAfter: 1 } });
    }
    if (i % 11 === 6) await c.call('sessions.void', { id: session.id, reason: 'entered twice', refundPayments: true });
  }
  await c.call('inventory.waste', { lotId: c.gloveLotId, quantity: 3, occurredOn: today, reason: 'dropped_or_contaminated', note: 'fell on floor' });
  await c.call('inventory.receiveDelivery', { receivedOn: today, supplier: 'Lhasa OMS', reference: 'INV-77', lines: [{ itemId: c.needleItemId, lotNumber: 'NEW1', expiryDate: '2029-01-31', quantity: 2, quantityUnit: 'pack', costCents: 1250, costPer: 'pack' }] });
  const image = c.env.db.serialize();
  c.close();
  return image;
}

/**
 * An in-memory copy of the seeded file, as an attacker holding a SQLite tool would use it: triggers dropped and
 * foreign keys off (better-sqlite3 turns them on; the sqlite3 shell leaves them off). The header's WAL flags are set back to rollback-journal,
 * which an in-memory database needs; the pages themselves are unchanged.
 */
export function openTamperCopy(image: Buffer): Database.Database {
  const copy = Buffer.from(image);
  copy[18] = 1;
  copy[19] = 1;
  const db = new Database(copy);
  db.pragma('foreign_keys = OFF');
  const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[];
  for (const name of triggers) db.exec(`DROP TRIGGER "${name}"`);
  return db;
}

/** The same copy with its triggers kept, to show the untampered clinic verifies clean. */
export function openCleanCopy(image: Buffer): Database.Database {
  const copy = Buffer.from(image);
  copy[18] = 1;
  copy[19] = 1;
  return new Database(copy);
}
