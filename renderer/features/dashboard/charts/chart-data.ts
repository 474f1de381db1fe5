// Shapes the API's per-period figures (sessions.counts, revenue.series) into what a chart, its data table and
// its CSV show: one row per period, one series per drawn or tabled value. The SQL already aggregated; this
// only picks, labels and orders, so every number shown is the API's number. Pure.
import type { CountBucket, Granularity, SessionKind } from '../../../../db/sessions/sessions-contract';
import type { RevenuePeriod } from '../../../../db/revenue/revenue-contract';
import { periodDates, periodLabel, periodTick } from './date-range';

export type ValueFormat = 'count' | 'money' | 'decimal' | 'percent';

export interface ChartSeries {
  key: string;
  name: string;
  /** How the chart draws it; 'table' values are only in the data table and CSV. */
  draw: 'bar' | 'line' | 'table';
  color: string;
  format: ValueFormat;
  stackId?: string;
  /** Flows (sessions, dollars earned) add up over periods and get a total; levels and averages do not. */
  isSummable: boolean;
  /** What a click on this series' bar lists (added to the period's dates); absent: the bar lists nothing. */
  drill?: { kind?: SessionKind; therapistId?: number };
}

export interface ChartRow {
  period: string;
  label: string;
  tick: string;
  values: Record<string, number>;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** One or two sentences for screen readers and the figure caption. */
  description: string;
  granularity: Granularity;
  range: { from: string; to: string };
  axisFormat: ValueFormat;
  series: ChartSeries[];
  rows: ChartRow[];
}

/** The filter of the sessions list that shows the sessions behind one bar. */
export interface SessionsDrill {
  from: string;
  to: string;
  kind?: SessionKind;
  therapistId?: number;
}

export const kindColors: Record<SessionKind, string> = { plan_of_care: '#0b7285', self_pay: '#e8590c' };
const priorYearColor = '#868e96';
const therapistPalette = ['#1971c2', '#2f9e44', '#e8590c', '#9c36b5', '#c2255c', '#0b7285', '#f08c00', '#5f3dc4', '#495057'];

function row(period: string, granularity: Granularity, values: Record<string, number>): ChartRow {
  return { period, label: periodLabel(period, granularity), tick: periodTick(period, granularity), values };
}

export function sessionsByKindChart(buckets: readonly CountBucket[], granularity: Granularity, range: { from: string; to: string }): ChartSpec {
  return {
    id: 'sessions-by-kind',
    title: 'Sessions by kind',
    description: `Dry-needling sessions per ${granularity}, plan-of-care and self-pay stacked (voided sessions excluded).`,
    granularity,
    range,
    axisFormat: 'count',
    series: [
      { key: 'planOfCare', name: 'Plan of care', draw: 'bar', color: kindColors.plan_of_care, format: 'count', stackId: 'kind', isSummable: true, drill: { kind: 'plan_of_care' } },
      { key: 'selfPay', name: 'Self-pay', draw: 'bar', color: kindColors.self_pay, format: 'count', stackId: 'kind', isSummable: true, drill: { kind: 'self_pay' } },
      { key: 'total', name: 'All sessions', draw: 'table', color: '#000', format: 'count', isSummable: true, drill: {} },
    ],
    rows: buckets.map((b) => row(b.period, granularity, { planOfCare: b.planOfCare, selfPay: b.selfPay, total: b.total })),
  };
}

/** One stacked series per therapist who has sessions in the range, by name; names come from the staff list. */
export function sessionsByTherapistChart(
  buckets: readonly CountBucket[],
  staff: ReadonlyArray<{ id: number; name: string }>,
  granularity: Granularity,
  range: { from: string; to: string },
): ChartSpec {
  const ids = [...new Set(buckets.flatMap((b) => Object.keys(b.byTherapist)))].map(Number);
  const nameOf = (id: number) => staff.find((s) => s.id === id)?.name ?? `Staff #${id}`;
  ids.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return {
    id: 'sessions-by-therapist',
    title: 'Sessions by therapist',
    description: `Dry-needling sessions per ${granularity}, one stacked segment per therapist.`,
    granularity,
    range,
    axisFormat: 'count',
    series: ids.map((id, i) => ({
      key: `t${id}`,
      name: nameOf(id),
      draw: 'bar' as const,
      color: therapistPalette[i % therapistPalette.length] as string,
      format: 'count' as const,
      stackId: 'therapist',
      isSummable: true,
      drill: { therapistId: id },
    })),
    rows: buckets.map((b) => row(b.period, granularity, Object.fromEntries(ids.map((id) => [`t${id}`, b.byTherapist[String(id)] ?? 0])))),
  };
}

function revenueRows(periods: readonly RevenuePeriod[], granularity: 'week' | 'month', pick: (p: RevenuePeriod) => Record<string, number>): ChartRow[] {
  return periods.map((p) => row(p.period, granularity, pick(p)));
}

export function revenueVsPriorYearChart(periods: readonly RevenuePeriod[], granularity: 'week' | 'month', range: { from: string; to: string }): ChartSpec {
  return {
    id: 'revenue-vs-prior-year',
    title: 'Self-pay revenue and the year before',
    description: `Self-pay revenue earned per ${granularity} (each visit's price, or its share of a prepaid package), beside the same ${granularity} a year earlier.`,
    granularity,
    range,
    axisFormat: 'money',
    series: [
      { key: 'revenue', name: 'Self-pay revenue', draw: 'bar', color: kindColors.self_pay, format: 'money', isSummable: true, drill: { kind: 'self_pay' } },
      { key: 'priorYear', name: 'Same period a year before', draw: 'line', color: priorYearColor, format: 'money', isSummable: true },
      { key: 'visits', name: 'Self-pay visits', draw: 'table', color: '#000', format: 'count', isSummable: true },
    ],
    rows: revenueRows(periods, granularity, (p) => ({ revenue: p.revenueCents, priorYear: p.priorYearRevenueCents, visits: p.selfPayVisits })),
  };
}

