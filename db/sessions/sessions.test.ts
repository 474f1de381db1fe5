import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { verifyRecords } from '../audit/verify-records';
import { openSessionClinic, sessionInput, type SessionClinic } from './sessions-test-helpers';

let c: SessionClinic;
beforeEach(async () => {
  c = await openSessionClinic();
});
afterEach(() => c.close());

function contentHash(): string {
  const tables = c.env.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
  const hash = createHash('sha256');
  for (const { name } of tables) hash.update(JSON.stringify(c.env.db.prepare(`SELECT * FROM "${name}"`).all()));
  return hash.digest('hex');
}
const onHand = (lotId: number) => (c.env.db.prepare('SELECT on_hand FROM stock_lots WHERE id = ?').get(lotId) as { on_hand: number }).on_hand;

describe('recording a session', () => {
  it('writes the session and its needle and PPE use in one transaction, at the price in force', async () => {
    const { session, warnings } = await c.call('sessions.record', sessionInput(c));
    expect(session).toMatchObject({ needlesOpened: 6, needlesDisposed: 6, priceCents: 6000, balanceCents: 6000, therapistName: 'Priya Raman' });
    expect(session.needles).toMatchObject([{ lotId: c.soonLotId, lotNumber: 'SOON', quantity: 6 }]);
    expect(session.supplies).toMatchObject([{ lotId: c.gloveLotId, quantity: 2 }]);
    expect([onHand(c.soonLotId), onHand(c.gloveLotId)]).toEqual([94, 398]);
    expect(warnings.join(' ')).toMatch(/no good-faith estimate/);
    const event = c.env.db.prepare("SELECT action, actor_staff_id FROM audit_events WHERE entity_type = 'session' AND entity_id = ?").get(String(session.id));
    expect(event).toEqual({ action: 'create', actor_staff_id: c.managerId });
  });

  it('starts from the visit kit with FEFO lots', async () => {
    const defaults = await c.call('sessions.formDefaults', { kind: 'self_pay', date: '2026-03-02' });
    expect(defaults.kit).toMatchObject([{ itemId: c.gloveItemId, quantity: 2, lotId: c.gloveLotId, problem: null }]);
    expect(defaults.needleItems).toMatchObject([{ itemId: c.needleItemId, lotId: c.soonLotId }]);
    expect(defaults.priceCents).toBe(6000);
  });

  it.each([
    [{ painAfter: 11 }, 'painAfter', 'invalid_input'],
    [{ painBefore: -1 }, 'painBefore', 'invalid_input'],
    [{ sessionDate: '2026-03-03' }, 'sessionDate', 'rule_violation'],
    [{ startTime: '25:00' }, 'startTime', 'invalid_input'],
    [{ startTime: '9am' }, 'startTime', 'invalid_input'],
    [{ therapistId: 999 }, 'therapistId', 'not_found'],
    [{ chartNumber: '  ' }, 'chartNumber', 'invalid_input'],
    [{ needlesDisposed: -1 }, 'needlesDisposed', 'invalid_input'],
    [{ needlesDisposed: 5.5 }, 'needlesDisposed', 'invalid_input'],
    [{ needles: [] }, 'needles', 'invalid_input'],
    [{ bodyRegions: [] }, 'bodyRegions', 'invalid_input'],
    [{ needlesDisposed: 5 }, 'countMismatchReason', 'rule_violation'],
    [{ adverseEvent: 'bruising' as const }, 'adverseEventNote', 'rule_violation'],
    [{ chartNumber: 'NO-CONSENT' }, 'consentOverrideReason', 'rule_violation'],
  ])('refuses %j naming %s and writes nothing', async (override, field, code) => {
    const before = contentHash();
    const result = await dispatch(c.env, 'sessions.record', sessionInput(c, override as never));
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    expect(contentHash()).toBe(before);
  });

  it('refuses a therapist without a dry-needling credential valid on the session date', async () => {
    const uncredentialed = await c.call('staff.create', { name: 'New Grad', role: 'therapist', jobTitle: 'DPT' });
    const before = contentHash();
    expect(await dispatch(c.env, 'sessions.record', sessionInput(c, { therapistId: uncredentialed.id }))).toMatchObject({
      ok: false,
      error: { field: 'therapistId', message: expect.stringMatching(/New Grad has no dry-needling credential valid on 2026-03-02/) },
    });
    expect(contentHash()).toBe(before);
  });

  it('puts the needles in the room\'s sharps container and opens an MDR evaluation for an adverse event', async () => {
    const container = await c.call('compliance.registerContainer', { label: 'R1-A', size: '1 qt', make: 'BD', room: 'Room 1', capacityNeedles: 400, placedInServiceOn: '2026-02-01' });
    const { session } = await c.call('sessions.record', sessionInput(c, { adverseEvent: 'fainting', adverseEventNote: 'vasovagal, recovered supine in 5 minutes' }));
    expect(session.sharpsContainerId).toBe(container.id);
    const mdr = c.env.db.prepare('SELECT count(*) AS n FROM mdr_evaluations WHERE session_id = ?').get(session.id);
    expect(mdr).toEqual({ n: 1 });
    await c.call('compliance.sealContainer', { containerId: container.id, sealedOn: '2026-03-02', level: 'three_quarter' });
    expect(await dispatch(c.env, 'sessions.record', sessionInput(c, { sharpsContainerId: container.id }))).toMatchObject({ ok: false, error: { field: 'sharpsContainerId' } });
  });

  it('refuses an inactive therapist and a non-therapist', async () => {
    const desk = await c.call('staff.create', { name: 'Desk', role: 'front_desk', jobTitle: '' });
    expect(await dispatch(c.env, 'sessions.record', sessionInput(c, { therapistId: desk.id }))).toMatchObject({ ok: false, error: { field: 'therapistId' } });
    await c.call('staff.deactivate', { id: c.therapistId, reason: 'left the clinic' });
    expect(await dispatch(c.env, 'sessions.record', sessionInput(c))).toMatchObject({ ok: false, error: { field: 'therapistId', message: expect.stringMatching(/inactive/) } });
  });

  it('cannot use stock that is not there, and the error names the lot and the line', async () => {
    const result = await dispatch(c.env, 'sessions.record', sessionInput(c, { needles: [{ itemId: c.needleItemId, lotId: c.soonLotId, quantity: 150 }], needlesDisposed: 150 }));
    expect(result).toMatchObject({ ok: false, error: { field: 'needles.0.quantity', message: expect.stringContaining('Lot SOON') } });
    const wrongItem = await dispatch(c.env, 'sessions.record', sessionInput(c, { needles: [{ itemId: c.needleItemId, lotId: c.gloveLotId, quantity: 1 }], needlesDisposed: 1 }));
    expect(wrongItem).toMatchObject({ ok: false, error: { field: 'needles.0.lotId' } });
  });

  it('records a count mismatch only with its reason, and proceeds without consent only with a reason', async () => {
    const { session } = await c.call('sessions.record', sessionInput(c, { needlesDisposed: 5, countMismatchReason: 'one needle found on the table, disposed after' }));
    expect(session.countMismatchReason).toMatch(/found on the table/);
    const { warnings } = await c.call('sessions.record', sessionInput(c, { chartNumber: 'NEW-1', consentOverrideReason: 'consent form signed on paper, scan pending' }));
    expect(warnings.join(' ')).toMatch(/No consent on file/);
  });
});

