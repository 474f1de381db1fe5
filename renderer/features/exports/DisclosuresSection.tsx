// The HIPAA accounting of disclosures (disclosures.list), all or one patient's by chart number, and recording one.
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { DisclosureView } from '../../../db/exports/exports-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatLocalDateTime, pluralize } from '../../lib/format';
import { legalBasisLabels } from './export-form';
import { RecordDisclosureModal } from './RecordDisclosureModal';

export function DisclosuresSection() {
  const { acting } = useClinicSession();
  const [chartInput, setChartInput] = useState('');
  const [chartNumber, setChartNumber] = useState<string | undefined>(undefined);
  const [isRecording, setIsRecording] = useState(false);
  const disclosures = useApiQuery('disclosures.list', chartNumber === undefined ? {} : { chartNumber });

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = chartInput.trim();
    setChartNumber(trimmed === '' ? undefined : trimmed);
  };

  return (
    <Stack>
      <Text size="sm">
        Every time patient information leaves the clinic (an export naming a recipient, or a list sent by hand) it is listed here, so a patient who
        asks can be told who received what and why (45 CFR 164.528).
      </Text>
      <Group justify="space-between" align="flex-end">
        <form onSubmit={filter} role="search" aria-label="Disclosure filter">
          <Group align="flex-end" gap="xs">
            <TextInput label="Chart number" description="Leave empty for all patients" value={chartInput} onChange={(event) => setChartInput(event.currentTarget.value)} />
            <Button type="submit" variant="default">
              Show
            </Button>
          </Group>
        </form>
        {acting.role === 'manager' && <Button onClick={() => setIsRecording(true)}>Record a disclosure</Button>}
      </Group>
      {disclosures.isPending ? (
        <PageLoader label="Loading disclosures" />
      ) : disclosures.isError ? (
        <ErrorAlert error={disclosures.error} />
      ) : (
        <DisclosureTable disclosures={disclosures.data} chartNumber={chartNumber} />
      )}
      {isRecording && <RecordDisclosureModal onClose={() => setIsRecording(false)} />}
    </Stack>
  );
}

function DisclosureTable({ disclosures, chartNumber }: { disclosures: DisclosureView[]; chartNumber: string | undefined }) {
  const { clinic } = useClinicSession();
  if (disclosures.length === 0) return <Text>{chartNumber ? `No disclosures for chart ${chartNumber}.` : 'No disclosures recorded.'}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={chartNumber ? `Disclosures for chart ${chartNumber}` : 'Disclosures'} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Recipient</Table.Th>
            <Table.Th scope="col">Purpose</Table.Th>
            <Table.Th scope="col">What was sent</Table.Th>
            <Table.Th scope="col">Legal basis</Table.Th>
            <Table.Th scope="col">Patients</Table.Th>
            <Table.Th scope="col">Recorded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disclosures.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.disclosedOn}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {d.recipientName}
                {d.recipientAddress && (
                  <Text size="xs" c="dimmed">
                    {d.recipientAddress}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{d.purpose}</Table.Td>
              <Table.Td>
                {d.phiDescription}
                {d.exportId && (
                  <Text size="xs" c="dimmed">
                    audit bundle export
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{legalBasisLabels[d.legalBasis]}</Table.Td>
              <Table.Td>{pluralize(d.chartNumberCount, 'patient')}</Table.Td>
              <Table.Td>
                {d.recordedByName ?? 'Unknown'}
                <Text size="xs" c="dimmed">
                  {formatLocalDateTime(d.recordedAt, clinic.timeZone)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
