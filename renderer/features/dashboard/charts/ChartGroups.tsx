// The charts of the Dashboard and Revenue pages for one range: session counts (by kind, by therapist) and the
// revenue series charts, each loading, failing and drawing on its own.
import { SimpleGrid } from '@mantine/core';
import type { RevenuePeriod } from '../../../../db/revenue/revenue-contract';
import type { CountBucket } from '../../../../db/sessions/sessions-contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import {
  averagePerVisitChart,
  costAndMarginChart,
  needlesPerSessionChart,
  packageLiabilityChart,
  revenueVsPriorYearChart,
  sessionsByKindChart,
  sessionsByTherapistChart,
  type ChartSpec,
} from './chart-data';
import { ChartPanel } from './ChartPanel';
import { revenueGranularity, type ChartRange } from './date-range';
import { useRevenueSeries, useSessionCounts, useStaffNames } from './useChartData';

export type SessionChartName = 'byKind' | 'byTherapist';

export function SessionCountCharts({
  range,
  preloaded,
  charts = ['byKind', 'byTherapist'],
  openTables = [],
}: {
  range: ChartRange;
  preloaded?: CountBucket[];
  charts?: SessionChartName[];
  openTables?: SessionChartName[];
}) {
  const counts = useSessionCounts(range, preloaded);
  const staff = useStaffNames(charts.includes('byTherapist'));
  const buckets = preloaded ?? counts.data;
  if (!buckets) return counts.isError ? <ErrorAlert title="Could not load session counts" error={counts.error} /> : <PageLoader label="Loading session counts" />;
  const specs: Record<SessionChartName, () => ChartSpec> = {
    byKind: () => sessionsByKindChart(buckets, range.granularity, range),
    byTherapist: () => sessionsByTherapistChart(buckets, staff.data ?? [], range.granularity, range),
  };
  return (
    <SimpleGrid cols={{ base: 1, lg: charts.length > 1 ? 2 : 1 }}>
      {charts.map((name) => (
        <ChartPanel key={name} spec={specs[name]()} isTableOpen={openTables.includes(name)} />
      ))}
    </SimpleGrid>
  );
}

export type RevenueChartName = 'revenue' | 'average' | 'liability' | 'costMargin' | 'needles';

const revenueSpecs: Record<RevenueChartName, (p: RevenuePeriod[], g: 'week' | 'month', r: { from: string; to: string }) => ChartSpec> = {
  revenue: revenueVsPriorYearChart,
  average: averagePerVisitChart,
  liability: packageLiabilityChart,
  costMargin: costAndMarginChart,
  needles: needlesPerSessionChart,
};

export function RevenueCharts({
  range,
  preloaded,
  charts,
  openTables = [],
}: {
  range: ChartRange;
  preloaded?: RevenuePeriod[];
  charts: RevenueChartName[];
  openTables?: RevenueChartName[];
}) {
  const series = useRevenueSeries(range, preloaded);
  const periods = preloaded ?? series.data;
  if (!periods) return series.isError ? <ErrorAlert title="Could not load revenue" error={series.error} /> : <PageLoader label="Loading revenue" />;
  const granularity = revenueGranularity(range.granularity);
  return (
    <SimpleGrid cols={{ base: 1, lg: charts.length > 1 ? 2 : 1 }}>
      {charts.map((name) => (
        <ChartPanel key={name} spec={revenueSpecs[name](periods, granularity, range)} isTableOpen={openTables.includes(name)} />
      ))}
    </SimpleGrid>
  );
}
