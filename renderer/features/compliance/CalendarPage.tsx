// The compliance home: "are we inspection-ready today?" in one big answer, then everything overdue or due within
// 30 days grouped by severity, each with the link to the screen that fixes it.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ComplianceCalendar } from '../../../db/compliance/calendar-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatBusinessDateLong, pluralize } from '../../lib/format';
import { calendarHeadline, groupCalendarItems } from './calendar-groups';
import { CalendarItemsTable } from './CalendarItemsTable';
import { CompliancePageHeader } from './CompliancePageHeader';
import { PrintButton } from './ComplianceParts';

export function CalendarPage() {
  const calendar = useApiQuery('compliance.calendar', {});
  return (
    <>
      <CompliancePageHeader
        title="Compliance calendar"
        description="Are we inspection-ready today? Everything overdue or due within 30 days, with the screen that fixes it."
        actions={<PrintButton what="the compliance calendar" />}
      />
      {calendar.isPending ? (
        <PageLoader label="Loading the compliance calendar" />
      ) : calendar.isError ? (
        <ErrorAlert title="Could not load the compliance calendar" error={calendar.error} />
      ) : (
        <CalendarBody calendar={calendar.data} />
      )}
    </>
  );
}

function CalendarBody({ calendar }: { calendar: ComplianceCalendar }) {
  const groups = groupCalendarItems(calendar.items);
  return (
    <Stack gap="lg">
      <ReadinessCard calendar={calendar} />
      {groups.map((group) => {
        const headingId = `calendar-${group.severity}`;
        return (
          <Stack key={group.severity} gap="xs" component="section" aria-labelledby={headingId}>
            <Title order={2} size="h3" id={headingId} c={group.severity === 'overdue' ? 'red.8' : undefined}>
              {group.severity === 'overdue' ? '✗ ' : '! '}
              {group.title} ({group.items.length})
            </Title>
            <CalendarItemsTable items={group.items} label={group.severity === 'overdue' ? 'Overdue items' : 'Items due within 30 days'} today={calendar.today} />
          </Stack>
        );
      })}
    </Stack>
  );
}

/** The answer itself: a symbol, words and colour together, so it reads without the colour. */
export function ReadinessCard({ calendar }: { calendar: ComplianceCalendar }) {
  const headline = calendarHeadline(calendar);
  const color = headline.isReady ? 'teal' : 'red';
  return (
    <Card withBorder padding="lg" role="status" aria-label="Inspection readiness" style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 2 }}>
      <Group gap="lg" wrap="nowrap" align="center">
        <Text fz={56} fw={700} lh={1} c={`${color}.7`} aria-hidden="true">
          {headline.isReady ? '✓' : '✗'}
        </Text>
        <div>
          <Text fz={28} fw={700} c={`${color}.8`} data-testid="readiness-title">
            {headline.title}
          </Text>
          <Text>{headline.text}</Text>
          <Text size="sm" c="dimmed">
            As of {formatBusinessDateLong(calendar.today)} · {pluralize(calendar.overdueCount, 'overdue item')}, {pluralize(calendar.dueSoonCount, 'item')} due soon
          </Text>
        </div>
      </Group>
    </Card>
  );
}