export function averagePerVisitChart(periods: readonly RevenuePeriod[], granularity: 'week' | 'month', range: { from: string; to: string }): ChartSpec {
  return {
    id: 'average-per-visit',
    title: 'Average revenue per self-pay visit',
    description: `Self-pay revenue divided by self-pay visits, per ${granularity}; packages lower it by their discount.`,
    granularity,
    range,
    axisFormat: 'money',
    series: [
      { key: 'average', name: 'Average per visit', draw: 'bar', color: '#1971c2', format: 'money', isSummable: false, drill: { kind: 'self_pay' } },
      { key: 'visits', name: 'Self-pay visits', draw: 'table', color: '#000', format: 'count', isSummable: true },
      { key: 'revenue', name: 'Self-pay revenue', draw: 'table', color: '#000', format: 'money', isSummable: true },
    ],
    rows: revenueRows(periods, granularity, (p) => ({ average: p.averagePerVisitCents, visits: p.selfPayVisits, revenue: p.revenueCents })),
  };
}

export function needlesPerSessionChart(periods: readonly RevenuePeriod[], granularity: 'week' | 'month', range: { from: string; to: string }): ChartSpec {
  return {
    id: 'needles-per-session',
    title: 'Needles per session',
    description: `Needles opened divided by sessions, per ${granularity}, all session kinds.`,
    granularity,
    range,
    axisFormat: 'decimal',
    series: [
      { key: 'needlesPerSession', name: 'Needles per session', draw: 'bar', color: '#2f9e44', format: 'decimal', isSummable: false, drill: {} },
      { key: 'needles', name: 'Needles opened', draw: 'table', color: '#000', format: 'count', isSummable: true },
      { key: 'sessions', name: 'Sessions', draw: 'table', color: '#000', format: 'count', isSummable: true },
    ],
    rows: revenueRows(periods, granularity, (p) => ({ needlesPerSession: p.needlesPerSession, needles: p.needles, sessions: p.sessions })),
  };
}

export function packageLiabilityChart(periods: readonly RevenuePeriod[], granularity: 'week' | 'month', range: { from: string; to: string }): ChartSpec {
  return {
    id: 'package-liability',
    title: 'Prepaid-package liability beside revenue',
    description: `Self-pay revenue earned per ${granularity}, and the value of prepaid visits not yet used at the end of each ${granularity} (money held for visits still owed).`,
    granularity,
    range,
    axisFormat: 'money',
    series: [
      { key: 'revenue', name: 'Self-pay revenue', draw: 'bar', color: kindColors.self_pay, format: 'money', isSummable: true, drill: { kind: 'self_pay' } },
      { key: 'liability', name: 'Prepaid visits not yet used', draw: 'line', color: '#9c36b5', format: 'money', isSummable: false },
      { key: 'collected', name: 'Collected', draw: 'table', color: '#000', format: 'money', isSummable: true },
      { key: 'refunded', name: 'Refunded', draw: 'table', color: '#000', format: 'money', isSummable: true },
    ],
    rows: revenueRows(periods, granularity, (p) => ({ revenue: p.revenueCents, liability: p.packageLiabilityCents, collected: p.collectedCents, refunded: p.refundedCents })),
  };
}

/** Supply cost and margin: the two stacked bars of a self-pay period add up to its revenue. */
export function costAndMarginChart(periods: readonly RevenuePeriod[], granularity: 'week' | 'month', range: { from: string; to: string }): ChartSpec {
  return {
    id: 'supply-cost-and-margin',
    title: 'Supply cost and margin',
    description: `Per ${granularity}: the supply cost of self-pay visits (needles and PPE at their lots' unit cost) and the margin left of self-pay revenue; together they make the revenue. The line is the supply cost of all sessions.`,
    granularity,
    range,
    axisFormat: 'money',
    series: [
      { key: 'selfPayCost', name: 'Supply cost, self-pay visits', draw: 'bar', color: '#c2255c', format: 'money', stackId: 'revenue', isSummable: true, drill: { kind: 'self_pay' } },
      { key: 'margin', name: 'Self-pay margin', draw: 'bar', color: '#2f9e44', format: 'money', stackId: 'revenue', isSummable: true, drill: { kind: 'self_pay' } },
      { key: 'allCost', name: 'Supply cost, all sessions', draw: 'line', color: '#495057', format: 'money', isSummable: true },
      { key: 'revenue', name: 'Self-pay revenue', draw: 'table', color: '#000', format: 'money', isSummable: true },
    ],
    rows: revenueRows(periods, granularity, (p) => ({
      selfPayCost: p.selfPaySupplyCostCents,
      margin: p.selfPayMarginCents,
      allCost: p.supplyCostCents,
      revenue: p.revenueCents,
    })),
  };
}

/** The sessions behind a bar: the period's dates (clipped to the range) and the series' kind or therapist. */
export function drillFor(spec: ChartSpec, row: ChartRow, seriesKey: string): SessionsDrill | null {
  const series = spec.series.find((s) => s.key === seriesKey);
  if (!series?.drill) return null;
  return { ...periodDates(row.period, spec.granularity, spec.range), ...series.drill };
}

/** Totals of the summable series, for the table's footer. */
export function seriesTotals(spec: ChartSpec): Record<string, number | null> {
  return Object.fromEntries(spec.series.map((s) => [s.key, s.isSummable ? spec.rows.reduce((t, r) => t + (r.values[s.key] ?? 0), 0) : null]));
}
