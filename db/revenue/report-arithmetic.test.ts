import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../clinic/business-time';
import { openSessionClinic, sessionInput } from '../sessions/sessions-test-helpers';
import { summaryMismatches } from './summary-tables-test-helpers';

const visit = fc.record({
  dayOffset: fc.integer({ min: 0, max: 70 }),
  kind: fc.constantFrom('self_pay' as const, 'plan_of_care' as const),
  chart: fc.constantFrom('C-100', 'C-200', 'C-300'),
  needles: fc.integer({ min: 1, max: 4 }),
  pay: fc.constantFrom('none', 'full', 'half', 'package', 'void'),
});

describe('report arithmetic (property)', () => {
  it('counts, revenue, collections and needles equal the sums of the underlying records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(visit, { minLength: 1, maxLength: 25 }), async (visits) => {
        const c = await openSessionClinic('2026-03-20T20:00:00.000Z');
        try {
          const pkg = await c.call('revenue.sellPackage', { chartNumber: 'C-100', name: '6 visits', visitsTotal: 6, priceCents: 33_000, soldOn: '2026-01-02', payment: { method: 'card', amountCents: 33_000 } });
          const expected = { sessions: 0, selfPay: 0, revenue: 0, needles: 0, collected: 33_000 };
          let packageLeft = 6;
          for (const v of visits) {
            const date = addDays('2026-01-05', v.dayOffset);
            const { session } = await c.call('sessions.record', sessionInput(c, {
              sessionDate: date,
              kind: v.kind,
              chartNumber: v.chart,
              needles: [{ itemId: c.needleItemId, lotId: c.laterLotId, quantity: v.needles }],
              needlesDisposed: v.needles,
            }));
            if (v.pay === 'void') {
              await c.call('sessions.void', { id: session.id, reason: 'test void' });
              continue;
            }
            if (v.needles === 4) {
              // An amendment moves the session's date, kind and stock: every summary must follow.
              await c.call('sessions.amend', { id: session.id, reason: 'corrected the entry', session: sessionInput(c, { sessionDate: addDays(date, 1), kind: v.kind, chartNumber: v.chart, needles: [{ itemId: c.needleItemId, lotId: c.laterLotId, quantity: 4 }], needlesDisposed: 4 }) });
            }
            expected.sessions += 1;
            expected.needles += v.needles;
            if (v.kind !== 'self_pay') continue;
            expected.selfPay += 1;
            if (v.pay === 'package' && v.chart === 'C-100' && packageLeft > 0) {
              await c.call('revenue.payWithPackage', { sessionId: session.id, packageId: pkg.id });
              packageLeft -= 1;
              expected.revenue += 5500;
              continue;
            }
            expected.revenue += 6000;
            const amount = v.pay === 'full' ? 6000 : v.pay === 'half' ? 3000 : 0;
            if (amount > 0) {
              await c.call('revenue.recordPayment', { sessionId: session.id, method: 'cash', amountCents: amount, paidOn: date });
              expected.collected += amount;
            }
          }
          const from = '2026-01-01';
          const to = '2026-03-20';
          for (const granularity of ['day', 'week', 'month'] as const) {
            const counts = await c.call('sessions.counts', { from, to, granularity });
            expect(counts.reduce((t, b) => t + b.total, 0)).toBe(expected.sessions);
            expect(counts.reduce((t, b) => t + b.selfPay, 0)).toBe(expected.selfPay);
            expect(counts.every((b) => b.total === b.selfPay + b.planOfCare && b.total === Object.values(b.byTherapist).reduce((x, y) => x + y, 0))).toBe(true);
          }
          for (const granularity of ['week', 'month'] as const) {
            const series = await c.call('revenue.series', { from, to, granularity });
            expect(series.reduce((t, p) => t + p.revenueCents, 0)).toBe(expected.revenue);
            expect(series.reduce((t, p) => t + p.selfPayVisits, 0)).toBe(expected.selfPay);
            expect(series.reduce((t, p) => t + p.collectedCents - p.refundedCents, 0)).toBe(expected.collected);
            expect(series.reduce((t, p) => t + p.needles, 0)).toBe(expected.needles);
            expect(series.at(-1)?.packageLiabilityCents).toBe(packageLeft * 5500);
          }
          expect(summaryMismatches(c.env.db)).toEqual({});
        } finally {
          c.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});
