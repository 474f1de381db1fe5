// The sharps injury log (1910.1030(h)(5)): device, work area and how it happened, without names. A manager may
// show who was injured; that read is audited and the page says so. CSV download and print of what is shown.
import { Alert, Button, Group, List, NativeSelect, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { InjuryLog, InjuryView } from '../../../db/compliance/injury-contract';
import { useApiClient } from '../../api/ApiClientProvider';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { downloadTextFile } from '../inventory/download-text-file';
import { canCall } from './compliance-forms';
import { deviceTypeShort, procedurePhaseLabels } from './compliance-labels';
import { CompliancePageHeader } from './CompliancePageHeader';
import { PrintButton, PrintOnlyNote, ToneBadge, VoidRecordModal, VoidRowButton } from './ComplianceParts';
import { AmendInjuryModal, RecordInjuryModal } from './InjuryModals';

type Dialog = { kind: 'record' } | { kind: 'amend'; entry: InjuryView } | { kind: 'void'; entry: InjuryView };

export function InjuryLogPage() {
  const { acting, today } = useClinicSession();
  const client = useApiClient();
  const [year, setYear] = useState('');
  const [includeVoided, setIncludeVoided] = useState(false);
  const [includeIdentity, setIncludeIdentity] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [isDownloading, setIsDownloading] = useState(false);
  const isManager = canCall('compliance.recordInjury', acting.role);
  const filter = { ...(year === '' ? {} : { year: Number(year) }), includeVoided, includeIdentity: isManager && includeIdentity };
  const log = useApiQuery('compliance.listInjuries', filter);
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 7 }, (_, i) => String(thisYear - i));

  const downloadCsv = async () => {
    setDownloadError(null);
    setIsDownloading(true);
    try {
      const file = await client.call('compliance.injuryLogCsv', filter);
      downloadTextFile(file.fileName, file.csv, 'text/csv');
    } catch (error) {
      setDownloadError(error);
    } finally {
      setIsDownloading(false);
    }
  };

  return (
    <>
      <CompliancePageHeader
        title="Sharps injury log"
        description="Device, work area and how each sharps injury happened (29 CFR 1910.1030(h)(5)). No names in the log."
        actions={
          <>
            {isManager && <Button onClick={() => setDialog({ kind: 'record' })}>Record injury</Button>}
            <Button variant="default" onClick={() => void downloadCsv()} loading={isDownloading}>
              Download CSV
            </Button>
            <PrintButton what="the sharps injury log" />
          </>
        }
      />
      <Group align="flex-end" gap="md" role="search" aria-label="Injury log filters" data-print="hide">
        <NativeSelect label="Year" data={[{ value: '', label: 'All years' }, ...years.map((y) => ({ value: y, label: y }))]} value={year} onChange={(e) => setYear(e.currentTarget.value)} w={140} />
        <Switch label="Show voided entries" checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} mb={8} />
        {isManager && (
          <Switch
            label="Show identities"
            description="Who was injured is confidential; showing it is recorded in the audit log"
            checked={includeIdentity}
            onChange={(e) => setIncludeIdentity(e.currentTarget.checked)}
          />
        )}
      </Group>
      {downloadError !== null && <ErrorAlert title="Could not download the log" error={downloadError} />}
      {log.isPending ? (
        <PageLoader label="Loading the injury log" />
      ) : log.isError ? (
        <ErrorAlert title="Could not load the injury log" error={log.error} />
      ) : (
        <LogBody log={log.data} year={year} isManager={isManager} onAmend={(entry) => setDialog({ kind: 'amend', entry })} onVoid={(entry) => setDialog({ kind: 'void', entry })} />
      )}
      {dialog?.kind === 'record' && <RecordInjuryModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'amend' && <AmendInjuryModal entry={dialog.entry} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'void' && <VoidRecordModal method="compliance.voidInjury" id={dialog.entry.id} what={`log entry ${dialog.entry.caseNumber}`} onClose={() => setDialog(null)} />}
    </>
  );
}

interface LogBodyProps {
  log: InjuryLog;
  year: string;
  isManager: boolean;
  onAmend: (entry: InjuryView) => void;
  onVoid: (entry: InjuryView) => void;
}

