import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { clinicKeyStores, publicKeyFingerprint } from '../exports/key-store';
import { isSignatureValid } from '../exports/manifest';
import { openSessionClinic, sessionInput, type SessionClinic } from '../sessions/sessions-test-helpers';

let c: SessionClinic;
beforeEach(async () => {
  c = await openSessionClinic('2026-03-10T20:00:00.000Z');
});
afterEach(() => c.close());

const record = async (overrides: Parameters<typeof sessionInput>[1] = {}) => (await c.call('sessions.record', sessionInput(c, overrides))).session;

describe('pricing', () => {
  it('stores the price in force on the session date; a new price never rewrites past sessions', async () => {
    const before = await record({ sessionDate: '2026-03-02' });
    await c.call('revenue.setPrice', { effectiveFrom: '2026-03-05', priceCents: 6500 });
    const after = await record({ sessionDate: '2026-03-06' });
    const earlyDated = await record({ sessionDate: '2026-03-04' });
    expect([before.priceCents, after.priceCents, earlyDated.priceCents]).toEqual([6000, 6500, 6000]);
    expect((await c.call('sessions.get', { id: before.id })).priceCents).toBe(6000);
    expect((await record({ kind: 'plan_of_care' })).priceCents).toBe(0);
    await expect(c.call('revenue.setPrice', { effectiveFrom: '2026-03-05', priceCents: 7000 })).rejects.toThrow(/already starts/);
  });
});

