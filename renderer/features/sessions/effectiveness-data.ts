// The effectiveness report (sessions.effectiveness) shaped for its chart and its tables. Pure.
import type { EffectivenessGroup, EffectivenessReport } from '../../../db/sessions/sessions-contract';
import type { ChartSpec } from '../dashboard/charts/chart-data';
import { periodLabel, periodTick } from '../dashboard/charts/date-range';

/** Mean pain before and after per period, grouped bars; the share improving by 2 points or more in the table. */
export function effectivenessChart(report: EffectivenessReport, granularity: 'week' | 'month', therapistId?: number): ChartSpec {
  const drill = therapistId === undefined ? {} : { therapistId };
  return {
    id: 'pain-before-and-after',
    title: 'Pain before and after (NPRS 0–10)',
    description: `Mean pain score before and after dry needling per ${granularity}, with the share of sessions improving by 2 points or more.`,
    granularity,
    range: { from: report.from, to: report.to },
    axisFormat: 'decimal',
    series: [
      { key: 'meanBefore', name: 'Mean pain before', draw: 'bar', color: '#e8590c', format: 'decimal', isSummable: false, drill },
      { key: 'meanAfter', name: 'Mean pain after', draw: 'bar', color: '#1971c2', format: 'decimal', isSummable: false, drill },
      { key: 'improvedShare', name: 'Improved by 2+ points', draw: 'table', color: '#000', format: 'percent', isSummable: false },
      { key: 'sessions', name: 'Sessions', draw: 'table', color: '#000', format: 'count', isSummable: true, drill },
    ],
    rows: report.byPeriod.map((g) => ({
      period: g.key,
      label: periodLabel(g.key, granularity),
      tick: periodTick(g.key, granularity),
      values: g.sessions === 0 ? ({ sessions: 0 } as Record<string, number>) : { meanBefore: g.meanBefore, meanAfter: g.meanAfter, improvedShare: g.improvedShare, sessions: g.sessions },
    })),
  };
}

export interface EffectivenessRow {
  key: string;
  label: string;
  sessions: string;
  meanBefore: string;
  meanAfter: string;
  meanChange: string;
  improvedShare: string;
}

const oneDecimal = (v: number) => v.toFixed(1);

/** A group as a table row; a group without sessions shows dashes rather than zeros that look like results. */
export function effectivenessRow(g: EffectivenessGroup): EffectivenessRow {
  if (g.sessions === 0) return { key: g.key, label: g.label, sessions: '0', meanBefore: '—', meanAfter: '—', meanChange: '—', improvedShare: '—' };
  return {
    key: g.key,
    label: g.label,
    sessions: g.sessions.toLocaleString('en-US'),
    meanBefore: oneDecimal(g.meanBefore),
    meanAfter: oneDecimal(g.meanAfter),
    meanChange: `${g.meanChange > 0 ? '+' : ''}${oneDecimal(g.meanChange)}`,
    improvedShare: `${Math.round(g.improvedShare * 100)}%`,
  };
}
