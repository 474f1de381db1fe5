// Read models for revenue: payments, packages, balances due, the daily close summary and the revenue series.
import type { Database } from 'better-sqlite3';
import { addDays } from '../clinic/business-time';
import type { PaymentMethod } from './revenue-contract';
import type { DayCloseSummary, PackageView, PaymentView, PriceView, RevenuePeriod } from './revenue-contract';
import { periodKeySql, periodOf, periodsBetween } from '../sessions/sessions-queries';
import { sessionViewSelect, toSessionView, type SessionRow } from '../sessions/sessions-store';
import type { SessionView } from '../sessions/sessions-contract';
import { statementsFor } from '../sql/statement-cache';

const paymentSelect = `SELECT p.id, p.kind, p.session_id, p.package_id, p.refund_of_payment_id, p.chart_number, p.method, p.amount_cents,
    p.paid_on, p.note, p.status, p.void_reason, p.after_close_reason, p.recorded_at, s.name AS recorded_by_name,
    (SELECT coalesce(sum(r.amount_cents), 0) FROM payments r WHERE r.refund_of_payment_id = p.id AND r.status = 'recorded') AS refunded_cents
  FROM payments p JOIN staff s ON s.id = p.recorded_by`;

interface PaymentRow {
  id: number;
  kind: 'payment' | 'refund';
  session_id: number | null;
  package_id: number | null;
  refund_of_payment_id: number | null;
  chart_number: string;
  method: PaymentMethod;
  amount_cents: number;
  paid_on: string;
  note: string;
  status: 'recorded' | 'voided';
  void_reason: string | null;
  after_close_reason: string | null;
  recorded_at: string;
  recorded_by_name: string;
  refunded_cents: number;
}

function toPayment(r: PaymentRow): PaymentView {
  return {
    id: r.id,
    kind: r.kind,
    sessionId: r.session_id,
    packageId: r.package_id,
    refundOfPaymentId: r.refund_of_payment_id,
    chartNumber: r.chart_number,
    method: r.method,
    amountCents: r.amount_cents,
    paidOn: r.paid_on,
    note: r.note,
    status: r.status,
    voidReason: r.void_reason,
    afterCloseReason: r.after_close_reason,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    refundedCents: r.refunded_cents,
  };
}

const statements = statementsFor((db) => ({
  paymentById: db.prepare<[number], PaymentRow>(`${paymentSelect} WHERE p.id = ?`),
}));

export function findPayment(db: Database, id: number): PaymentView | undefined {
  const row = statements(db).paymentById.get(id);
  return row && toPayment(row);
}

export function listPayments(db: Database, from: string, to: string): PaymentView[] {
  return db
    .prepare<[string, string], PaymentRow>(`${paymentSelect} WHERE p.paid_on >= ? AND p.paid_on <= ? ORDER BY p.paid_on DESC, p.id DESC`)
    .all(from, to)
    .map(toPayment);
}

export function listPrices(db: Database): PriceView[] {
  return db
    .prepare<[], { id: number; effective_from: string; price_cents: number; recorded_at: string }>(
      "SELECT id, effective_from, price_cents, recorded_at FROM prices WHERE session_kind = 'self_pay' ORDER BY effective_from DESC",
    )
    .all()
    .map((r) => ({ id: r.id, effectiveFrom: r.effective_from, priceCents: r.price_cents, recordedAt: r.recorded_at }));
}

const packageSelect = `SELECT k.id, k.chart_number, k.name, k.visits_total, k.price_cents, k.sold_on, k.status,
    (SELECT count(*) FROM package_uses u WHERE u.package_id = k.id AND u.status = 'active') AS visits_used,
    (SELECT coalesce(sum(CASE p.kind WHEN 'payment' THEN p.amount_cents ELSE -p.amount_cents END), 0)
       FROM payments p WHERE p.package_id = k.id AND p.status = 'recorded') AS paid_cents
  FROM packages k`;

interface PackageRow {
  id: number;
  chart_number: string;
  name: string;
  visits_total: number;
  price_cents: number;
  sold_on: string;
  status: 'active' | 'voided';
  visits_used: number;
  paid_cents: number;
}

