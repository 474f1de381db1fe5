// One page of sessions, newest first; each row links to the session. Voided and amended sessions say so in text.
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SessionView } from '../../../db/sessions/sessions-contract';
import { formatCents } from '../revenue/money';
import { kindLabel, regionsLabel } from './session-labels';
import { SessionStatusBadges } from './SessionStatusBadges';

export function SessionTable({ sessions }: { sessions: SessionView[] }) {
  if (sessions.length === 0) return <Text>No sessions match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={980} data-print="full-width">
      <Table striped highlightOnHover aria-label="Sessions" verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Chart</Table.Th>
            <Table.Th scope="col">Therapist</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Body regions</Table.Th>
            <Table.Th scope="col" ta="right">
              Needles
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Pain
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Balance
            </Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id} c={s.status === 'voided' ? 'dimmed' : undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/sessions/${s.id}`} fz="sm" aria-label={`Session #${s.id}, ${s.sessionDate} ${s.startTime}, chart ${s.chartNumber}`}>
                  {s.sessionDate}
                </Anchor>
              </Table.Td>
              <Table.Td>{s.startTime}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.chartNumber}</Table.Td>
              <Table.Td>{s.therapistName}</Table.Td>
              <Table.Td>{kindLabel(s.kind)}</Table.Td>
              <Table.Td>{regionsLabel(s.bodyRegions)}</Table.Td>
              <Table.Td ta="right">{s.needlesOpened}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {s.painBefore} → {s.painAfter}
              </Table.Td>
              <Table.Td ta="right">
                {s.kind === 'self_pay' ? (s.coveredByPackageId !== null ? 'Package' : formatCents(s.balanceCents)) : '—'}
              </Table.Td>
              <Table.Td>
                <SessionStatusBadges session={s} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
