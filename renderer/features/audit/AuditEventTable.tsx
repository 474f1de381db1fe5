// One page of audit events, newest first; each row opens to show what the event changed.
import { Button, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { AuditEventView } from '../../../db/audit/audit-contract';
import { formatLocalDateTime, humanizeIdentifier } from '../../lib/format';
import { AuditChangeView } from './AuditChangeView';
import { diffAuditValues, summarizeChanges } from './audit-diff';
import { entityLabel, type StaffNames } from './audit-labels';

const columnCount = 8;

interface AuditEventTableProps {
  events: AuditEventView[];
  timeZone: string;
  staffNames: StaffNames;
}

export function AuditEventTable({ events, timeZone, staffNames }: AuditEventTableProps) {
  const [openSeqs, setOpenSeqs] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) =>
    setOpenSeqs((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  if (events.length === 0) return <Text>No events match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Audit events" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">Time ({timeZone})</Table.Th>
            <Table.Th scope="col">Staff member</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Entity</Table.Th>
            <Table.Th scope="col">Changed</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const isOpen = openSeqs.has(event.seq);
            const detailsId = `audit-event-${event.seq}-details`;
            return (
              <Fragment key={event.seq}>
                <Table.Tr>
                  <Table.Td>{event.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalDateTime(event.at, timeZone)}</Table.Td>
                  <Table.Td>{event.actorName ?? <Text span c="dimmed">(nobody signed in)</Text>}</Table.Td>
                  <Table.Td>{humanizeIdentifier(event.action)}</Table.Td>
                  <Table.Td>{entityLabel(event.entityType, event.entityId, staffNames)}</Table.Td>
                  <Table.Td>{summarizeChanges(diffAuditValues(event.before, event.after), event.before, event.after)}</Table.Td>
                  <Table.Td>{event.reason ?? ''}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? detailsId : undefined}
                      aria-label={`${isOpen ? 'Hide' : 'Show'} details of event #${event.seq}`}
                      onClick={() => toggle(event.seq)}
                    >
                      {isOpen ? 'Hide' : 'Show'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {isOpen && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={columnCount} bg="gray.0">
                      <AuditChangeView event={event} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