function toPackage(r: PackageRow): PackageView {
  return {
    id: r.id,
    chartNumber: r.chart_number,
    name: r.name,
    visitsTotal: r.visits_total,
    visitsUsed: r.visits_used,
    visitsLeft: r.visits_total - r.visits_used,
    priceCents: r.price_cents,
    paidCents: r.paid_cents,
    balanceCents: r.status === 'voided' ? -r.paid_cents : r.price_cents - r.paid_cents,
    soldOn: r.sold_on,
    status: r.status,
  };
}

export function findPackage(db: Database, id: number): PackageView | undefined {
  const row = db.prepare<[number], PackageRow>(`${packageSelect} WHERE k.id = ?`).get(id);
  return row && toPackage(row);
}

export function listPackages(db: Database, chartNumber?: string): PackageView[] {
  const where = chartNumber ? 'WHERE k.chart_number = @chartNumber' : '';
  return db.prepare<Record<string, unknown>, PackageRow>(`${packageSelect} ${where} ORDER BY k.sold_on DESC, k.id DESC`).all({ chartNumber }).map(toPackage);
}

export function outstanding(db: Database) {
  const rows = db
    .prepare<[], SessionRow>(`${sessionViewSelect} WHERE s.kind = 'self_pay' ORDER BY s.session_date, s.id`)
    .all()
    .map(toSessionView)
    .filter((s) => s.balanceCents !== 0);
  const packages = listPackages(db).filter((p) => p.balanceCents !== 0);
  const sessions: SessionView[] = rows;
  return {
    sessions,
    packages,
    totalDueCents: sessions.filter((s) => s.balanceCents > 0).reduce((t, s) => t + s.balanceCents, 0) + packages.filter((p) => p.balanceCents > 0).reduce((t, p) => t + p.balanceCents, 0),
    totalCreditCents: -sessions.filter((s) => s.balanceCents < 0).reduce((t, s) => t + s.balanceCents, 0) - packages.filter((p) => p.balanceCents < 0).reduce((t, p) => t + p.balanceCents, 0),
  };
}

const emptyByMethod = (): Record<PaymentMethod, number> => ({ cash: 0, card: 0, hsa_fsa: 0, check: 0 });

export function dayCloseSummary(db: Database, date: string): DayCloseSummary {
  const sessions = db.prepare<[string], SessionRow>(`${sessionViewSelect} WHERE s.session_date = ? AND s.status = 'recorded' ORDER BY s.start_time, s.id`).all(date).map(toSessionView);
  const payments = db
    .prepare<[string], { kind: 'payment' | 'refund'; method: PaymentMethod; amount_cents: number; id: number; after_close_reason: string | null }>(
      "SELECT id, kind, method, amount_cents, after_close_reason FROM payments WHERE paid_on = ? AND status = 'recorded'",
    )
    .all(date);
  const paymentsByMethod = emptyByMethod();
  const refundsByMethod = emptyByMethod();
  for (const p of payments) (p.kind === 'payment' ? paymentsByMethod : refundsByMethod)[p.method] += p.amount_cents;
  const totalCollectedCents = Object.values(paymentsByMethod).reduce((a, b) => a + b, 0) - Object.values(refundsByMethod).reduce((a, b) => a + b, 0);
  const missingPrecautions = (s: SessionView) =>
    [!s.handHygiene && 'hand hygiene', !s.glovesWorn && 'gloves', !s.skinPrep && 'skin prep', !s.needlesToSharps && 'needles to sharps'].filter((x): x is string => typeof x === 'string');
  return {
    date,
    sessionsByKind: { plan_of_care: sessions.filter((s) => s.kind === 'plan_of_care').length, self_pay: sessions.filter((s) => s.kind === 'self_pay').length },
    paymentsByMethod,
    refundsByMethod,
    cashExpectedCents: paymentsByMethod.cash - refundsByMethod.cash,
    totalCollectedCents,
    countMismatches: sessions
      .filter((s) => s.needlesOpened !== s.needlesDisposed)
      .map((s) => ({ sessionId: s.id, chartNumber: s.chartNumber, opened: s.needlesOpened, disposed: s.needlesDisposed, reason: s.countMismatchReason ?? '' })),
    unpaidSelfPay: sessions.filter((s) => s.kind === 'self_pay' && s.balanceCents > 0).map((s) => ({ sessionId: s.id, chartNumber: s.chartNumber, balanceCents: s.balanceCents })),
    precautionExceptions: sessions.filter((s) => missingPrecautions(s).length > 0).map((s) => ({ sessionId: s.id, chartNumber: s.chartNumber, missing: missingPrecautions(s) })),
    adverseEvents: sessions.filter((s) => s.adverseEvent !== 'none').map((s) => ({ sessionId: s.id, chartNumber: s.chartNumber, event: s.adverseEvent })),
    lateEntries: [
      ...sessions.filter((s) => s.afterCloseReason).map((s) => ({ entity: 'session' as const, id: s.id, reason: s.afterCloseReason ?? '' })),
      ...payments.filter((p) => p.after_close_reason).map((p) => ({ entity: 'payment' as const, id: p.id, reason: p.after_close_reason ?? '' })),
    ],
  };
}