describe('correcting and voiding', () => {
  it('amends with a reason, keeping the original visible, and re-applies stock', async () => {
    const { session } = await c.call('sessions.record', sessionInput(c));
    const { session: amended } = await c.call('sessions.amend', {
      id: session.id,
      reason: 'wrong lot and count entered',
      session: sessionInput(c, { needles: [{ itemId: c.needleItemId, lotId: c.laterLotId, quantity: 4 }], needlesDisposed: 4, painAfter: 2 }),
    });
    expect(amended.amendmentCount).toBe(1);
    expect(amended.needles).toMatchObject([{ lotId: c.laterLotId, quantity: 4 }]);
    expect([onHand(c.soonLotId), onHand(c.laterLotId)]).toEqual([100, 96]);
    expect(amended.amendments[0]).toMatchObject({ reason: 'wrong lot and count entered', before: { painAfter: 3, needlesOpened: 6 }, after: { painAfter: 2, needlesOpened: 4 } });
  });

  it('voids a paid session: stock returns through reversing movements and payments are refunded', async () => {
    const { session } = await c.call('sessions.record', sessionInput(c));
    await c.call('revenue.recordPayment', { sessionId: session.id, method: 'card', amountCents: 6000, paidOn: '2026-03-02' });
    const voided = await c.call('sessions.void', { id: session.id, reason: 'entered for the wrong patient', refundPayments: true });
    expect(voided).toMatchObject({ status: 'voided', balanceCents: 0, paidCents: 0 });
    expect([onHand(c.soonLotId), onHand(c.gloveLotId)]).toEqual([100, 400]);
    const kinds = c.env.db.prepare('SELECT kind, quantity FROM stock_movements WHERE session_id = ? ORDER BY id').all(session.id);
    expect(kinds).toEqual([
      { kind: 'use', quantity: -6 },
      { kind: 'use', quantity: -2 },
      { kind: 'reverse', quantity: 6 },
      { kind: 'reverse', quantity: 2 },
    ]);
    await expect(c.call('sessions.amend', { id: session.id, reason: 'too late', session: sessionInput(c) })).rejects.toThrow(/voided/);
  });

  it('links the recall trace to sessions: date, therapist, chart number, needles', async () => {
    const { session } = await c.call('sessions.record', sessionInput(c));
    const { session: other } = await c.call('sessions.record', sessionInput(c, { chartNumber: 'C-200', needles: [{ itemId: c.needleItemId, lotId: c.soonLotId, quantity: 3 }], needlesDisposed: 3 }));
    await c.call('sessions.void', { id: other.id, reason: 'duplicate entry' });
    const trace = await c.call('inventory.recall', { lotId: c.soonLotId, occurredOn: '2026-03-02', noticeReference: 'FSN-1', note: '' });
    expect(trace.uses.map((u) => [u.sessionId, u.chartNumber, u.therapistName, u.quantity, u.isReversed])).toEqual([
      [session.id, 'C-100', 'Priya Raman', 6, false],
      [other.id, 'C-200', 'Priya Raman', 3, true],
    ]);
    expect(trace.sessionsAffected).toBe(1);
    const { csv } = await c.call('inventory.traceLotCsv', { lotId: c.soonLotId });
    expect(csv).toContain('C-100');
  });
});

