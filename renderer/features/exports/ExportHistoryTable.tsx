// The export log (exports.list): who made each bundle and when, its range, options and outcome, and its manifest hash.
import { Table, Text } from '@mantine/core';
import type { ExportRecordView } from '../../../db/exports/exports-contract';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { StatusBadge } from '../../components/StatusBadge';
import { formatLocalDateTime, shortHash } from '../../lib/format';
import { formatBytes } from './bundle-chunks';
import { DownloadBundleButton } from './DownloadBundleButton';
import { exportStateStyles } from './export-progress';

export function exportOptionsText(record: Pick<ExportRecordView, 'isDeidentified' | 'includeInjuryIdentities' | 'recipient'>): string {
  const options = [record.isDeidentified ? 'De-identified' : 'Identified'];
  if (record.includeInjuryIdentities) options.push('injury identities');
  if (record.recipient) options.push(`to ${record.recipient}`);
  return options.join(', ');
}

export function ExportHistoryTable({ records }: { records: ExportRecordView[] }) {
  const { clinic } = useClinicSession();
  if (records.length === 0) return <Text>No exports yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped aria-label="Past exports" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">Range</Table.Th>
            <Table.Th scope="col">Options</Table.Th>
            <Table.Th scope="col">Purpose</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Manifest SHA-256</Table.Th>
            <Table.Th scope="col">File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => {
            const style = exportStateStyles[record.status];
            return (
              <Table.Tr key={record.exportId}>
                <Table.Th scope="row" fw={500}>
                  {formatLocalDateTime(record.startedAt, clinic.timeZone)}
                </Table.Th>
                <Table.Td>
                  {record.createdByName ?? 'Unknown'}
                  {record.createdVia === 'cli' && (
                    <Text size="xs" c="dimmed">
                      command line
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {record.from} to {record.to}
                </Table.Td>
                <Table.Td>{exportOptionsText(record)}</Table.Td>
                <Table.Td>{record.purpose}</Table.Td>
                <Table.Td miw={130}>
                  <StatusBadge tone={style.tone}>{style.label}</StatusBadge>
                  {record.error && (
                    <Text size="xs" mt={4}>
                      {record.error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{record.manifestSha256 ? <span title={record.manifestSha256}>{shortHash(record.manifestSha256, 16)}</span> : '—'}</Table.Td>
                <Table.Td>
                  {record.status === 'done' ? (
                    <>
                      <DownloadBundleButton exportId={record.exportId} fileName={record.fileName} label="Download" size="xs" />
                      {record.sizeBytes != null && (
                        <Text size="xs" c="dimmed">
                          {formatBytes(record.sizeBytes)}
                        </Text>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
