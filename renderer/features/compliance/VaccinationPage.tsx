// Hepatitis B vaccination offers (1910.1030(f)(2)), as a summary only: when each staff member was offered the
// vaccine, the answer, and a signed declination on file. Confidential: managers only; medical details stay out.
import { Alert, Button, Checkbox, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { hbvResponses, type HbvOfferView } from '../../../db/compliance/training-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { roleLabel } from '../../lib/format';
import { hbvResponseLabels } from './compliance-labels';
import { CompliancePageHeader } from './CompliancePageHeader';
import { FormModal, PrintButton, ToneBadge, useComplianceForm } from './ComplianceParts';
import { hbvToFormValues, newHbvValues, toAmendHbvInput, toRecordHbvInput } from './records-forms';
import { highlightProps, useHighlightedId } from './useHighlightedId';

type Dialog = { kind: 'record'; staffId?: number } | { kind: 'amend'; offer: HbvOfferView };

export function VaccinationPage() {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const offers = useApiQuery('compliance.listHbvOffers', {});
  const staff = useApiQuery('staff.list', { includeInactive: false });
  const highlighted = useHighlightedId('staff');
  return (
    <>
      <CompliancePageHeader
        title="Hepatitis B vaccination offers"
        description="Offered within 10 working days of assignment, accepted or declined, signed declination on file (1910.1030(f)(2))."
        actions={
          <>
            <Button onClick={() => setDialog({ kind: 'record' })}>Record offer</Button>
            <PrintButton what="the vaccination offers" />
          </>
        }
      />
      <Alert color="gray" variant="light" title="Summary only">
        Vaccination status is confidential and visible to managers only. Keep medical details (doses, titers) with the occupational health provider, not here.
      </Alert>
      {offers.isPending || staff.isPending ? (
        <PageLoader label="Loading vaccination offers" />
      ) : offers.isError ? (
        <ErrorAlert error={offers.error} />
      ) : staff.isError ? (
        <ErrorAlert error={staff.error} />
      ) : (
        <Stack gap="lg">
          <WithoutOffer staff={staff.data} offers={offers.data} highlighted={highlighted} onRecord={(staffId) => setDialog({ kind: 'record', staffId })} />
          <Stack gap="xs" component="section" aria-labelledby="hbv-offers">
            <Title order={2} size="h3" id="hbv-offers">
              Offers on file
            </Title>
            {offers.data.length === 0 ? (
              <Text>No offers recorded yet.</Text>
            ) : (
              <Table.ScrollContainer minWidth={1000}>
                <Table striped aria-label="Vaccination offers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Staff member</Table.Th>
                      <Table.Th scope="col">Assigned</Table.Th>
                      <Table.Th scope="col">Offered</Table.Th>
                      <Table.Th scope="col">Answer</Table.Th>
                      <Table.Th scope="col">Flags</Table.Th>
                      <Table.Th scope="col">Note</Table.Th>
                      <Table.Th scope="col" data-print="hide">
                        Actions
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {offers.data.map((o) => (
                      <Table.Tr key={o.id} {...highlightProps(o.staffId === highlighted)}>
                        <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                          {o.staffName}
                        </Table.Th>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.assignedOn}</Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {o.offeredOn}
                          </Text>
                          <Text size="xs">{o.isOfferedInTime ? `in time (by ${o.offerDeadlineOn})` : `late (due by ${o.offerDeadlineOn})`}</Text>
                        </Table.Td>
                        <Table.Td>
                          {hbvResponseLabels[o.response]}
                          {o.response === 'declined' && <Text size="xs">{o.isDeclinationSigned ? 'Signed declination on file' : 'No signed declination'}</Text>}
                        </Table.Td>
                        <Table.Td>{o.flags.length === 0 ? 'None' : o.flags.map((f) => <ToneBadge key={f} tone="warning">{f}</ToneBadge>)}</Table.Td>
                        <Table.Td>{o.note}</Table.Td>
                        <Table.Td data-print="hide">
                          <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'amend', offer: o })} aria-label={`Update the offer for ${o.staffName}`}>
                            Update
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {offers.data[0] && <Text size="sm">Retention: {offers.data[0].retention}.</Text>}
          </Stack>
        </Stack>
      )}
      {dialog?.kind === 'record' && <HbvModal offer={null} staffId={dialog.staffId} staff={staff.data ?? []} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'amend' && <HbvModal offer={dialog.offer} staff={staff.data ?? []} onClose={() => setDialog(null)} />}
    </>
  );
}

function WithoutOffer({ staff, offers, highlighted, onRecord }: { staff: StaffMember[]; offers: HbvOfferView[]; highlighted: number | undefined; onRecord: (staffId: number) => void }) {
  const offered = new Set(offers.map((o) => o.staffId));
  const missing = staff.filter((s) => !offered.has(s.id) && s.role !== 'auditor');
  if (missing.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="hbv-missing">
      <Title order={2} size="h3" id="hbv-missing">
        No offer on file ({missing.length})
      </Title>
      <Text size="sm">Therapists have occupational exposure and must be offered the vaccine; others only if their duties expose them.</Text>
      <Table striped aria-label="Staff without a vaccination offer">
        <Table.Tbody>
          {missing.map((s) => (
            <Table.Tr key={s.id} {...highlightProps(s.id === highlighted)}>
              <Table.Th scope="row" fw={500}>
                {s.name}
              </Table.Th>
              <Table.Td>{s.jobTitle || roleLabel(s.role)}</Table.Td>
              <Table.Td data-print="hide">
                <Button size="compact-sm" variant="light" onClick={() => onRecord(s.id)} aria-label={`Record the offer for ${s.name}`}>
                  Record offer
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function HbvModal({ offer, staffId, staff, onClose }: { offer: HbvOfferView | null; staffId?: number | undefined; staff: StaffMember[]; onClose: () => void }) {
  const { today } = useClinicSession();
  const record = useApiMutation('compliance.recordHbvOffer');
  const amend = useApiMutation('compliance.amendHbvOffer');
  const form = useComplianceForm(offer ? hbvToFormValues(offer) : newHbvValues(today, staffId));
  const submit = () => (offer ? form.send(toAmendHbvInput(offer.id, form.values), amend, onClose) : form.send(toRecordHbvInput(form.values), record, onClose));
  return (
    <FormModal
      title={offer ? `Update the vaccination offer: ${offer.staffName}` : 'Record a hepatitis B vaccination offer'}
      onClose={onClose}
      {...form.modalProps(submit, record.isPending || amend.isPending)}
      submitLabel={offer ? 'Save update' : 'Record offer'}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Staff member"
          required
          data-autofocus
          data={[{ value: '', label: 'Choose the staff member' }, ...staff.map((s) => ({ value: String(s.id), label: s.name }))]}
          {...form.textProps('staffId')}
        />
        <NativeSelect label="Answer" data={hbvResponses.map((r) => ({ value: r, label: hbvResponseLabels[r] }))} {...form.textProps('response')} />
        <TextInput type="date" label="Assigned to tasks with exposure on" required {...form.textProps('assignedOn')} />
        <TextInput type="date" label="Vaccine offered on" description="Within 10 working days of assignment" required {...form.textProps('offeredOn')} />
      </SimpleGrid>
      {form.values.response === 'declined' && <Checkbox label="Signed declination (Appendix A) on file" {...form.checkboxProps('isDeclinationSigned')} />}
      <Textarea label="Note" description="No medical details" autosize minRows={2} {...form.textProps('note')} />
      {offer && <Textarea label="Reason for the update" required autosize minRows={2} {...form.textProps('reason')} />}
    </FormModal>
  );
}
