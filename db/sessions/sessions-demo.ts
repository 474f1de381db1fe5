// Demo sessions: years of weekday visits for each therapist, with consents, good-faith estimates, a price
// change, payments, prepaid packages, a few refunds and rare adverse events. Deterministic from the scale's seed.
import type { MethodInput } from '../api/contract';
import type { LocalCaller } from '../api/local-caller';
import { ApiCallError } from '../api/local-caller';
import { addDays } from '../clinic/business-time';
import { demoRandom, type DemoRandom } from '../demo/demo-random';
import type { DemoStep } from '../demo/seed-demo';
import { sessionsPerTherapistDay } from '../inventory/inventory-demo';
import { bodyRegions, type AdverseEvent } from './sessions-contract';

interface LotCursor {
  lotId: number;
  left: number;
}

/** The day's usable lots per item in FEFO order; a visit draws from the first and spills into the next. */
class DayStock {
  private lots = new Map<number, LotCursor[]>();
  constructor(
    private readonly call: LocalCaller,
    private readonly date: string,
  ) {}

  async take(itemId: number, quantity: number): Promise<Array<{ itemId: number; lotId: number; quantity: number }>> {
    let cursors = this.lots.get(itemId);
    if (!cursors) {
      const lots = await this.call('inventory.listLots', { itemId });
      cursors = lots
        .filter((l) => l.status === 'available' && l.firstReceivedOn <= this.date && (l.expiryDate === null || l.expiryDate >= this.date))
        .map((l) => ({ lotId: l.id, left: l.onHand }));
      this.lots.set(itemId, cursors);
    }
    if (cursors.reduce((t, c) => t + c.left, 0) < quantity) return [];
    const lines: Array<{ itemId: number; lotId: number; quantity: number }> = [];
    let needed = quantity;
    for (const cursor of cursors) {
      if (needed === 0) break;
      const taken = Math.min(cursor.left, needed);
      if (taken === 0) continue;
      cursor.left -= taken;
      needed -= taken;
      lines.push({ itemId, lotId: cursor.lotId, quantity: taken });
    }
    return lines;
  }
}

function adverseEventFor(random: DemoRandom): { event: AdverseEvent; note: string } {
  const r = random.next();
  if (r < 0.0002) return { event: 'suspected_pneumothorax', note: 'Shortness of breath after thoracic needling; referred to ED, chest X-ray negative. Follow-up call next day.' };
  if (r < 0.003) return { event: 'fainting', note: 'Vasovagal episode; supine, recovered in 5 minutes, water given.' };
  if (r < 0.02) return { event: 'bleeding', note: 'Minor bleeding at insertion site; pressure applied 1 minute.' };
  if (r < 0.06) return { event: 'bruising', note: 'Small bruise at insertion site; patient informed, ice advised.' };
  return { event: 'none', note: '' };
}

/** Needles a demo session uses (the demo's sharps containers are sized from it). */
export const demoNeedlesPerSession = { fewest: 3, most: 10 };