/** Earned self-pay revenue and visits by date (by month for monthly series), from the maintained revenue_days summary. */
function earnedByDate(db: Database, from: string, to: string, granularity: 'week' | 'month'): Map<string, { cents: number; visits: number }> {
  const rows = db
    .prepare<[string, string], { period: string; visits: number; earned_cents: number }>(
      `SELECT ${periodKeySql('session_date', granularity)} AS period, sum(visits) AS visits, sum(earned_cents) AS earned_cents FROM revenue_days
       WHERE session_date >= ? AND session_date <= ? AND visits > 0 GROUP BY 1`,
    )
    .all(from, to);
  return new Map(rows.map((r) => [r.period, { cents: r.earned_cents, visits: r.visits }]));
}

/** Prepaid visits sold but not used by the end of each date, valued at their package's per-visit price. */
export function packageLiabilitiesOn(db: Database, dates: string[]): number[] {
  const chunks: string[][] = [];
  for (let i = 0; i < dates.length; i += liabilityDatesPerQuery) chunks.push(dates.slice(i, i + liabilityDatesPerQuery));
  return chunks.flatMap((chunk) => {
    // One pass over the packages and their uses for all the dates, summed in SQL rather than row by row in JS.
    const params = Object.fromEntries(chunk.map((date, i) => [`d${i}`, date]));
    const row = db.prepare(liabilitySql(chunk.length)).raw().get(params) as Array<number | null>;
    return row.map((cents) => Math.round(cents ?? 0));
  });
}

const liabilityDatesPerQuery = 64;

function liabilitySql(dateCount: number): string {
  const n = Array.from({ length: dateCount }, (_, i) => i);
  return `WITH used AS (
      SELECT package_id, ${n.map((i) => `sum(used_on <= @d${i}) AS u${i}`).join(', ')}
      FROM package_uses WHERE status = 'active' GROUP BY package_id)
    SELECT ${n
      .map((i) => `sum(CASE WHEN k.sold_on <= @d${i} THEN (k.visits_total - coalesce(u.u${i}, 0)) * 1.0 * k.price_cents / k.visits_total ELSE 0 END)`)
      .join(', ')}
    FROM packages k LEFT JOIN used u ON u.package_id = k.id WHERE k.status = 'active'`;
}

export function packageLiabilityOn(db: Database, date: string): number {
  return packageLiabilitiesOn(db, [date])[0] ?? 0;
}

