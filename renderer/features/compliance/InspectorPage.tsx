// The inspector view for the read-only auditor: each OSHA and FDA record the clinic must keep, whether it is kept,
// the evidence (counts and dates, never names) and how long it is retained. Printable as a hand-out.
import { Alert, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { InspectorView } from '../../../db/compliance/calendar-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatBusinessDateLong } from '../../lib/format';
import { formatEvidenceValue, humanizeEvidenceKey, inspectorStatusStyles } from './compliance-labels';
import { CompliancePageHeader } from './CompliancePageHeader';
import { PrintButton, StyleBadge, ToneBadge } from './ComplianceParts';

export function InspectorPage() {
  const view = useApiQuery('compliance.inspectorView', {});
  return (
    <>
      <CompliancePageHeader
        title="Inspector view"
        description="Each record OSHA and FDA expect the clinic to keep, its status and its evidence. No names."
        actions={<PrintButton what="the inspector view" />}
      />
      {view.isPending ? <PageLoader label="Loading the inspector view" /> : view.isError ? <ErrorAlert error={view.error} /> : <InspectorBody view={view.data} />}
    </>
  );
}

function InspectorBody({ view }: { view: InspectorView }) {
  const counts = { ok: 0, attention: 0, missing: 0 };
  for (const record of view.records) counts[record.status] += 1;
  return (
    <Stack gap="lg">
      <div>
        <Text fw={600}>{view.clinicName}</Text>
        <Text size="sm">As of {formatBusinessDateLong(view.generatedOn)}</Text>
      </div>
      <Group gap="sm" role="group" aria-label="Record status summary">
        <ToneBadge tone="good">{`${counts.ok} kept`}</ToneBadge>
        <ToneBadge tone="warning">{`${counts.attention} need attention`}</ToneBadge>
        <ToneBadge tone="bad">{`${counts.missing} missing`}</ToneBadge>
      </Group>
      {view.maintainedVoluntarily && (
        <Alert color="blue" variant="light" title="Sharps injury log maintained voluntarily">
          The clinic is partially exempt from OSHA Part 1904 and keeps the sharps injury log voluntarily.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={1000}>
        <Table striped aria-label="Records the clinic keeps" fz="sm" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Record</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Evidence</Table.Th>
              <Table.Th scope="col">Retention</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.records.map((record) => (
              <Table.Tr key={record.key}>
                <Table.Th scope="row" fw={500} miw={220}>
                  {record.title}
                  <Text size="xs" c="dimmed" fw={400}>
                    {record.citation}
                  </Text>
                </Table.Th>
                <Table.Td miw={220}>
                  <StyleBadge style={inspectorStatusStyles[record.status]} />
                  <Text size="xs" mt={4}>
                    {record.statusDetail}
                  </Text>
                </Table.Td>
                <Table.Td miw={260}>
                  <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 12 }} aria-label={`Evidence: ${record.title}`}>
                    {Object.entries(record.evidence).map(([key, value]) => (
                      <div key={key} style={{ display: 'contents' }}>
                        <Text component="dt" size="xs" c="dimmed">
                          {humanizeEvidenceKey(key)}
                        </Text>
                        <Text component="dd" size="xs" m={0} fw={500}>
                          {formatEvidenceValue(value)}
                        </Text>
                      </div>
                    ))}
                  </dl>
                </Table.Td>
                <Table.Td miw={200}>{record.retention}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" component="section" aria-labelledby="retention-rules">
        <Title order={2} size="h3" id="retention-rules">
          Retention periods
        </Title>
        <Text size="sm" c="dimmed">
          Nothing can be purged before its retention ends; the app has no purge at all.
        </Text>
        <Table striped aria-label="Retention periods" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Record</Table.Th>
              <Table.Th scope="col">Kept for</Table.Th>
              <Table.Th scope="col">Basis</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.retentionRules.map((rule) => (
              <Table.Tr key={rule.key}>
                <Table.Th scope="row" fw={500}>
                  {rule.record}
                </Table.Th>
                <Table.Td>{rule.period}</Table.Td>
                <Table.Td>{rule.basis}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
