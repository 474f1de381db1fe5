// Dry-needling credentials: whether each therapist is cleared to needle today and until when, under the
// rules of the state the clinic selected; every credential on file; and the per-state rule profiles.
import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CredentialOverview, CredentialView, StateProfile } from '../../../db/compliance/credentials-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { canCall } from './compliance-forms';
import { credentialStateStyles } from './compliance-labels';
import { CompliancePageHeader } from './CompliancePageHeader';
import { ActionColumnHeader, FormModal, PrintButton, StyleBadge, ToneBadge, useComplianceForm, VoidRecordModal, VoidRowButton } from './ComplianceParts';
import { newCredentialValues, toCredentialInput } from './records-forms';
import { StateProfileModal } from './StateProfileModal';
import { highlightProps, useHighlightedId } from './useHighlightedId';

type Dialog = { kind: 'record'; staffId?: number } | { kind: 'void'; credential: CredentialView } | { kind: 'profile'; profile: StateProfile | null };

export function CredentialsPage() {
  const { acting } = useClinicSession();
  const [includeVoided, setIncludeVoided] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const overview = useApiQuery('compliance.listCredentials', { includeVoided });
  const isManager = canCall('compliance.recordCredential', acting.role);
  const close = () => setDialog(null);
  return (
    <>
      <CompliancePageHeader
        title="Dry-needling credentials"
        description="Who is cleared to dry-needle today, and until when, under the rules of the clinic's state."
        actions={
          <>
            {isManager && <Button onClick={() => setDialog({ kind: 'record' })}>Record credential</Button>}
            <PrintButton what="the credentials" />
          </>
        }
      />
      {overview.isPending ? (
        <PageLoader label="Loading credentials" />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} />
      ) : (
        <Stack gap="lg">
          <StateCard overview={overview.data} isManager={isManager} />
          <TherapistTable overview={overview.data} isManager={isManager} onRecord={(staffId) => setDialog({ kind: 'record', staffId })} />
          <Stack gap="xs" component="section" aria-labelledby="credential-list">
            <Group justify="space-between">
              <Title order={2} size="h3" id="credential-list">
                Credentials on file
              </Title>
              <Switch label="Show voided credentials" checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} data-print="hide" />
            </Group>
            <CredentialTable credentials={overview.data.credentials} canVoid={canCall('compliance.voidCredential', acting.role)} onVoid={(credential) => setDialog({ kind: 'void', credential })} />
          </Stack>
          <StateProfiles selectedState={overview.data.selectedState} onEdit={(profile) => setDialog({ kind: 'profile', profile })} />
        </Stack>
      )}
      {dialog?.kind === 'record' && <CredentialModal state={overview.data?.selectedState ?? ''} staffId={dialog.staffId} onClose={close} />}
      {dialog?.kind === 'void' && (
        <VoidRecordModal method="compliance.voidCredential" id={dialog.credential.id} what={`${dialog.credential.staffName}'s credential ${dialog.credential.course}`} onClose={close} />
      )}
      {dialog?.kind === 'profile' && <StateProfileModal profile={dialog.profile} onClose={close} />}
    </>
  );
}

function StateCard({ overview, isManager }: { overview: CredentialOverview; isManager: boolean }) {
  const p = overview.stateProfile;
  return (
    <Card withBorder component="section" aria-labelledby="clinic-state">
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h3" id="clinic-state">
          Clinic's state: {p ? `${p.stateName} (${p.state})` : overview.selectedState}
        </Title>
        {isManager && (
          <Anchor component={Link} to="/settings" size="sm" data-print="hide">
            Change the state in Settings
          </Anchor>
        )}
      </Group>
      {p === null ? (
        <Text mt="xs">
          <ToneBadge tone="bad">No rule profile</ToneBadge> There is no rule profile for {overview.selectedState}; a manager must add one before sessions can be recorded.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
          <Text size="sm">
            <strong>Dry needling by PTs:</strong> {p.isDnPermitted ? 'permitted' : 'not permitted'}
          </Text>
          <Text size="sm">
            <strong>Training hours required:</strong> {p.minHoursTotal ?? 'not set'}
          </Text>
          <Text size="sm">
            <strong>Written consent:</strong> {p.consentWrittenRequired ? 'required' : 'not required'}
          </Text>
          <Text size="sm">
            <strong>Referral:</strong> {p.referralRequired ? 'required' : 'not required'}
          </Text>
          <Text size="sm">
            <strong>Rules checked against primary text:</strong>{' '}
            {p.isVerified ? 'yes' : `not yet${p.verificationNote ? ` (${p.verificationNote})` : ''}`}
          </Text>
        </SimpleGrid>
      )}
    </Card>
  );
}