describe('lists and reports', () => {
  it('filters the sessions list and pages it by keyset', async () => {
    for (const [chart, kind] of [['C-100', 'self_pay'], ['C-200', 'plan_of_care'], ['C-300', 'self_pay']] as const) {
      await c.call('sessions.record', sessionInput(c, { chartNumber: chart, kind }));
    }
    const all = await c.call('sessions.list', { from: '2026-03-01', to: '2026-03-02', limit: 2 });
    expect(all.total).toBe(3);
    expect(all.sessions).toHaveLength(2);
    const rest = await c.call('sessions.list', { from: '2026-03-01', to: '2026-03-02', limit: 2, after: all.next! });
    expect(rest.sessions.map((s) => s.chartNumber)).toEqual(['C-100']);
    expect((await c.call('sessions.list', { from: '2026-03-01', to: '2026-03-02', kind: 'plan_of_care' })).sessions.map((s) => s.chartNumber)).toEqual(['C-200']);
    expect((await c.call('sessions.list', { from: '2026-03-01', to: '2026-03-02', chartNumber: 'C-300' })).total).toBe(1);
  });

  it('reports effectiveness: means, change and the share improving by 2+ points', async () => {
    await c.call('sessions.record', sessionInput(c, { painBefore: 8, painAfter: 4, bodyRegions: ['neck'] }));
    await c.call('sessions.record', sessionInput(c, { painBefore: 5, painAfter: 4, bodyRegions: ['low_back'] }));
    const report = await c.call('sessions.effectiveness', { from: '2026-03-01', to: '2026-03-31' });
    expect(report.overall).toMatchObject({ sessions: 2, meanBefore: 6.5, meanAfter: 4, meanChange: -2.5, improvedShare: 0.5 });
    expect(report.byRegion.find((r) => r.key === 'neck')).toMatchObject({ sessions: 1, improvedShare: 1 });
  });
});

