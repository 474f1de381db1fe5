// The effectiveness report: mean pain before and after, the change, and the share of sessions improving by
// 2 points or more, by period, therapist and body region; printable for payers.
import { Anchor, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { EffectivenessGroup } from '../../../db/sessions/sessions-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { ChartPanel } from '../dashboard/charts/ChartPanel';
import { periodLabel, revenueGranularity } from '../dashboard/charts/date-range';
import { DateRangePicker } from '../dashboard/charts/DateRangePicker';
import { useChartRange } from '../dashboard/charts/useChartRange';
import { effectivenessChart, effectivenessRow } from './effectiveness-data';
import { PrintButton } from '../../components/PrintButton';

export function EffectivenessPage() {
  const { clinic } = useClinicSession();
  const [range, setRange] = useChartRange();
  const [params, setParams] = useSearchParams();
  const therapistParam = params.get('therapist') ?? '';
  const therapistId = /^\d+$/.test(therapistParam) ? Number(therapistParam) : undefined;
  const granularity = revenueGranularity(range.granularity);
  const report = useApiQuery(
    'sessions.effectiveness',
    { from: range.from, to: range.to, granularity, ...(therapistId === undefined ? {} : { therapistId }) },
    { placeholderData: keepPreviousData },
  );
  const staff = useApiQuery('staff.list', { includeInactive: true });
  const therapistOptions = [
    { value: '', label: 'All therapists' },
    ...(staff.data ?? []).filter((s) => s.role === 'therapist' || s.role === 'manager').map((s) => ({ value: String(s.id), label: s.isActive ? s.name : `${s.name} (inactive)` })),
  ];
  const therapistName = therapistOptions.find((o) => o.value === therapistParam)?.label;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Anchor component={Link} to="/sessions" size="sm" data-print="hide">
            ← Sessions
          </Anchor>
          <Title order={1}>Effectiveness report</Title>
          <Text c="dimmed">
            {clinic.name}: pain (NPRS 0–10) before and after dry needling, {range.from} to {range.to}
            {therapistId !== undefined ? `, ${therapistName ?? `therapist #${therapistId}`}` : ', all therapists'}. Voided sessions excluded.
          </Text>
        </div>
        <PrintButton what="the effectiveness report" />
      </Group>
      <Group align="flex-end" data-print="hide">
        <DateRangePicker range={range} onChange={setRange} />
        <NativeSelect
          label="Therapist"
          data={therapistOptions}
          value={therapistParam}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.currentTarget.value) next.set('therapist', e.currentTarget.value);
            else next.delete('therapist');
            setParams(next, { replace: true });
          }}
          w={200}
        />
      </Group>
      {report.isPending ? (
        <PageLoader label="Loading the report" />
      ) : report.isError ? (
        <ErrorAlert title="Could not load the report" error={report.error} />
      ) : (
        <>
          <Overall group={report.data.overall} />
          <ChartPanel spec={effectivenessChart(report.data, granularity, therapistId)} />
          <GroupTable title="By period" firstColumn="Period" groups={report.data.byPeriod.map((g) => ({ ...g, label: periodLabel(g.key, granularity) }))} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <GroupTable title="By therapist" firstColumn="Therapist" groups={report.data.byTherapist} />
            <GroupTable title="By body region" firstColumn="Body region" groups={report.data.byRegion} note="A session treating two regions counts in both." />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Overall({ group }: { group: EffectivenessGroup }) {
  const row = effectivenessRow(group);
  const figures = [
    { label: 'Sessions', value: row.sessions },
    { label: 'Mean pain before', value: row.meanBefore },
    { label: 'Mean pain after', value: row.meanAfter },
    { label: 'Mean change', value: row.meanChange },
    { label: 'Improved by 2+ points', value: row.improvedShare },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} component="section" aria-label="Overall">
      {figures.map((f) => (
        <Card withBorder key={f.label} role="group" aria-label={f.label}>
          <Text size="sm" c="dimmed">
            {f.label}
          </Text>
          <Text fz={26} fw={700}>
            {f.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

interface GroupTableProps {
  title: string;
  firstColumn: string;
  groups: EffectivenessGroup[];
  note?: string;
}

function GroupTable({ title, firstColumn, groups, note }: GroupTableProps) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb={4}>
        {title}
      </Title>
      {note && (
        <Text size="xs" c="dimmed" mb={4}>
          {note}
        </Text>
      )}
      <Table.ScrollContainer minWidth={520} data-print="full-width">
        <Table striped fz="sm" aria-label={`Effectiveness ${title.toLowerCase()}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{firstColumn}</Table.Th>
              <Table.Th scope="col" ta="right">
                Sessions
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Before
              </Table.Th>
              <Table.Th scope="col" ta="right">
                After
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Change
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Improved 2+
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map(effectivenessRow).map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={400}>
                  {r.label}
                </Table.Th>
                <Table.Td ta="right">{r.sessions}</Table.Td>
                <Table.Td ta="right">{r.meanBefore}</Table.Td>
                <Table.Td ta="right">{r.meanAfter}</Table.Td>
                <Table.Td ta="right">{r.meanChange}</Table.Td>
                <Table.Td ta="right">{r.improvedShare}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
