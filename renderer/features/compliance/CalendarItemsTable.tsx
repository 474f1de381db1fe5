// Calendar items as a table: what is due, about which record, when, and the link to the screen that fixes it.
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CalendarItem } from '../../../db/compliance/calendar-contract';
import { describeItemDue } from './calendar-groups';
import { calendarKindRecords, severityStyles } from './compliance-labels';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { calendarLinkLabel, calendarLinkPath, canOpenLink } from './compliance-paths';
import { ToneBadge } from './ComplianceParts';

interface CalendarItemsTableProps {
  items: readonly CalendarItem[];
  label: string;
  today: string;
  /** Shows each item's severity (the Dashboard list mixes them; the calendar groups them). */
  showSeverity?: boolean;
  isCompact?: boolean;
}

export function CalendarItemsTable({ items, label, today, showSeverity = false, isCompact = false }: CalendarItemsTableProps) {
  const { acting } = useClinicSession();
  return (
    <Table.ScrollContainer minWidth={isCompact ? 560 : 760}>
      <Table aria-label={label} verticalSpacing={isCompact ? 4 : 'xs'} fz="sm" striped layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            {!isCompact && (
              <Table.Th scope="col" w={190}>
                Record
              </Table.Th>
            )}
            <Table.Th scope="col" w={isCompact ? 150 : 170}>
              Due
            </Table.Th>
            <Table.Th scope="col" w={isCompact ? 180 : 210}>
              Fix it
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => (
            <Table.Tr key={`${item.kind}-${item.link.area}-${item.link.id ?? ''}-${item.dueOn}-${index}`}>
              <Table.Th scope="row" fw={500}>
                {item.title}
                {item.detail && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {item.detail}
                  </Text>
                )}
              </Table.Th>
              {!isCompact && <Table.Td>{calendarKindRecords[item.kind]}</Table.Td>}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {showSeverity && <ToneBadge tone={severityStyles[item.severity].tone}>{severityStyles[item.severity].label}</ToneBadge>}
                <Text size="sm">{item.dueOn}</Text>
                <Text size="xs" c={item.severity === 'overdue' ? 'red.8' : 'dimmed'}>
                  {describeItemDue(item, today)}
                </Text>
              </Table.Td>
              <Table.Td>
                {canOpenLink(item.link, acting.role) ? (
                  <Anchor component={Link} to={calendarLinkPath(item.link)} aria-label={`${calendarLinkLabel(item.link)}: ${item.title}`}>
                    {calendarLinkLabel(item.link)}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    A manager fixes this
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
