// The backups list (backups.list): when, kind, size and the check result of each copy, and whether its file is reachable.
import { Table, Text } from '@mantine/core';
import type { BackupRecord } from '../../../db/backups/backup-contract';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { StatusBadge } from '../../components/StatusBadge';
import { formatLocalDateTime } from '../../lib/format';
import { backupKindLabels, checkStatusStyles, formatFileSize } from './backup-labels';

export function BackupTable({ backups }: { backups: BackupRecord[] }) {
  const { clinic } = useClinicSession();
  if (backups.length === 0) return <Text>No backups yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped aria-label="Backups" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col" ta="right">
              Size
            </Table.Th>
            <Table.Th scope="col">Check</Table.Th>
            <Table.Th scope="col">File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => {
            const style = checkStatusStyles[backup.status];
            return (
              <Table.Tr key={backup.id ?? backup.path}>
                <Table.Th scope="row" fw={500}>
                  {formatLocalDateTime(backup.createdAt, clinic.timeZone)}
                </Table.Th>
                <Table.Td>{backupKindLabels[backup.kind]}</Table.Td>
                <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {formatFileSize(backup.sizeBytes)}
                </Table.Td>
                <Table.Td miw={150}>
                  <StatusBadge tone={style.tone}>{style.label}</StatusBadge>
                  {backup.message && (
                    <Text size="xs" mt={4}>
                      {backup.message}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" title={backup.path}>
                    {backup.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[backup.isEncrypted ? 'encrypted' : 'not encrypted', backup.isPresent ? null : 'not reachable now (drive unplugged?)'].filter(Boolean).join('; ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
