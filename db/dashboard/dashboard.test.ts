import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSessionClinic, sessionInput, type SessionClinic } from '../sessions/sessions-test-helpers';
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
