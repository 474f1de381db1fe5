// MDR evaluations (21 CFR 803): every session adverse event and needle defect, its 10-work-day deadline,
// the reportability decision with its reasoning, the report, and the annual Form FDA 3419.
import { Button, Group, NativeSelect, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MdrAnnualReportStatus, MdrEvaluationView, MdrOverview } from '../../../db/compliance/mdr-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { canCall } from './compliance-forms';
import { describeDue, describeMdrSubject, mdrStatusStyle } from './compliance-labels';
import { CompliancePageHeader } from './CompliancePageHeader';
import { ActionColumnHeader, PrintButton, StyleBadge, ToneBadge, VoidRecordModal, VoidRowButton } from './ComplianceParts';
import { AnnualReportModal, DecideModal, DefectModal, ReportModal, SessionMdrModal } from './MdrModals';
import { highlightProps, useHighlightedId } from './useHighlightedId';

type Dialog =
  | { kind: 'defect' }
  | { kind: 'session'; session: MdrOverview['unevaluatedSessions'][number] }
  | { kind: 'decide'; evaluation: MdrEvaluationView }
  | { kind: 'report'; evaluation: MdrEvaluationView }
  | { kind: 'void'; evaluation: MdrEvaluationView }
  | { kind: 'annual'; report: MdrAnnualReportStatus };

const pageSize = 25;

export function MdrPage() {
  const { acting } = useClinicSession();
  const [includeVoided, setIncludeVoided] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const mdr = useApiQuery('compliance.listMdr', { includeVoided });
  const close = () => setDialog(null);
  return (
    <>
      <CompliancePageHeader
        title="MDR evaluations"
        description="FDA device reporting (21 CFR 803): each adverse event and needle defect is evaluated within 10 work days of becoming aware."
        actions={
          <>
            {canCall('compliance.openMdrForDefect', acting.role) && <Button onClick={() => setDialog({ kind: 'defect' })}>Report a needle defect</Button>}
            <PrintButton what="the MDR evaluations" />
          </>
        }
      />
      {mdr.isPending ? (
        <PageLoader label="Loading MDR evaluations" />
      ) : mdr.isError ? (
        <ErrorAlert title="Could not load MDR evaluations" error={mdr.error} />
      ) : (
        <MdrBody overview={mdr.data} includeVoided={includeVoided} onIncludeVoided={setIncludeVoided} onDialog={setDialog} />
      )}
      {dialog?.kind === 'defect' && <DefectModal onClose={close} />}
      {dialog?.kind === 'session' && <SessionMdrModal session={dialog.session} onClose={close} />}
      {dialog?.kind === 'decide' && <DecideModal evaluation={dialog.evaluation} onClose={close} />}
      {dialog?.kind === 'report' && <ReportModal evaluation={dialog.evaluation} onClose={close} />}
      {dialog?.kind === 'void' && <VoidRecordModal method="compliance.voidMdr" id={dialog.evaluation.id} what="this MDR evaluation" onClose={close} />}
      {dialog?.kind === 'annual' && <AnnualReportModal report={dialog.report} onClose={close} />}
    </>
  );
}

interface MdrBodyProps {
  overview: MdrOverview;
  includeVoided: boolean;
  onIncludeVoided: (value: boolean) => void;
  onDialog: (dialog: Dialog) => void;
}

