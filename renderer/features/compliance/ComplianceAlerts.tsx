// The compliance calendar for the Dashboard's alerts: inspection-ready or how many items are overdue, then the
// items themselves (overdue first), each linking to the screen that fixes it. compliance.calendar is a write
// only because reading it records missed recurring tasks; calling it here is intended.
import { Anchor, Button, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ComplianceCalendar } from '../../../db/compliance/calendar-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { calendarHeadline } from './calendar-groups';
import { CalendarItemsTable } from './CalendarItemsTable';
import { compliancePaths } from './compliance-paths';
import { ToneBadge } from './ComplianceParts';

interface ComplianceAlertsProps {
  /** Level of the "Compliance" heading. */
  headingOrder?: 2 | 3 | 4;
  /** Items shown before "Show all". */
  limit?: number;
}

export function ComplianceAlerts({ headingOrder = 3, limit = 5 }: ComplianceAlertsProps) {
  const calendar = useApiQuery('compliance.calendar', {});
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline">
        <Title order={headingOrder as TitleOrder} size="h3" id={headingId}>
          Compliance
        </Title>
        <Anchor component={Link} to={compliancePaths.calendar} size="sm">
          Open the compliance calendar
        </Anchor>
      </Group>
      {calendar.isPending ? (
        <PageLoader label="Loading compliance alerts" />
      ) : calendar.isError ? (
        <ErrorAlert title="Could not load compliance alerts" error={calendar.error} />
      ) : (
        <AlertsBody calendar={calendar.data} limit={limit} />
      )}
    </Stack>
  );
}

function AlertsBody({ calendar, limit }: { calendar: ComplianceCalendar; limit: number }) {
  const [isShowingAll, setIsShowingAll] = useState(false);
  const headline = calendarHeadline(calendar);
  const shown = isShowingAll ? calendar.items : calendar.items.slice(0, limit);
  return (
    <>
      <Group gap="xs">
        <ToneBadge tone={headline.isReady ? 'good' : 'bad'}>{headline.title}</ToneBadge>
        <Text size="sm">{headline.text}</Text>
      </Group>
      {calendar.items.length > 0 && <CalendarItemsTable items={shown} label="Compliance items" today={calendar.today} showSeverity isCompact />}
      {calendar.items.length > limit && (
        <Button variant="subtle" size="compact-sm" onClick={() => setIsShowingAll((all) => !all)} aria-label={`${isShowingAll ? 'Show fewer' : 'Show all'}: compliance items`}>
          {isShowingAll ? 'Show fewer' : `Show all ${calendar.items.length}`}
        </Button>
      )}
    </>
  );
}