function LogBody({ log, year, isManager, onAmend, onVoid }: LogBodyProps) {
  return (
    <Stack>
      <Stack gap={4} aria-label="About this log" role="group">
        {log.maintainedVoluntarily && (
          <Alert color="blue" variant="light" title="Maintained voluntarily">
            The clinic is partially exempt from OSHA Part 1904 and keeps this sharps injury log voluntarily (1910.1030(h)(5)(ii)).
          </Alert>
        )}
        <Text size="sm">
          <strong>Retention:</strong> {log.retention}. Each entry shows the date it must be kept until; nothing can be purged before it.
        </Text>
      </Stack>
      {log.includesIdentity && (
        <Alert color="orange" variant="light" title="! Identities shown" role="status">
          Who was injured is shown because you asked; this view was recorded in the audit log. Turn off “Show identities” when you are done.
        </Alert>
      )}
      <PrintOnlyNote>
        {year === '' ? 'All years' : `Year ${year}`}
        {log.includesIdentity ? '; includes identities (confidential)' : '; without identities'}.
      </PrintOnlyNote>
      {log.entries.length === 0 ? (
        <Text>No sharps injuries recorded{year ? ` in ${year}` : ''}.</Text>
      ) : (
        <Table.ScrollContainer minWidth={1080}>
          <Table striped aria-label="Sharps injury log" verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Case</Table.Th>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Device</Table.Th>
                <Table.Th scope="col">Work area</Table.Th>
                <Table.Th scope="col">How it happened</Table.Th>
                <Table.Th scope="col">Protocol and follow-up</Table.Th>
                {log.includesIdentity && <Table.Th scope="col">Injured employee</Table.Th>}
                {isManager && (
                  <Table.Th scope="col" data-print="hide">
                    Actions
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.entries.map((e) => {
                const isVoided = e.status === 'voided';
                return (
                  <Table.Tr key={e.id} c={isVoided ? 'dimmed' : undefined}>
                    <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {e.caseNumber}
                      {isVoided && (
                        <Text size="xs">
                          <ToneBadge tone="neutral">Voided</ToneBadge> {e.voidReason}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed" fw={400}>
                        keep until {e.retainUntil}
                      </Text>
                      {e.amendmentCount > 0 && (
                        <Text size="xs" c="dimmed">
                          corrected {e.amendmentCount}×
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {e.occurredOn}
                      <Text size="xs">{e.occurredTime}</Text>
                    </Table.Td>
                    <Table.Td miw={160}>
                      {deviceTypeShort[e.deviceType]}
                      <Text size="xs">{e.deviceBrand}</Text>
                      {e.lotNumber && <Text size="xs">lot {e.lotNumber}</Text>}
                    </Table.Td>
                    <Table.Td>{e.workArea}</Table.Td>
                    <Table.Td miw={240}>
                      {e.howItHappened}
                      <Text size="xs" c="dimmed">
                        {[e.procedurePhase ? `Phase: ${procedurePhaseLabels[e.procedurePhase]}` : '', e.bodyPart ? `Body part: ${e.bodyPart}` : '', e.jobClassification ? `Job: ${e.jobClassification}` : '']
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={240}>
                      {e.protocolFollowed || 'No protocol recorded'}
                      {e.followUps.length > 0 && (
                        <List size="xs" spacing={2} mt={4} aria-label={`Follow-up of ${e.caseNumber}`}>
                          {e.followUps.map((f) => (
                            <List.Item key={`${f.on}-${f.what}`}>
                              {f.on}: {f.what}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                    {log.includesIdentity && <Table.Td>{e.employee?.name ?? '—'}</Table.Td>}
                    {isManager && (
                      <Table.Td data-print="hide">
                        {!isVoided && (
                          <Stack gap={4} align="flex-start">
                            <Button size="compact-sm" variant="light" onClick={() => onAmend(e)} aria-label={`Correct entry ${e.caseNumber}`}>
                              Correct
                            </Button>
                            <VoidRowButton onClick={() => onVoid(e)} aria-label={`Void entry ${e.caseNumber}`} />
                          </Stack>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
