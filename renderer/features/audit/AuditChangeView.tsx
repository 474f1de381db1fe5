// What one audit event changed: field by field when its values are records, otherwise the raw before and after.
import { Code, Grid, Stack, Table, Text } from '@mantine/core';
import type { AuditEventView } from '../../../db/audit/audit-contract';
import { diffAuditValues, prettyAuditJson, type FieldChangeKind } from './audit-diff';

const kindLabels: Record<FieldChangeKind, string> = { added: 'added', removed: 'removed', changed: 'changed', unchanged: '' };

export function AuditChangeView({ event }: { event: AuditEventView }) {
  const changes = diffAuditValues(event.before, event.after);
  // A create (or anything with only one side) has nothing to compare: list what it recorded.
  const isOneSided = event.before === null || event.before === undefined || event.after === null || event.after === undefined;
  return (
    <Stack gap="xs" py="xs">
      {changes !== null && isOneSided && changes.length > 0 ? (
        <Table withTableBorder withColumnBorders aria-label={`Values recorded in event #${event.seq}`} fz="sm" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.field}>
                <Table.Td>{change.field}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{change.kind === 'removed' ? change.before : change.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : changes === null ? (
        <Grid>
          <Grid.Col span={6}>
            <Text size="sm" fw={600}>
              Before
            </Text>
            <Code block>{prettyAuditJson(event.before)}</Code>
          </Grid.Col>
          <Grid.Col span={6}>
            <Text size="sm" fw={600}>
              After
            </Text>
            <Code block>{prettyAuditJson(event.after)}</Code>
          </Grid.Col>
        </Grid>
      ) : changes.length === 0 ? (
        <Text size="sm">This event records no values.</Text>
      ) : (
        <Table withTableBorder withColumnBorders aria-label={`Changes in event #${event.seq}`} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Before</Table.Th>
              <Table.Th scope="col">After</Table.Th>
              <Table.Th scope="col">Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.field} fw={change.kind === 'unchanged' ? undefined : 600}>
                <Table.Td>{change.field}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{change.before}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{change.after}</Table.Td>
                <Table.Td>{kindLabels[change.kind]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        Event {event.eventId} · device {event.deviceId} · hash <code>{event.hash}</code>
      </Text>
    </Stack>
  );
}
