// The first page after sign-in: today's, this week's and this month's sessions, a year of sessions and
// self-pay revenue (or any range the picker chooses), and the alerts. One read (dashboard.summary) fills it
// for the default range; the audit chain is checked on the Audit log page, not here (it walks every event).
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { DashboardSummary } from '../../../db/dashboard/dashboard-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatBusinessDateLong, roleLabel } from '../../lib/format';
import { sessionsListHref } from '../sessions/session-filters';
import { RevenueCharts, SessionCountCharts } from './charts/ChartGroups';
import { addDays, rangeForPreset, type ChartRange } from './charts/date-range';
import { DateRangePicker } from './charts/DateRangePicker';
import { useChartRange } from './charts/useChartRange';
import { DashboardAlerts } from './DashboardAlerts';
import { countActiveStaffByRole } from './staff-counts';

export function DashboardPage() {
  const { clinic, today } = useClinicSession();
  const summary = useApiQuery('dashboard.summary', {});
  return (
    <Stack>
      <div>
        <Title order={1}>Dashboard</Title>
        <Text c="dimmed">
          {clinic.name} · {formatBusinessDateLong(today)}
        </Text>
      </div>
      {summary.isPending ? (
        <PageLoader label="Loading the dashboard" />
      ) : summary.isError ? (
        <ErrorAlert title="Could not load the dashboard" error={summary.error} />
      ) : (
        <DashboardBody summary={summary.data} />
      )}
    </Stack>
  );
}

/** Whether a range is exactly the summary's (this month and the eleven before, by month). */
function isSummaryRange(range: ChartRange, summary: DashboardSummary): boolean {
  const twelve = rangeForPreset('twelveMonths', summary.today);
  return range.from === twelve.from && range.to === twelve.to && range.granularity === 'month';
}

/**
 * False until the browser is idle after the first render: the alert lists and staff counts load their own
 * reads, so they start after the charts (drawn from the summary already in hand) rather than competing with them.
 */
function useIsIdleAfterFirstRender(): boolean {
  const [isIdle, setIsIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setIsIdle(true), { timeout: 1000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setIsIdle(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return isIdle;
}

function DashboardBody({ summary }: { summary: DashboardSummary }) {
  const [range, setRange] = useChartRange();
  const showsSecondarySections = useIsIdleAfterFirstRender();
  const usesSummary = isSummaryRange(range, summary);
  const weekStart = addDays(summary.today, -((new Date(`${summary.today}T00:00:00Z`).getUTCDay() + 6) % 7));
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="section" aria-label="Session counts">
        <CountCard label="Sessions today" value={summary.sessionsToday} href={sessionsListHref({ from: summary.today, to: summary.today })} />
        <CountCard label="Sessions this week" value={summary.sessionsThisWeek} href={sessionsListHref({ from: weekStart, to: summary.today })} />
        <CountCard label="Sessions this month" value={summary.sessionsThisMonth} href={sessionsListHref({ from: `${summary.today.slice(0, 7)}-01`, to: summary.today })} />
      </SimpleGrid>

      <Stack component="section" aria-labelledby="dashboard-charts" gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4" id="dashboard-charts">
            Sessions and revenue
          </Title>
          <Anchor component={Link} to="/revenue" size="sm">
            More revenue charts
          </Anchor>
        </Group>
        <DateRangePicker range={range} onChange={setRange} />
        <SessionCountCharts range={range} preloaded={usesSummary ? summary.monthlyCounts : undefined} openTables={['byKind']} />
        <RevenueCharts range={range} preloaded={usesSummary ? summary.monthlyRevenue : undefined} charts={['revenue']} openTables={['revenue']} />
      </Stack>

      {showsSecondarySections ? <DashboardAlerts /> : <AlertsPlaceholder />}

      <Card withBorder component="section" aria-labelledby="dashboard-staff">
        <Title order={2} size="h4" id="dashboard-staff" mb="sm">
          Staff
        </Title>
        {showsSecondarySections ? <StaffCounts /> : <PageLoader label="Loading staff" />}
      </Card>
    </Stack>
  );
}

function CountCard({ label, value, href }: { label: string; value: number; href: string }) {
  const id = `count-${label.replaceAll(' ', '-').toLowerCase()}`;
  return (
    <Card withBorder role="group" aria-labelledby={id}>
      <Text size="sm" c="dimmed" id={id}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} data-testid={id}>
        {value.toLocaleString('en-US')}
      </Text>
      <Anchor component={Link} to={href} size="sm" aria-label={`List the ${label.toLowerCase()}`}>
        List them
      </Anchor>
    </Card>
  );
}

function StaffCounts() {
  const staff = useApiQuery('staff.list', { includeInactive: false });
  if (staff.isPending) return <PageLoader label="Loading staff" />;
  if (staff.isError) return <ErrorAlert error={staff.error} />;
  return (
    <Table aria-label="Active staff by role">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Role</Table.Th>
          <Table.Th ta="right">Active staff</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {countActiveStaffByRole(staff.data).map(({ role, count }) => (
          <Table.Tr key={role}>
            <Table.Td>{roleLabel(role)}</Table.Td>
            <Table.Td ta="right">{count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Holds the alerts' place (and heading) until their lists start loading. */
function AlertsPlaceholder() {
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-alerts">
      <Title order={2} size="h4" id="dashboard-alerts" mb="sm">
        Alerts
      </Title>
      <PageLoader label="Loading alerts" />
    </Card>
  );
}
