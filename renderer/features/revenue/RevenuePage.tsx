// Revenue area: charts for a date range, payments and refunds, outstanding balances, prepaid packages, the
// price list and the daily close, each a page below /revenue.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { RevenueCharts, SessionCountCharts } from '../dashboard/charts/ChartGroups';
import { DateRangePicker } from '../dashboard/charts/DateRangePicker';
import { useChartRange } from '../dashboard/charts/useChartRange';
import { PrintButton } from '../../components/PrintButton';
import { DayClosePanel } from './DayClosePanel';
import { OutstandingPanel } from './OutstandingPanel';
import { PackagesPanel } from './PackagesPanel';
import { PaymentsPanel } from './PaymentsPanel';
import { PricesPanel } from './PricesPanel';

const sections = [
  { path: '', label: 'Charts', usesRange: true },
  { path: 'payments', label: 'Payments', usesRange: true },
  { path: 'outstanding', label: 'Outstanding', usesRange: false },
  { path: 'packages', label: 'Packages', usesRange: false },
  { path: 'prices', label: 'Prices', usesRange: false },
  { path: 'close', label: 'Daily close', usesRange: false },
] as const;

export function RevenuePage() {
  const { pathname, search } = useLocation();
  const current = sections.find((s) => s.path !== '' && pathname.startsWith(`/revenue/${s.path}`)) ?? sections[0];
  // The chart range follows the user between Charts and Payments.
  const rangeSearch = current.usesRange ? search : '';

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Revenue</Title>
          <Text c="dimmed">Self-pay visits: what was earned, collected, refunded and is still owed, and the daily close.</Text>
        </div>
        <PrintButton what={`the revenue ${current.label.toLowerCase()} page`} />
      </Group>
      <Group gap={6} component="nav" aria-label="Revenue sections" data-print="hide">
        {sections.map((s) => {
          const isCurrent = s === current;
          return (
            <Button
              key={s.path}
              component={Link}
              to={`/revenue${s.path ? `/${s.path}` : ''}${s.usesRange ? rangeSearch : ''}`}
              variant={isCurrent ? 'filled' : 'default'}
              size="sm"
              aria-current={isCurrent ? 'page' : undefined}
            >
              {s.label}
            </Button>
          );
        })}
      </Group>
      <Routes>
        <Route index element={<ChartsSection />} />
        <Route path="payments" element={<PaymentsSection />} />
        <Route path="outstanding" element={<OutstandingPanel />} />
        <Route path="packages" element={<PackagesPanel />} />
        <Route path="prices" element={<PricesPanel />} />
        <Route path="close" element={<DayClosePanel />} />
        <Route path="*" element={<Navigate to="/revenue" replace />} />
      </Routes>
    </Stack>
  );
}

function ChartsSection() {
  const [range, setRange] = useChartRange();
  return (
    <Stack>
      <DateRangePicker range={range} onChange={setRange} />
      <RevenueCharts range={range} charts={['revenue', 'average', 'liability', 'costMargin']} openTables={['revenue']} />
      <SessionCountCharts range={range} />
      <RevenueCharts range={range} charts={['needles']} />
    </Stack>
  );
}

function PaymentsSection() {
  // A month of payments by default: a year of them is a long table.
  const [range, setRange] = useChartRange('last30');
  return (
    <Stack>
      <DateRangePicker range={range} onChange={setRange} />
      <PaymentsPanel range={range} />
    </Stack>
  );
}