describe('pay at record time', () => {
  it('takes the payment in the same transaction, or nothing at all', async () => {
    const { session } = await c.call('sessions.record', { ...sessionInput(c), payment: { method: 'card', amountCents: 6000 } });
    expect(session).toMatchObject({ paidCents: 6000, balanceCents: 0 });
    const before = contentHash();
    const over = await dispatch(c.env, 'sessions.record', { ...sessionInput(c), payment: { method: 'card', amountCents: 6001 } });
    expect(over).toMatchObject({ ok: false, error: { field: 'payment.amountCents' } });
    expect(contentHash()).toBe(before);
  });

  it("records the payment in the session's own event, and verify holds the payment row to it", async () => {
    const { session } = await c.call('sessions.record', { ...sessionInput(c), payment: { method: 'cash', amountCents: 2500 } });
    const last = c.env.db.prepare('SELECT seq, entity_type, entity_id, after_json FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; entity_type: string; entity_id: string; after_json: string };
    const payment = c.env.db.prepare('SELECT id, amount_cents FROM payments WHERE session_id = ?').get(session.id) as { id: number; amount_cents: number };
    expect([last.entity_type, last.entity_id]).toEqual(['session', String(session.id)]);
    expect(JSON.parse(last.after_json).payment).toEqual({
      id: payment.id, kind: 'payment', sessionId: session.id, packageId: null, refundOfPaymentId: null, chartNumber: 'C-100',
      method: 'cash', amountCents: 2500, paidOn: '2026-03-02', note: '', afterCloseReason: null,
    });
    expect(c.env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE entity_type = 'payment'").get()).toEqual({ n: 0 });
    expect(verifyRecords(c.env.db)).toMatchObject({ isConsistent: true, problemCount: 0 });

    // A later change to the payment is its own event, merged over what the session's event recorded.
    await c.call('revenue.voidPayment', { paymentId: payment.id, reason: 'card taken by mistake' });
    expect(verifyRecords(c.env.db)).toMatchObject({ isConsistent: true });
    // The payment's history in the audit log starts with its session's event.
    const history = await c.call('audit.list', { entityType: 'payment', entityId: String(payment.id) });
    expect(history.events.map((e) => [e.action, e.entityType, e.entityId])).toEqual([['void', 'payment', String(payment.id)], ['create', 'session', String(session.id)]]);
    c.env.db.prepare('UPDATE payments SET amount_cents = 250 WHERE id = ?').run(payment.id);
    expect(verifyRecords(c.env.db).problems).toEqual([
      expect.objectContaining({ table: 'payments', rowId: payment.id, column: 'amount_cents', message: expect.stringMatching(/amount_cents is 250 but the audit log last recorded 2500/) }),
    ]);
  });

  it('answers with the session exactly as reading it back gives it', async () => {
    await c.call('revenue.closeDay', { date: '2026-03-01', cashCountedCents: 0, note: '' });
    const variants = [
      sessionInput(c),
      { ...sessionInput(c), payment: { method: 'card' as const, amountCents: 3000 } },
      sessionInput(c, {
        needles: [{ itemId: c.needleItemId, lotId: c.soonLotId, quantity: 3 }, { itemId: c.needleItemId, lotId: c.laterLotId, quantity: 1 }, { itemId: c.needleItemId, lotId: c.soonLotId, quantity: 2 }],
        needlesDisposed: 5,
        countMismatchReason: 'one needle bent on insertion and went to sharps separately',
      }),
      sessionInput(c, { kind: 'plan_of_care', chartNumber: 'C-999', consentOverrideReason: 'consent signed on paper, scanned tomorrow', adverseEvent: 'bleeding', adverseEventNote: 'pressure held 2 minutes', supplies: [] }),
      sessionInput(c, { sessionDate: '2026-03-01', afterCloseReason: 'paper note found the next morning', bodyRegions: ['neck', 'neck', 'low_back'] }),
    ];
    for (const input of variants) {
      const recorded = await c.call('sessions.record', input);
      expect(recorded.session).toEqual(await c.call('sessions.get', { id: recorded.session.id }));
    }
  });

  it('writes one audit event for the session, listing the movements it made', async () => {
    const { session } = await c.call('sessions.record', sessionInput(c));
    const events = c.env.db.prepare('SELECT entity_type, after_json FROM audit_events WHERE seq > (SELECT max(seq) - 5 FROM audit_events) ORDER BY seq').all() as Array<{ entity_type: string; after_json: string }>;
    const sessionEvent = events.at(-1)!;
    expect(sessionEvent.entity_type).toBe('session');
    expect(JSON.parse(sessionEvent.after_json).needles).toEqual([{ lotId: c.soonLotId, lotNumber: 'SOON', quantity: 6, movementId: session.needles[0]!.movementId }]);
    expect(events.filter((e) => e.entity_type === 'lot')).toHaveLength(0);
  });
});
