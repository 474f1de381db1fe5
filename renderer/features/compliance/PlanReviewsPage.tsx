// Exposure control plan reviews (1910.1030(c)(1)(iv)-(v)): at least annually, with the changes, safer devices
// considered and frontline staff consulted, each beside that year's sharps injuries per 1,000 needling sessions.
import { Button, Card, Group, Radio, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanReviewOverview, PlanReviewView } from '../../../db/compliance/plan-review-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { canCall } from './compliance-forms';
import { describeDue, formatInjuryRate } from './compliance-labels';
import { CompliancePageHeader } from './CompliancePageHeader';
import { FactsGrid, FormModal, PrintButton, ToneBadge, useComplianceForm, VoidRecordModal, VoidRowButton } from './ComplianceParts';
import { newPlanReviewValues, toPlanReviewInput } from './records-forms';

export function PlanReviewsPage() {
  const { acting } = useClinicSession();
  const [includeVoided, setIncludeVoided] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'void'; review: PlanReviewView } | null>(null);
  const overview = useApiQuery('compliance.listPlanReviews', { includeVoided });
  return (
    <>
      <CompliancePageHeader
        title="Exposure control plan reviews"
        description="Reviewed at least every year, with safer devices considered and frontline staff consulted."
        actions={
          <>
            {canCall('compliance.recordPlanReview', acting.role) && <Button onClick={() => setDialog({ kind: 'record' })}>Record review</Button>}
            <PrintButton what="the plan reviews" />
          </>
        }
      />
      {overview.isPending ? (
        <PageLoader label="Loading plan reviews" />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} />
      ) : (
        <ReviewsBody overview={overview.data} includeVoided={includeVoided} onIncludeVoided={setIncludeVoided} onVoid={(review) => setDialog({ kind: 'void', review })} />
      )}
      {dialog?.kind === 'record' && <PlanReviewModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'void' && <VoidRecordModal method="compliance.voidPlanReview" id={dialog.review.id} what={`the review of ${dialog.review.reviewedOn}`} onClose={() => setDialog(null)} />}
    </>
  );
}

function ReviewsBody({ overview, includeVoided, onIncludeVoided, onVoid }: { overview: PlanReviewOverview; includeVoided: boolean; onIncludeVoided: (v: boolean) => void; onVoid: (r: PlanReviewView) => void }) {
  const { acting, today } = useClinicSession();
  const canVoid = canCall('compliance.voidPlanReview', acting.role);
  const next = overview.nextDueOn;
  return (
    <Stack gap="lg">
      <FactsGrid
        label="Plan review status"
        cols={3}
        facts={[
          ['Last reviewed', overview.lastReviewedOn ?? 'Never'],
          [
            'Next review due',
            next === null ? (
              <ToneBadge key="n" tone="bad">
                Now: no review on record
              </ToneBadge>
            ) : (
              <span key="n">
                {next} <Text span size="sm" c={next < today ? 'red.8' : 'dimmed'}>({describeDue(next, today)})</Text>
              </span>
            ),
          ],
          [`Sharps injuries this year`, formatInjuryRate(overview.currentYear)],
        ]}
      />
      <Stack gap="xs" component="section" aria-labelledby="plan-reviews">
        <Group justify="space-between">
          <Title order={2} size="h3" id="plan-reviews">
            Reviews
          </Title>
          <Switch label="Show voided reviews" checked={includeVoided} onChange={(e) => onIncludeVoided(e.currentTarget.checked)} data-print="hide" />
        </Group>
        {overview.reviews.length === 0 ? (
          <Text>No plan reviews recorded yet.</Text>
        ) : (
          <Stack gap="sm">
            {overview.reviews.map((r) => (
              <Card key={r.id} withBorder component="article" aria-label={`Review of ${r.reviewedOn}`} c={r.isVoided ? 'dimmed' : undefined}>
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={3} size="h4">
                      Review of {r.reviewedOn}
                    </Title>
                    <Text size="sm">by {r.reviewer}</Text>
                  </div>
                  <Group gap="xs">
                    {r.isVoided && <ToneBadge tone="neutral">Voided</ToneBadge>}
                    {r.flags.length > 0 && <ToneBadge tone="warning">Frontline input missing</ToneBadge>}
                    {canVoid && !r.isVoided && (
                      <VoidRowButton onClick={() => onVoid(r)} aria-label={`Void the review of ${r.reviewedOn}`} data-print="hide" />
                    )}
                  </Group>
                </Group>
                <Table mt="sm" fz="sm" aria-label={`Review of ${r.reviewedOn}: details`} variant="vertical" layout="fixed">
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th w={260}>Injuries per 1,000 sessions that year</Table.Th>
                      <Table.Td fw={600}>{formatInjuryRate(r.rate)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Changes</Table.Th>
                      <Table.Td>{r.changes}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Safer devices considered</Table.Th>
                      <Table.Td>{r.saferDevicesConsidered}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>Frontline staff consulted</Table.Th>
                      <Table.Td>{r.isFrontlineConsulted ? `Yes: ${r.frontlineNames}` : 'No'}</Table.Td>
                    </Table.Tr>
                    {r.flags.map((flag) => (
                      <Table.Tr key={flag}>
                        <Table.Th>Flag</Table.Th>
                        <Table.Td>! {flag}</Table.Td>
                      </Table.Tr>
                    ))}
                    {r.isVoided && (
                      <Table.Tr>
                        <Table.Th>Voided because</Table.Th>
                        <Table.Td>{r.voidReason}</Table.Td>
                      </Table.Tr>
                    )}
                    <Table.Tr>
                      <Table.Th>Keep until</Table.Th>
                      <Table.Td>{r.retainUntil}</Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function PlanReviewModal({ onClose }: { onClose: () => void }) {
  const { today, acting } = useClinicSession();
  const record = useApiMutation('compliance.recordPlanReview');
  const form = useComplianceForm(newPlanReviewValues(today, acting.name));
  const submit = () => form.send(toPlanReviewInput(form.values), record, onClose);
  return (
    <FormModal
      title="Record an exposure control plan review"
      onClose={onClose}
      {...form.modalProps(submit, record.isPending)}
      submitLabel="Record review"
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label="Reviewed on" required data-autofocus {...form.textProps('reviewedOn')} />
        <TextInput label="Reviewer" required {...form.textProps('reviewer')} />
      </SimpleGrid>
      <Textarea label="Changes made" description="Write “No changes” if none" required autosize minRows={2} {...form.textProps('changes')} />
      <Textarea
        label="Safer devices considered"
        description="What was considered and why it was or was not adopted; if none is available, say why"
        required
        autosize
        minRows={2}
        {...form.textProps('saferDevicesConsidered')}
      />
      <Radio.Group
        label="Were non-managerial frontline staff consulted?"
        required
        value={form.values.isFrontlineConsulted}
        onChange={(v) => form.setValue('isFrontlineConsulted', v)}
        error={form.fieldErrors.isFrontlineConsulted}
      >
        <Group mt={4}>
          <Radio value="true" label="Yes" />
          <Radio value="false" label="No" />
        </Group>
      </Radio.Group>
      {form.values.isFrontlineConsulted === 'true' && <TextInput label="Who was consulted" required {...form.textProps('frontlineNames')} />}
    </FormModal>
  );
}