export function revenueSeries(db: Database, from: string, to: string, granularity: 'week' | 'month'): RevenuePeriod[] {
  const periods = periodsBetween(from, to, granularity);
  // Every source is summed by SQL per date, or per month for monthly series: a year comes back as 12 rows, not 365.
  const earned = earnedByDate(db, from, to, granularity);
  const earnedPrior = earnedByDate(db, shiftYear(from, -1), shiftYear(to, -1), granularity);
  const collections = db
    .prepare<[string, string], { period: string; kind: 'payment' | 'refund'; cents: number }>(
      `SELECT ${periodKeySql('paid_on', granularity)} AS period, kind, sum(amount_cents) AS cents FROM payment_days
       WHERE paid_on >= ? AND paid_on <= ? GROUP BY 1, kind`,
    )
    .all(from, to);
  const sessionsByDate = db
    .prepare<[string, string], { period: string; sessions: number; needles: number }>(
      `SELECT ${periodKeySql('session_date', granularity)} AS period, sum(sessions) AS sessions, sum(needles) AS needles FROM session_day_counts
       WHERE session_date >= ? AND session_date <= ? GROUP BY 1`,
    )
    .all(from, to);
  const costByDate = supplyCostByDate(db, from, to, granularity);

  const acc = new Map(
    periods.map((p) => [
      p,
      { revenue: 0, prior: 0, visits: 0, collected: 0, refunded: 0, sessions: 0, needles: 0, cost: 0, selfPayCost: 0 },
    ]),
  );
  const at = (date: string) => acc.get(periodOf(date, granularity));
  for (const [date, e] of earned) {
    const a = at(date);
    if (a) {
      a.revenue += e.cents;
      a.visits += e.visits;
    }
  }
  for (const [date, e] of earnedPrior) {
    const a = at(shiftYear(date, 1));
    if (a) a.prior += e.cents;
  }
  for (const c of collections) {
    const a = at(c.period);
    if (a) {
      if (c.kind === 'payment') a.collected += c.cents;
      else a.refunded += c.cents;
    }
  }
  for (const s of sessionsByDate) {
    const a = at(s.period);
    if (a) {
      a.sessions += s.sessions;
      a.needles += s.needles;
    }
  }
  for (const [date, c] of costByDate) {
    const a = at(date);
    if (a) {
      a.cost += c.all;
      a.selfPayCost += c.selfPay;
    }
  }
  const periodEnds = periods.map((period) => {
    const end = granularity === 'week' ? addDays(period, 6) : lastDayOfMonth(period);
    return end < to ? end : to;
  });
  const liabilities = packageLiabilitiesOn(db, periodEnds);
  return periods.map((period, index) => {
    const a = acc.get(period)!;
    const revenueCents = Math.round(a.revenue);
    return {
      period,
      revenueCents,
      priorYearRevenueCents: Math.round(a.prior),
      selfPayVisits: a.visits,
      averagePerVisitCents: a.visits ? Math.round(a.revenue / a.visits) : 0,
      collectedCents: a.collected,
      refundedCents: a.refunded,
      packageLiabilityCents: liabilities[index] ?? 0,
      sessions: a.sessions,
      needles: a.needles,
      needlesPerSession: a.sessions ? a.needles / a.sessions : 0,
      supplyCostCents: Math.round(a.cost),
      selfPaySupplyCostCents: Math.round(a.selfPayCost),
      selfPayMarginCents: revenueCents - Math.round(a.selfPayCost),
    };
  });
}

/** Supply cost of sessions by date or month (all, and self-pay), from the maintained supply_cost_days summary. */
function supplyCostByDate(db: Database, from: string, to: string, granularity: 'week' | 'month'): Map<string, { all: number; selfPay: number }> {
  const rows = db
    .prepare<[string, string], { period: string; kind: string; cost_cents: number }>(
      `SELECT ${periodKeySql('session_date', granularity)} AS period, kind, sum(cost_cents) AS cost_cents FROM supply_cost_days
       WHERE session_date >= ? AND session_date <= ? GROUP BY 1, kind`,
    )
    .all(from, to);
  const map = new Map<string, { all: number; selfPay: number }>();
  for (const r of rows) {
    const e = map.get(r.period) ?? { all: 0, selfPay: 0 };
    e.all += r.cost_cents;
    if (r.kind === 'self_pay') e.selfPay += r.cost_cents;
    map.set(r.period, e);
  }
  return map;
}

function shiftYear(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February has no twin in a common year: use the 28th.
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}-${md}`;
}

function lastDayOfMonth(yyyyMm: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