describe('payments, refunds and packages', () => {
  it('takes partial payments up to the balance and refunds up to what was paid', async () => {
    const s = await record();
    await c.call('revenue.recordPayment', { sessionId: s.id, method: 'cash', amountCents: 2000, paidOn: '2026-03-02' });
    const over = await dispatch(c.env, 'revenue.recordPayment', { sessionId: s.id, method: 'card', amountCents: 4001, paidOn: '2026-03-02' });
    expect(over).toMatchObject({ ok: false, error: { code: 'rule_violation', field: 'amountCents' } });
    const card = await c.call('revenue.recordPayment', { sessionId: s.id, method: 'card', amountCents: 4000, paidOn: '2026-03-02' });
    expect((await c.call('sessions.get', { id: s.id })).balanceCents).toBe(0);
    await c.call('revenue.refund', { paymentId: card.id, amountCents: 1500, paidOn: '2026-03-03', reason: 'goodwill discount' });
    expect(await dispatch(c.env, 'revenue.refund', { paymentId: card.id, amountCents: 2501, paidOn: '2026-03-03', reason: 'too much' })).toMatchObject({
      ok: false,
      error: { field: 'amountCents', message: expect.stringContaining('$25.00 left to refund') },
    });
    expect((await c.call('sessions.get', { id: s.id })).balanceCents).toBe(1500);
    const outstanding = await c.call('revenue.outstanding', {});
    expect(outstanding.sessions.map((x) => [x.id, x.balanceCents])).toEqual([[s.id, 1500]]);
    expect(outstanding.totalDueCents).toBe(1500);
  });

  it('refuses payments on plan-of-care and voided sessions', async () => {
    const poc = await record({ kind: 'plan_of_care' });
    expect(await dispatch(c.env, 'revenue.recordPayment', { sessionId: poc.id, method: 'cash', amountCents: 100, paidOn: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { field: 'sessionId' },
    });
  });

  it('draws prepaid packages down one visit at a time, with balance and liability', async () => {
    const pkg = await c.call('revenue.sellPackage', {
      chartNumber: 'C-100',
      name: '5 visits',
      visitsTotal: 5,
      priceCents: 25000,
      soldOn: '2026-03-01',
      payment: { method: 'card', amountCents: 20000 },
    });
    expect(pkg).toMatchObject({ visitsLeft: 5, paidCents: 20000, balanceCents: 5000 });
    const s1 = await record({ sessionDate: '2026-03-02' });
    const s2 = await record({ sessionDate: '2026-03-03' });
    await c.call('revenue.payWithPackage', { sessionId: s1.id, packageId: pkg.id });
    const covered = await c.call('revenue.payWithPackage', { sessionId: s2.id, packageId: pkg.id });
    expect(covered).toMatchObject({ balanceCents: 0, coveredByPackageId: pkg.id });
    expect((await c.call('revenue.listPackages', { chartNumber: 'C-100' }))[0]).toMatchObject({ visitsUsed: 2, visitsLeft: 3 });
    const wrongChart = await record({ chartNumber: 'C-200' });
    expect(await dispatch(c.env, 'revenue.payWithPackage', { sessionId: wrongChart.id, packageId: pkg.id })).toMatchObject({ ok: false, error: { field: 'packageId' } });
    const [march] = await c.call('revenue.series', { from: '2026-03-01', to: '2026-03-31', granularity: 'month' });
    // Two package visits at $50 each, one direct visit at $60; three of five visits... two used: 3 x $50 liability.
    expect(march).toMatchObject({ revenueCents: 16000, selfPayVisits: 3, packageLiabilityCents: 15000, collectedCents: 20000 });
    await c.call('sessions.void', { id: s2.id, reason: 'session did not happen' });
    expect((await c.call('revenue.listPackages', {}))[0]).toMatchObject({ visitsLeft: 4 });
  });
});

describe('daily close', () => {
  it('reconciles the day and locks it: later entries and corrections need a reason and are flagged', async () => {
    const paid = await record({ sessionDate: '2026-03-09' });
    await record({ sessionDate: '2026-03-09', kind: 'plan_of_care', needlesDisposed: 5, countMismatchReason: 'one dropped into the bin by mistake' });
    const unpaid = await record({ sessionDate: '2026-03-09', chartNumber: 'C-300', handHygiene: false });
    await c.call('revenue.recordPayment', { sessionId: paid.id, method: 'cash', amountCents: 6000, paidOn: '2026-03-09' });
    const sheet = await c.call('revenue.dayClose', { date: '2026-03-09' });
    expect(sheet.summary).toMatchObject({
      sessionsByKind: { plan_of_care: 1, self_pay: 2 },
      cashExpectedCents: 6000,
      unpaidSelfPay: [{ sessionId: unpaid.id, balanceCents: 6000 }],
      precautionExceptions: [{ sessionId: unpaid.id, missing: ['hand hygiene'] }],
    });
    expect(sheet.summary.countMismatches).toHaveLength(1);
    const head = c.env.db.prepare('SELECT event_count, head_hash FROM audit_chain_head').get() as { event_count: number; head_hash: string };
    const closed = await c.call('revenue.closeDay', { date: '2026-03-09', cashCountedCents: 6000, note: '' });
    expect(closed.closed).toMatchObject({ cashCountedCents: 6000, chainEventCount: head.event_count, chainHeadHash: head.head_hash });
    // The sheet's checkpoint is signed with the clinic key, like an export's, and verifies with its public key.
    const keys = clinicKeyStores(c.env).signing.loadOrCreate();
    expect(JSON.parse(closed.closed!.checkpointJson)).toMatchObject({ eventCount: head.event_count, headHash: head.head_hash });
    expect(isSignatureValid(keys.publicKeyPem, closed.closed!.checkpointJson, closed.closed!.checkpointSignature)).toBe(true);
    expect(closed.closed!.signingKeyFingerprint).toBe(publicKeyFingerprint(keys.publicKeyPem));
    await expect(c.call('revenue.closeDay', { date: '2026-03-09', cashCountedCents: 0, note: '' })).rejects.toThrow(/already closed/);

    expect(await dispatch(c.env, 'sessions.record', sessionInput(c, { sessionDate: '2026-03-09' }))).toMatchObject({ ok: false, error: { field: 'afterCloseReason' } });
    const late = await record({ sessionDate: '2026-03-09', afterCloseReason: 'paper note found the next morning' });
    expect(late.afterCloseReason).toMatch(/paper note/);
    const { session: amended } = await c.call('sessions.amend', { id: unpaid.id, reason: 'hand hygiene was done, ticked wrongly', session: sessionInput(c, { sessionDate: '2026-03-09', chartNumber: 'C-300' }) });
    expect(amended.amendments[0]?.isAfterClose).toBe(true);
    expect((await c.call('revenue.dayClose', { date: '2026-03-09' })).summary.lateEntries.map((e) => e.id)).toContain(late.id);
    expect(c.env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE reason LIKE 'after close:%'").get()).toEqual({ n: 1 });
  });
});

describe('package liability over many periods', () => {
  it('values the unused visits at every week end of a long weekly series (more dates than one query takes)', async () => {
    const pkg = await c.call('revenue.sellPackage', { chartNumber: 'C-100', name: '3 visits', visitsTotal: 3, priceCents: 15000, soldOn: '2026-02-02' });
    await c.call('revenue.sellPackage', { chartNumber: 'C-200', name: '2 visits', visitsTotal: 2, priceCents: 9000, soldOn: '2026-03-03' });
    await c.call('revenue.payWithPackage', { sessionId: (await record({ sessionDate: '2026-02-09' })).id, packageId: pkg.id });
    await c.call('revenue.payWithPackage', { sessionId: (await record({ sessionDate: '2026-03-02' })).id, packageId: pkg.id });
    const series = await c.call('revenue.series', { from: '2024-03-04', to: '2026-03-10', granularity: 'week' });
    expect(series.length).toBeGreaterThan(64);
    const expected = (end: string) => (end < '2026-02-02' ? 0 : end < '2026-02-09' ? 15000 : end < '2026-03-02' ? 10000 : end < '2026-03-03' ? 5000 : 14000);
    for (const week of series) {
      const end = new Date(Date.parse(`${week.period}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
      expect([week.period, week.packageLiabilityCents]).toEqual([week.period, expected(end < '2026-03-10' ? end : '2026-03-10')]);
    }
  });
});
