// One chart with what must go with it: a title and description for every reader, its data as a table (toggled
// below it), CSV and PNG downloads, and bars that open the sessions behind them. Presentational: it draws a ChartSpec.
import { Anchor, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { sessionsListHref } from '../../sessions/session-filters';
import { drillFor, seriesTotals, type ChartRow, type ChartSpec } from './chart-data';
import { chartPngBlob } from './chart-png';
import { chartCsv, formatAxisValue, formatValue } from './chart-table';
import { exportFileName } from './csv';
import { downloadBlob, downloadText } from './download-file';

interface ChartPanelProps {
  spec: ChartSpec;
  height?: number;
  /** Open the data table from the start (the Dashboard's main charts). */
  isTableOpen?: boolean;
}

export function ChartPanel({ spec, height = 280, isTableOpen = false }: ChartPanelProps) {
  const titleId = useId();
  const descriptionId = useId();
  const tableId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(isTableOpen);
  const [exportError, setExportError] = useState<string | null>(null);
  const navigate = useNavigate();
  const format = (key: string) => spec.series.find((s) => s.key === key)?.format ?? spec.axisFormat;
  const drawn = spec.series.filter((s) => s.draw !== 'table');
  // recharts reads flat objects: the period key and axis tick beside each value.
  const data = spec.rows.map((r) => ({ period: r.period, tick: r.tick, label: r.label, ...r.values }));
  const rowOf = (period: unknown) => spec.rows.find((r) => r.period === period);

  const openBar = (seriesKey: string, payload: unknown) => {
    const row = rowOf((payload as { period?: unknown } | undefined)?.period);
    const drill = row && drillFor(spec, row, seriesKey);
    if (drill) void navigate(sessionsListHref(drill));
  };

  const downloadPng = async () => {
    setExportError(null);
    try {
      if (!chartRef.current) return;
      downloadBlob(await chartPngBlob(chartRef.current, spec), exportFileName(spec.title, spec.range.from, spec.range.to, 'png'));
    } catch (error) {
      setExportError(error instanceof Error ? error.message : 'The image could not be made.');
    }
  };

  return (
    <Card withBorder component="figure" m={0} aria-labelledby={titleId} aria-describedby={descriptionId} data-chart={spec.id}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Title order={3} size="h5" id={titleId}>
          {spec.title}
        </Title>
        <Group gap={6} data-print="hide">
          <Button
            size="compact-sm"
            variant="default"
            aria-expanded={showTable}
            aria-controls={tableId}
            aria-label={`${showTable ? 'Hide' : 'Show'} the data of ${spec.title}`}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? 'Hide table' : 'Show table'}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`Download ${spec.title} as CSV`}
            onClick={() => downloadText(chartCsv(spec), exportFileName(spec.title, spec.range.from, spec.range.to, 'csv'), 'text/csv;charset=utf-8')}
          >
            CSV
          </Button>
          <Button size="compact-sm" variant="default" aria-label={`Download ${spec.title} as PNG`} onClick={() => void downloadPng()}>
            PNG
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" id={descriptionId} mb="xs">
        {spec.description}
        {drawn.some((s) => s.drill) ? ' Select a bar, or a number in the table, to list its sessions.' : ''}
      </Text>
      {exportError && <ErrorAlert title="Could not download" error={exportError} />}
      <div ref={chartRef}>
        <ComposedChart
          responsive
          style={{ width: '100%', height }}
          data={data}
          title={spec.title}
          desc={spec.description}
          margin={{ top: 8, right: 8, bottom: 0, left: 4 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="tick" tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis tick={{ fontSize: 11 }} width={56} tickFormatter={(v: number) => formatAxisValue(v, spec.axisFormat)} />
          <Tooltip
            labelFormatter={(_label, payload) => String((payload?.[0]?.payload as { label?: string } | undefined)?.label ?? '')}
            formatter={(value, name, item) => [formatValue(Number(value), format(String(item.dataKey))), name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {drawn.map((s) =>
            s.draw === 'bar' ? (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                stackId={s.stackId}
                isAnimationActive={false}
                cursor={s.drill ? 'pointer' : undefined}
                onClick={s.drill ? (item) => openBar(s.key, item.payload) : undefined}
              />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </div>
      {showTable && <ChartDataTable id={tableId} spec={spec} />}
    </Card>
  );
}

/** The chart's numbers, one row per period; numbers of drillable series link to their sessions. */
export function ChartDataTable({ spec, id }: { spec: ChartSpec; id?: string }) {
  const totals = seriesTotals(spec);
  const cell = (row: ChartRow, key: string) => {
    const series = spec.series.find((s) => s.key === key);
    const value = row.values[key];
    const text = formatValue(value, series?.format ?? 'count');
    const drill = drillFor(spec, row, key);
    if (!drill || !value) return text;
    return (
      <Anchor component={Link} to={sessionsListHref(drill)} aria-label={`${text} ${series?.name ?? ''}, ${row.label}: list the sessions`} fz="xs">
        {text}
      </Anchor>
    );
  };
  return (
    <Table.ScrollContainer minWidth={480} mt="sm" id={id}>
      <Table striped withTableBorder fz="xs" aria-label={`${spec.title}: data`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Period</Table.Th>
            {spec.series.map((s) => (
              <Table.Th key={s.key} scope="col" ta="right">
                {s.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spec.rows.map((row) => (
            <Table.Tr key={row.period}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              {spec.series.map((s) => (
                <Table.Td key={s.key} ta="right">
                  {cell(row, s.key)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {spec.series.some((s) => s.isSummable) && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              {spec.series.map((s) => (
                <Table.Td key={s.key} ta="right" fw={600}>
                  {totals[s.key] === null ? '' : formatValue(totals[s.key], s.format)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
