import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSessionClinic, sessionInput, type SessionClinic } from '../sessions/sessions-test-helpers';
import { summaryMismatches } from '../revenue/summary-tables-test-helpers';
import { twelveMonthsFrom } from './dashboard-handlers';

let c: SessionClinic;
beforeEach(async () => {
  c = await openSessionClinic('2026-03-04T20:00:00.000Z');
});
afterEach(() => c.close());

describe('dashboard.summary', () => {
  it('starts twelve months back on the first of a month', () => {
    expect(twelveMonthsFrom('2026-03-04')).toBe('2025-04-01');
    expect(twelveMonthsFrom('2026-12-31')).toBe('2026-01-01');
  });

  it("counts today's, this week's and this month's sessions and carries a year of revenue", async () => {
    await c.call('sessions.record', sessionInput(c, { sessionDate: '2026-03-04' }));
    await c.call('sessions.record', sessionInput(c, { sessionDate: '2026-03-02', kind: 'plan_of_care' }));
    await c.call('sessions.record', sessionInput(c, { sessionDate: '2026-02-27' }));
    const summary = await c.call('dashboard.summary', {});
    expect(summary).toMatchObject({ today: '2026-03-04', sessionsToday: 1, sessionsThisWeek: 2, sessionsThisMonth: 2 });
    expect(summary.monthlyCounts).toHaveLength(12);
    expect(summary.monthlyRevenue.at(-1)).toMatchObject({ period: '2026-03', revenueCents: 6000, selfPayVisits: 1 });
    expect(summary.monthlyRevenue.at(-2)).toMatchObject({ period: '2026-02', revenueCents: 6000 });
    expect(summary.inventoryAlerts.today).toBe('2026-03-04');
  });
});

describe('dashboard.summary against the raw records', () => {
  it('equals a recomputation from the raw rows after payments, refunds, voids, amendments and package use', async () => {
    const db = c.env.db;
    const pkg = await c.call('revenue.sellPackage', { chartNumber: 'C-200', name: '4 visits', visitsTotal: 4, priceCents: 20_000, soldOn: '2026-01-20', payment: { method: 'card', amountCents: 20_000 } });
    const dates = ['2026-01-06', '2026-01-21', '2026-02-03', '2026-02-17', '2026-03-02', '2026-03-03', '2026-03-04'];
    const ids: number[] = [];
    for (const [i, date] of dates.entries()) {
      const { session } = await c.call('sessions.record', sessionInput(c, { sessionDate: date, chartNumber: i % 2 ? 'C-200' : 'C-100', kind: i === 2 ? 'plan_of_care' : 'self_pay' }));
      ids.push(session.id);
    }
    const paid = await c.call('revenue.recordPayment', { sessionId: ids[0]!, method: 'cash', amountCents: 6000, paidOn: '2026-01-06' });
    await c.call('revenue.refund', { paymentId: paid.id, amountCents: 1500, paidOn: '2026-02-10', reason: 'partial refund' });
    const voided = await c.call('revenue.recordPayment', { sessionId: ids[3]!, method: 'card', amountCents: 6000, paidOn: '2026-02-17' });
    await c.call('revenue.voidPayment', { paymentId: voided.id, reason: 'entered twice' });
    await c.call('revenue.recordPayment', { sessionId: ids[4]!, method: 'card', amountCents: 6000, paidOn: '2026-03-02' });
    await c.call('revenue.payWithPackage', { sessionId: ids[1]!, packageId: pkg.id });
    await c.call('revenue.payWithPackage', { sessionId: ids[5]!, packageId: pkg.id });
    await c.call('sessions.void', { id: ids[6]!, reason: 'wrong chart' });
    // Moved from February into March, with more needles.
    await c.call('sessions.amend', {
      id: ids[3]!,
      reason: 'corrected the date',
      session: sessionInput(c, { sessionDate: '2026-03-03', chartNumber: 'C-200', needles: [{ itemId: c.needleItemId, lotId: c.soonLotId, quantity: 8 }], needlesDisposed: 8 }),
    });

    expect(summaryMismatches(db)).toEqual({});
    const summary = await c.call('dashboard.summary', {});
    const one = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number | null;
    const recorded = "FROM sessions WHERE status = 'recorded'";
    expect(summary.sessionsToday).toBe(one(`SELECT count(*) ${recorded} AND session_date = '2026-03-04'`));
    expect(summary.sessionsThisWeek).toBe(one(`SELECT count(*) ${recorded} AND session_date BETWEEN '2026-03-02' AND '2026-03-04'`));
    expect(summary.sessionsThisMonth).toBe(3);
    for (const month of summary.monthlyCounts) {
      expect(month.total).toBe(one(`SELECT count(*) ${recorded} AND substr(session_date, 1, 7) = ?`, month.period));
      expect(month.selfPay).toBe(one(`SELECT count(*) ${recorded} AND kind = 'self_pay' AND substr(session_date, 1, 7) = ?`, month.period));
    }
    for (const month of summary.monthlyRevenue) {
      const end = new Date(Date.UTC(Number(month.period.slice(0, 4)), Number(month.period.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const monthEnd = end < summary.today ? end : summary.today;
      const sum = (sql: string) => Math.round(one(sql, month.period) ?? 0);
      expect(month).toMatchObject({
        sessions: sum(`SELECT count(*) ${recorded} AND substr(session_date, 1, 7) = ?`),
        needles: sum(`SELECT sum(needles_opened) ${recorded} AND substr(session_date, 1, 7) = ?`),
        selfPayVisits: sum(`SELECT count(*) ${recorded} AND kind = 'self_pay' AND substr(session_date, 1, 7) = ?`),
        revenueCents: sum(
          `SELECT sum(coalesce((SELECT 1.0 * k.price_cents / k.visits_total FROM package_uses u JOIN packages k ON k.id = u.package_id
                                WHERE u.session_id = s.id AND u.status = 'active'), s.price_cents))
           FROM sessions s WHERE s.status = 'recorded' AND s.kind = 'self_pay' AND substr(s.session_date, 1, 7) = ?`,
        ),
        collectedCents: sum(`SELECT sum(amount_cents) FROM payments WHERE status = 'recorded' AND kind = 'payment' AND substr(paid_on, 1, 7) = ?`),
        refundedCents: sum(`SELECT sum(amount_cents) FROM payments WHERE status = 'recorded' AND kind = 'refund' AND substr(paid_on, 1, 7) = ?`),
        packageLiabilityCents: Math.round(
          one(
            `SELECT coalesce(sum((k.visits_total - (SELECT count(*) FROM package_uses u WHERE u.package_id = k.id AND u.status = 'active' AND u.used_on <= @end))
                      * 1.0 * k.price_cents / k.visits_total), 0) FROM packages k WHERE k.status = 'active' AND k.sold_on <= @end`,
            { end: monthEnd },
          ) ?? 0,
        ),
      });
    }
    const march = summary.monthlyRevenue.at(-1);
    // March: a visit paid at 6000, one from the package at 5000 and the one moved in from February at 6000; today's was voided.
    expect(summary).toMatchObject({ sessionsToday: 0, sessionsThisWeek: 3 });
    expect(march).toMatchObject({ period: '2026-03', revenueCents: 17_000, selfPayVisits: 3, collectedCents: 6000, packageLiabilityCents: 10_000 });
    expect(summary.monthlyRevenue.find((m) => m.period === '2026-02')).toMatchObject({ refundedCents: 1500, collectedCents: 0 });
  });
});