function TherapistTable({ overview, isManager, onRecord }: { overview: CredentialOverview; isManager: boolean; onRecord: (staffId: number) => void }) {
  const highlighted = useHighlightedId('staff');
  return (
    <Stack gap="xs" component="section" aria-labelledby="cleared-today">
      <Title order={2} size="h3" id="cleared-today">
        Cleared to dry-needle today
      </Title>
      {overview.therapists.length === 0 ? (
        <Text>No therapists yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="Therapists cleared to dry-needle today">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Therapist</Table.Th>
                <Table.Th scope="col">Today</Table.Th>
                <Table.Th scope="col">Until</Table.Th>
                <Table.Th scope="col">Valid hours</Table.Th>
                <Table.Th scope="col">Why not</Table.Th>
                {isManager && <ActionColumnHeader />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.therapists.map((t) => (
                <Table.Tr key={t.staffId} {...highlightProps(t.staffId === highlighted)}>
                  <Table.Th scope="row" fw={500}>
                    {t.name}
                  </Table.Th>
                  <Table.Td>{t.problem === null ? <ToneBadge tone="good">Cleared</ToneBadge> : <ToneBadge tone="bad">Not cleared</ToneBadge>}</Table.Td>
                  <Table.Td>{t.problem !== null ? '—' : (t.validUntil ?? 'No end date on file')}</Table.Td>
                  <Table.Td>{t.validHours}</Table.Td>
                  <Table.Td>{t.problem ?? ''}</Table.Td>
                  {isManager && (
                    <Table.Td data-print="hide">
                      <Button size="compact-sm" variant="light" onClick={() => onRecord(t.staffId)} aria-label={`Record a credential for ${t.name}`}>
                        Record credential
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CredentialTable({ credentials, canVoid, onVoid }: { credentials: CredentialView[]; canVoid: boolean; onVoid: (c: CredentialView) => void }) {
  if (credentials.length === 0) return <Text>No credentials recorded yet.</Text>;
  const sorted = [...credentials].sort((a, b) => a.staffName.localeCompare(b.staffName) || b.completedOn.localeCompare(a.completedOn));
  return (
    <Table.ScrollContainer minWidth={1050}>
      <Table striped aria-label="Credentials on file" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Therapist</Table.Th>
            <Table.Th scope="col">Course</Table.Th>
            <Table.Th scope="col">Hours</Table.Th>
            <Table.Th scope="col">Completed</Table.Th>
            <Table.Th scope="col">Certificate</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            {canVoid && (
              <Table.Th scope="col" data-print="hide">
                Actions
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((c) => (
            <Table.Tr key={c.id} c={c.credentialState === 'voided' ? 'dimmed' : undefined}>
              <Table.Th scope="row" fw={500}>
                {c.staffName}
              </Table.Th>
              <Table.Td>
                {c.course}
                <Text size="xs" c="dimmed">
                  {c.provider}
                </Text>
              </Table.Td>
              <Table.Td>{c.hours}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.completedOn}</Table.Td>
              <Table.Td>{c.certificateNumber || '—'}</Table.Td>
              <Table.Td>{c.state}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.expiresOn ?? 'No expiry'}</Table.Td>
              <Table.Td>
                <StyleBadge style={credentialStateStyles[c.credentialState]} />
                {c.voidReason && <Text size="xs">{c.voidReason}</Text>}
              </Table.Td>
              {canVoid && (
                <Table.Td data-print="hide">
                  {c.credentialState !== 'voided' && (
                    <VoidRowButton onClick={() => onVoid(c)} aria-label={`Void ${c.staffName}'s credential ${c.course}`} />
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

function StateProfiles({ selectedState, onEdit }: { selectedState: string; onEdit: (profile: StateProfile | null) => void }) {
  const { acting } = useClinicSession();
  const profiles = useApiQuery('compliance.listStateProfiles', {});
  const canEdit = canCall('compliance.saveStateProfile', acting.role);
  return (
    <Stack gap="xs" component="section" aria-labelledby="state-profiles">
      <Group justify="space-between">
        <Title order={2} size="h3" id="state-profiles">
          State rule profiles
        </Title>
        {canEdit && (
          <Button size="compact-md" variant="default" onClick={() => onEdit(null)} data-print="hide">
            Add state profile
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Each state's dry-needling rules are data the clinic can correct, not code. The clinic's state is marked.
      </Text>
      {profiles.isPending ? (
        <PageLoader label="Loading state profiles" />
      ) : profiles.isError ? (
        <ErrorAlert error={profiles.error} />
      ) : (
        <Table.ScrollContainer minWidth={950}>
          <Table striped aria-label="State rule profiles" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Dry needling</Table.Th>
                <Table.Th scope="col">Hours</Table.Th>
                <Table.Th scope="col">Consent</Table.Th>
                <Table.Th scope="col">Adverse events</Table.Th>
                <Table.Th scope="col">Verified</Table.Th>
                {canEdit && <ActionColumnHeader />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.data.map((p) => (
                <Table.Tr key={p.state} {...(p.state === selectedState ? { 'aria-current': 'true' as const, bg: 'teal.0' } : {})}>
                  <Table.Th scope="row" fw={500}>
                    {p.stateName} ({p.state}){p.state === selectedState ? ' · clinic' : ''}
                  </Table.Th>
                  <Table.Td>{p.isDnPermitted ? 'Permitted' : 'Not permitted'}</Table.Td>
                  <Table.Td>
                    {p.minHoursTotal === null ? 'Not set' : `${p.minHoursTotal} total`}
                    {p.minHoursInPerson !== null && <Text size="xs">{p.minHoursInPerson} in person</Text>}
                  </Table.Td>
                  <Table.Td>
                    {[p.consentWrittenRequired && 'written', p.consentCopyToPatient && 'copy to patient', p.consentMustStateNotAcupuncture && 'says not acupuncture'].filter(Boolean).join(', ') || 'no special rule'}
                  </Table.Td>
                  <Table.Td>{p.adverseEventReportDays === null ? (p.adverseEventReportTo || '—') : `within ${p.adverseEventReportDays} days to ${p.adverseEventReportTo}`}</Table.Td>
                  <Table.Td>{p.isVerified ? <ToneBadge tone="good">Verified</ToneBadge> : <ToneBadge tone="warning">To verify</ToneBadge>}</Table.Td>
                  {canEdit && (
                    <Table.Td data-print="hide">
                      <Button size="compact-sm" variant="light" onClick={() => onEdit(p)} aria-label={`Edit the ${p.stateName} profile`}>
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CredentialModal({ state, staffId, onClose }: { state: string; staffId?: number | undefined; onClose: () => void }) {
  const record = useApiMutation('compliance.recordCredential');
  const staff = useApiQuery('staff.list', { includeInactive: false });
  const form = useComplianceForm(newCredentialValues(state, staffId));
  const holders = (staff.data ?? []).filter((s) => s.role === 'therapist' || s.role === 'manager');
  const submit = () => form.send(toCredentialInput(form.values), record, onClose);
  return (
    <FormModal
      title="Record a dry-needling credential"
      onClose={onClose}
      {...form.modalProps(submit, record.isPending)}
      submitLabel="Record credential"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Therapist"
          required
          data-autofocus
          data={[{ value: '', label: 'Choose the therapist' }, ...holders.map((s) => ({ value: String(s.id), label: s.name }))]}
          {...form.textProps('staffId')}
        />
        <TextInput label="State" description="Two-letter code" maxLength={2} required {...form.textProps('state')} />
        <TextInput label="Course" required {...form.textProps('course')} />
        <TextInput label="Provider" required {...form.textProps('provider')} />
        <TextInput label="Hours" inputMode="decimal" required {...form.textProps('hours')} />
        <TextInput label="Certificate number" {...form.textProps('certificateNumber')} />
        <TextInput type="date" label="Completed on" required {...form.textProps('completedOn')} />
        <TextInput type="date" label="Expires or renewal due on" description="Leave blank if it does not expire" {...form.textProps('expiresOn')} />
      </SimpleGrid>
    </FormModal>
  );
}