export const seedDemoSessions: DemoStep = {
  name: 'sessions, payments and packages',
  async run(call, env, progress, scale) {
    const random = demoRandom(scale.seed);
    const today = (await call('clinic.status', {})).today;
    const start = addDays(today, -scale.years * 365);
    await call('revenue.setPrice', { effectiveFrom: addDays(today, -365), priceCents: 6500 });
    const therapists = (await call('staff.list', {})).filter((s) => s.role === 'therapist');
    const items = await call('inventory.listItems', {});
    const needleItems = items.filter((i) => i.kind === 'needle');
    const kits = await call('sessions.listKits', {});
    const perDay = sessionsPerTherapistDay(scale);
    const charts = Array.from({ length: 150 * therapists.length * Math.max(1, scale.years / 2) }, (_, i) => `CH-${String(10_000 + i)}`);
    const seenCharts = new Set<string>();
    const packageOf = new Map<string, number>();
    let recorded = 0;

    const totalDays = scale.years * 365;
    for (let day = 0; day < totalDays; day += 1) {
      const date = addDays(start, day);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      if (day % 60 === 0) progress(`  ${date}: ${recorded} sessions so far`);
      // Each API call still runs in its own (nested) transaction; one commit per day keeps seeding fast.
      env.db.exec('BEGIN IMMEDIATE');
      const stock = new DayStock(call, date);
      for (const [t, therapist] of therapists.entries()) {
        const count = Math.max(0, Math.round(perDay + (random.next() - 0.5) * 3));
        for (let k = 0; k < count; k += 1) {
          const chartNumber = random.pick(charts);
          const kind = random.chance(0.4) ? ('self_pay' as const) : ('plan_of_care' as const);
          if (!seenCharts.has(chartNumber)) {
            seenCharts.add(chartNumber);
            await call('sessions.recordConsent', { chartNumber, signedOn: date, formVersion: 'DN-CONSENT-2024-2', copyGiven: true });
          }
          if (kind === 'self_pay' && !seenCharts.has(`gfe:${chartNumber}`)) {
            seenCharts.add(`gfe:${chartNumber}`);
            await call('revenue.recordGoodFaithEstimate', { chartNumber, givenOn: date, amountCents: 6500 * 6 });
            if (random.chance(0.12)) {
              const pkg = await call('revenue.sellPackage', { chartNumber, name: '5 visits', visitsTotal: 5, priceCents: 27_500, soldOn: date, payment: { method: random.pick(['card', 'hsa_fsa'] as const), amountCents: 27_500 } });
              packageOf.set(chartNumber, pkg.id);
            }
          }
          const needleItem = random.pick(needleItems);
          const needleCount = random.int(demoNeedlesPerSession.fewest, demoNeedlesPerSession.most);
          const needles = await stock.take(needleItem.id, needleCount);
          if (needles.length === 0) continue;
          const supplies: MethodInput<'sessions.record'>['supplies'] = [];
          for (const line of kits.filter((l) => l.sessionKind === kind)) supplies.push(...(await stock.take(line.itemId, line.quantity)));
          const painBefore = random.int(4, 9);
          const { event, note } = adverseEventFor(random);
          const mismatch = random.chance(0.004);
          const regions = [...new Set([random.pick(bodyRegions), random.pick(bodyRegions)])].slice(0, random.int(1, 2));
          const startTime = `${String(8 + ((k * 2 + t) % 9)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`;
          try {
            const { session } = await call('sessions.record', {
              sessionDate: date,
              startTime,
              therapistId: therapist.id,
              chartNumber,
              kind,
              room: `Room ${1 + (t % 2)}`,
              bodyRegions: regions,
              needles,
              supplies,
              handHygiene: true,
              glovesWorn: true,
              skinPrep: true,
              needlesToSharps: true,
              needlesDisposed: mismatch ? needleCount - 1 : needleCount,
              countMismatchReason: mismatch ? 'One needle found on the treatment table after the session; disposed of then.' : '',
              painBefore,
              painAfter: Math.max(0, painBefore - random.int(0, 5)),
              adverseEvent: event,
              adverseEventNote: note,
            });
            recorded += 1;
            if (kind === 'self_pay') await payFor(call, random, session.id, session.priceCents, date, packageOf.get(chartNumber));
          } catch (error) {
            // A therapist without a valid credential that day is refused, as in the app: skip that visit.
            if (error instanceof ApiCallError && error.body.field === 'therapistId') continue;
            env.db.exec('ROLLBACK');
            throw error;
          }
        }
      }
      env.db.exec('COMMIT');
    }
    // The last two weeks' weekdays are closed, as a careful manager would.
    for (let back = 14; back >= 1; back -= 1) {
      const date = addDays(today, -back);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const sheet = await call('revenue.dayClose', { date });
      await call('revenue.closeDay', { date, cashCountedCents: sheet.summary.cashExpectedCents, note: 'Drawer matched.' });
    }
    progress(`  ${recorded} sessions recorded`);
  },
};

async function payFor(call: LocalCaller, random: DemoRandom, sessionId: number, priceCents: number, date: string, packageId: number | undefined): Promise<void> {
  if (packageId !== undefined) {
    try {
      await call('revenue.payWithPackage', { sessionId, packageId });
      return;
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error; // package used up: pay directly
    }
  }
  if (random.chance(0.08)) return; // left unpaid: shows on the outstanding list
  const payment = await call('revenue.recordPayment', { sessionId, method: random.pick(['card', 'card', 'cash', 'hsa_fsa', 'check'] as const), amountCents: priceCents, paidOn: date });
  if (random.chance(0.005)) {
    await call('revenue.refund', { paymentId: payment.id, amountCents: priceCents, paidOn: date, reason: 'Session cut short; patient refunded in full.' });
  }
}
