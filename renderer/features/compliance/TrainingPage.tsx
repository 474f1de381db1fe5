// Bloodborne pathogens training (1910.1030(g)(2), (h)(2)): each staff member's last training and next annual
// due date, and every training session with its content, trainer and attendees; record or void a session.
import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { trainingTypes, type StaffTrainingStatus, type TrainingView } from '../../../db/compliance/training-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { roleLabel } from '../../lib/format';
import { canCall } from './compliance-forms';
import { trainingStateStyles, trainingTypeLabels } from './compliance-labels';
import { compliancePaths } from './compliance-paths';
import { CompliancePageHeader } from './CompliancePageHeader';
import { CheckboxList, FormModal, PrintButton, StyleBadge, ToneBadge, useComplianceForm, VoidRecordModal, VoidRowButton } from './ComplianceParts';
import { newTrainingValues, toTrainingInput } from './records-forms';
import { highlightProps, useHighlightedId } from './useHighlightedId';

export function TrainingPage() {
  const { acting } = useClinicSession();
  const [includeVoided, setIncludeVoided] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'void'; training: TrainingView } | null>(null);
  const status = useApiQuery('compliance.trainingStatus', {});
  const trainings = useApiQuery('compliance.listTrainings', { includeVoided });
  const isManager = canCall('compliance.recordTraining', acting.role);
  return (
    <>
      <CompliancePageHeader
        title="Bloodborne pathogens training"
        description="Training at assignment and within a year of the last (1910.1030(g)(2)); records kept 3 years."
        actions={
          <>
            {isManager && <Button onClick={() => setDialog({ kind: 'record' })}>Record training</Button>}
            <PrintButton what="the training records" />
          </>
        }
      />
      <Stack gap="xs" component="section" aria-labelledby="training-staff">
        <Group justify="space-between">
          <Title order={2} size="h3" id="training-staff">
            Staff
          </Title>
          {canCall('compliance.listHbvOffers', acting.role) && (
            <Anchor component={Link} to={compliancePaths.vaccination()} size="sm" data-print="hide">
              Hepatitis B vaccination offers
            </Anchor>
          )}
        </Group>
        {status.isPending ? <PageLoader label="Loading training status" /> : status.isError ? <ErrorAlert error={status.error} /> : <StaffStatusTable rows={status.data} />}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="training-sessions">
        <Group justify="space-between">
          <Title order={2} size="h3" id="training-sessions">
            Training sessions
          </Title>
          <Switch label="Show voided sessions" checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} data-print="hide" />
        </Group>
        {trainings.isPending ? (
          <PageLoader label="Loading training sessions" />
        ) : trainings.isError ? (
          <ErrorAlert error={trainings.error} />
        ) : (
          <TrainingTable trainings={trainings.data} canVoid={canCall('compliance.voidTraining', acting.role)} onVoid={(training) => setDialog({ kind: 'void', training })} />
        )}
      </Stack>
      {dialog?.kind === 'record' && <RecordTrainingModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'void' && <VoidRecordModal method="compliance.voidTraining" id={dialog.training.id} what={`the training of ${dialog.training.trainedOn}`} onClose={() => setDialog(null)} />}
    </>
  );
}

function StaffStatusTable({ rows }: { rows: StaffTrainingStatus[] }) {
  const highlighted = useHighlightedId('staff');
  if (rows.length === 0) return <Text>No staff in the training programme yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped aria-label="Training status by staff member">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Staff member</Table.Th>
            <Table.Th scope="col">Job</Table.Th>
            <Table.Th scope="col">Last trained</Table.Th>
            <Table.Th scope="col">Next due</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.staffId} {...highlightProps(s.staffId === highlighted)}>
              <Table.Th scope="row" fw={500}>
                {s.name}
              </Table.Th>
              <Table.Td>{s.jobTitle || roleLabel(s.role)}</Table.Td>
              <Table.Td>{s.lastTrainedOn ?? 'Never'}</Table.Td>
              <Table.Td>{s.nextDueOn ?? 'Now (initial training)'}</Table.Td>
              <Table.Td>
                <StyleBadge style={trainingStateStyles[s.state]} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrainingTable({ trainings, canVoid, onVoid }: { trainings: TrainingView[]; canVoid: boolean; onVoid: (training: TrainingView) => void }) {
  if (trainings.length === 0) return <Text>No training sessions recorded yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped aria-label="Training sessions" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Content</Table.Th>
            <Table.Th scope="col">Trainer</Table.Th>
            <Table.Th scope="col">Attendees</Table.Th>
            <Table.Th scope="col">Keep until</Table.Th>
            {canVoid && (
              <Table.Th scope="col" data-print="hide">
                Actions
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trainings.map((t) => (
            <Table.Tr key={t.id} c={t.isVoided ? 'dimmed' : undefined}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {t.trainedOn}
                <Text size="xs" fw={400}>
                  {trainingTypeLabels[t.trainingType]}
                </Text>
                {t.isVoided && (
                  <Text size="xs">
                    <ToneBadge tone="neutral">Voided</ToneBadge> {t.voidReason}
                  </Text>
                )}
              </Table.Th>
              <Table.Td miw={280}>{t.contentSummary}</Table.Td>
              <Table.Td miw={200}>
                {t.trainerName}
                <Text size="xs" c="dimmed">
                  {t.trainerQualifications}
                </Text>
              </Table.Td>
              <Table.Td miw={220}>{t.attendees.map((a) => `${a.name}${a.jobTitle ? ` (${a.jobTitle})` : ''}`).join('; ')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.retainUntil}</Table.Td>
              {canVoid && (
                <Table.Td data-print="hide">
                  {!t.isVoided && (
                    <VoidRowButton onClick={() => onVoid(t)} aria-label={`Void the training of ${t.trainedOn}`} />
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

function RecordTrainingModal({ onClose }: { onClose: () => void }) {
  const { today } = useClinicSession();
  const record = useApiMutation('compliance.recordTraining');
  const staff = useApiQuery('staff.list', { includeInactive: false });
  const form = useComplianceForm(newTrainingValues(today));
  const submit = () => form.send(toTrainingInput(form.values), record, onClose);
  return (
    <FormModal
      title="Record a BBP training session"
      onClose={onClose}
      {...form.modalProps(submit, record.isPending)}
      submitLabel="Record training"
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label="Trained on" required data-autofocus {...form.textProps('trainedOn')} />
        <NativeSelect label="Kind of training" data={trainingTypes.map((t) => ({ value: t, label: trainingTypeLabels[t] }))} {...form.textProps('trainingType')} />
        <TextInput label="Trainer" required {...form.textProps('trainerName')} />
        <TextInput label="Trainer's qualifications" description="Knowledge of the subject as it relates to this clinic" required {...form.textProps('trainerQualifications')} />
      </SimpleGrid>
      <Textarea label="Content summary" required autosize minRows={3} {...form.textProps('contentSummary')} />
      <CheckboxList
        legend="Attendees"
        description="Names and job titles are kept as they are today."
        options={(staff.data ?? []).filter((s) => s.role !== 'auditor').map((s) => ({ value: s.id, label: `${s.name} · ${s.jobTitle || roleLabel(s.role)}` }))}
        value={form.values.attendeeStaffIds}
        onChange={(value) => form.setValue('attendeeStaffIds', value)}
        error={form.fieldErrors.attendeeStaffIds}
      />
    </FormModal>
  );
}