function MdrBody({ overview, includeVoided, onIncludeVoided, onDialog }: MdrBodyProps) {
  const { acting } = useClinicSession();
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState(pageSize);
  const open = overview.evaluations.filter((e) => e.needsAction && !e.isVoided);
  const filtered = overview.evaluations.filter((e) => status === '' || e.status === status);
  const canOpen = canCall('compliance.openMdrForSession', acting.role);
  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="mdr-open">
        <Title order={2} size="h3" id="mdr-open">
          Needs a decision or a report ({open.length})
        </Title>
        {open.length === 0 ? <Text>Every evaluation is decided, and every reportable event reported.</Text> : <EvaluationTable evaluations={open} label="Open MDR evaluations" onDialog={onDialog} />}
      </Stack>

      {overview.unevaluatedSessions.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="mdr-unevaluated">
          <Title order={2} size="h3" id="mdr-unevaluated" c="red.8">
            ✗ Adverse events without an evaluation ({overview.unevaluatedSessions.length})
          </Title>
          <Table aria-label="Adverse events without an evaluation" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Session</Table.Th>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Adverse event</Table.Th>
                {canOpen && <ActionColumnHeader />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.unevaluatedSessions.map((s) => (
                <Table.Tr key={s.sessionId}>
                  <Table.Th scope="row">#{s.sessionId}</Table.Th>
                  <Table.Td>{s.sessionDate}</Table.Td>
                  <Table.Td>{s.adverseEvent.replaceAll('_', ' ')}</Table.Td>
                  {canOpen && (
                    <Table.Td data-print="hide">
                      <Button size="compact-sm" variant="light" onClick={() => onDialog({ kind: 'session', session: s })} aria-label={`Open an evaluation for session #${s.sessionId}`}>
                        Open evaluation
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      <Stack gap="xs" component="section" aria-labelledby="mdr-annual">
        <Title order={2} size="h3" id="mdr-annual">
          Annual user-facility report (Form FDA 3419)
        </Title>
        <AnnualTable reports={overview.annualReports} onRecord={(report) => onDialog({ kind: 'annual', report })} />
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="mdr-all">
        <Title order={2} size="h3" id="mdr-all">
          All evaluations
        </Title>
        <Group align="flex-end" gap="md" role="search" aria-label="MDR filters" data-print="hide">
          <NativeSelect
            label="Status"
            data={[
              { value: '', label: 'Any status' },
              { value: 'open', label: 'To decide' },
              { value: 'decided', label: 'Decided' },
              { value: 'reported', label: 'Reported' },
            ]}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            w={160}
          />
          <Switch label="Show voided evaluations" checked={includeVoided} onChange={(e) => onIncludeVoided(e.currentTarget.checked)} mb={8} />
        </Group>
        <Text size="sm" aria-live="polite">
          Showing {Math.min(shown, filtered.length)} of {filtered.length}.
        </Text>
        {filtered.length > 0 && <EvaluationTable evaluations={filtered.slice(0, shown)} label="All MDR evaluations" onDialog={onDialog} />}
        {filtered.length > shown && (
          <Button variant="subtle" onClick={() => setShown((n) => n + pageSize)} data-print="hide">
            Show {Math.min(pageSize, filtered.length - shown)} more
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

function EvaluationTable({ evaluations, label, onDialog }: { evaluations: MdrEvaluationView[]; label: string; onDialog: (dialog: Dialog) => void }) {
  const { acting, today } = useClinicSession();
  const highlighted = useHighlightedId('id');
  const isManager = canCall('compliance.decideMdr', acting.role);
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped aria-label={label} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Event</Table.Th>
            <Table.Th scope="col">Happened</Table.Th>
            <Table.Th scope="col">Deadline</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Decision</Table.Th>
            <Table.Th scope="col">Report</Table.Th>
            <Table.Th scope="col">Keep until</Table.Th>
            {isManager && (
              <Table.Th scope="col" data-print="hide">
                Actions
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evaluations.map((e) => (
            <Table.Tr key={e.id} c={e.isVoided ? 'dimmed' : undefined} {...highlightProps(e.id === highlighted)}>
              <Table.Th scope="row" fw={500} miw={220}>
                {describeMdrSubject(e)}
                <Text size="xs" c="dimmed" fw={400}>
                  {e.summary}
                </Text>
                {e.isVoided && <Text size="xs">Voided: {e.voidReason}</Text>}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {e.eventOn}
                <Text size="xs">aware {e.awareOn}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {e.deadlineOn}
                {e.needsAction && !e.isVoided && (
                  <Text size="xs" c={e.isOverdue ? 'red.8' : 'dimmed'}>
                    {describeDue(e.deadlineOn, today)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td miw={140}>
                <StyleBadge style={mdrStatusStyle(e)} />
              </Table.Td>
              <Table.Td miw={220}>
                {e.reportable === 'undecided' ? (
                  'Not decided'
                ) : (
                  <>
                    <Text size="sm" fw={500}>
                      {e.reportable === 'yes' ? 'Reportable' : 'Not reportable'}
                    </Text>
                    <Text size="xs">{e.reasoning}</Text>
                    <Text size="xs" c="dimmed">
                      {e.decidedByName}, {e.decidedOn}
                    </Text>
                  </>
                )}
              </Table.Td>
              <Table.Td>{e.reportedOn ? `${e.reportedOn} to ${e.reportedTo ?? ''} (${e.reportReference ?? ''})` : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.retainUntil}</Table.Td>
              {isManager && (
                <Table.Td data-print="hide">
                  {!e.isVoided && e.status !== 'reported' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="light" onClick={() => onDialog({ kind: 'decide', evaluation: e })} aria-label={`${e.status === 'open' ? 'Decide' : 'Change the decision on'} ${describeMdrSubject(e)}`}>
                        {e.status === 'open' ? 'Decide' : 'Change decision'}
                      </Button>
                      {e.reportable === 'yes' && (
                        <Button size="compact-sm" variant="light" onClick={() => onDialog({ kind: 'report', evaluation: e })} aria-label={`Record the report of ${describeMdrSubject(e)}`}>
                          Record report
                        </Button>
                      )}
                      <VoidRowButton onClick={() => onDialog({ kind: 'void', evaluation: e })} aria-label={`Void the evaluation of ${describeMdrSubject(e)}`} />
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AnnualTable({ reports, onRecord }: { reports: MdrAnnualReportStatus[]; onRecord: (report: MdrAnnualReportStatus) => void }) {
  const { acting } = useClinicSession();
  const isManager = canCall('compliance.recordMdrAnnualReport', acting.role);
  if (reports.length === 0) return <Text>No reportable events in any year, so no Form FDA 3419 is due.</Text>;
  return (
    <Table striped aria-label="Annual reports (Form FDA 3419)">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Year</Table.Th>
          <Table.Th scope="col">Reportable events</Table.Th>
          <Table.Th scope="col">Due</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          {isManager && <ActionColumnHeader />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((r) => (
          <Table.Tr key={r.year}>
            <Table.Th scope="row">{r.year}</Table.Th>
            <Table.Td>{r.reportableCount}</Table.Td>
            <Table.Td>{r.dueOn}</Table.Td>
            <Table.Td>
              {r.submittedOn ? (
                <>
                  <ToneBadge tone="good">Submitted</ToneBadge> {r.submittedOn} ({r.reference})
                </>
              ) : r.reportableCount === 0 ? (
                <ToneBadge tone="neutral">Nothing to report</ToneBadge>
              ) : (
                <ToneBadge tone="warning">Not submitted</ToneBadge>
              )}
            </Table.Td>
            {isManager && (
              <Table.Td data-print="hide">
                {!r.submittedOn && (
                  <Button size="compact-sm" variant="light" onClick={() => onRecord(r)} aria-label={`Record the annual report for ${r.year}`}>
                    Record report
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
