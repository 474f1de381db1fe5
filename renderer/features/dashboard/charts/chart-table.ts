// A chart's numbers as its data table shows them and as its CSV file carries them. Pure.
import { centsToDollars, formatCents, formatCentsCompact } from '../../revenue/money';
import type { ChartSeries, ChartSpec, ValueFormat } from './chart-data';
import { buildCsv, type CsvCell } from './csv';

export function formatValue(value: number | null | undefined, format: ValueFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'count':
      return value.toLocaleString('en-US');
    case 'money':
      return formatCents(value);
    case 'decimal':
      return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    case 'percent':
      return `${(value * 100).toFixed(0)}%`;
  }
}

/** Axis ticks: short money, whole counts. */
export function formatAxisValue(value: number, format: ValueFormat): string {
  if (format === 'money') return formatCentsCompact(value);
  if (format === 'percent') return `${Math.round(value * 100)}%`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** The number a CSV cell carries: dollars (not cents) for money, a percentage for shares; always a number. */
export function csvValue(value: number | undefined, format: ValueFormat): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  switch (format) {
    case 'money':
      return centsToDollars(value);
    case 'percent':
      return Math.round(value * 10_000) / 100;
    case 'decimal':
      return Math.round(value * 100) / 100;
    case 'count':
      return value;
  }
}

export function columnHeader(series: Pick<ChartSeries, 'name' | 'format'>): string {
  return series.format === 'money' ? `${series.name} ($)` : series.format === 'percent' ? `${series.name} (%)` : series.name;
}

export function chartCsv(spec: ChartSpec): string {
  const header = ['Period', 'Label', ...spec.series.map(columnHeader)];
  const rows: CsvCell[][] = spec.rows.map((r) => [r.period, r.label, ...spec.series.map((s) => csvValue(r.values[s.key], s.format))]);
  return buildCsv(header, rows);
}
