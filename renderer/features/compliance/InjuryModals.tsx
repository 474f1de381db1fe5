// Recording and correcting a sharps injury log entry. The incident goes in the log; who was injured goes in a
// separate, clearly marked section and is stored apart from the log (1910.1030(h)(5), 1904.29(b)(6)).
import { Alert, Fieldset, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { deviceTypes, procedurePhases, type InjuryView } from '../../../db/compliance/injury-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { deviceTypeShort, procedurePhaseLabels } from './compliance-labels';
import { FormModal, useComplianceForm } from './ComplianceParts';
import { injuryToFormValues, newInjuryValues, toAmendInjuryInput, toRecordInjuryInput, type InjuryFormValues } from './injury-form';

export function RecordInjuryModal({ onClose }: { onClose: () => void }) {
  const { today } = useClinicSession();
  return <InjuryForm initial={newInjuryValues(today)} entry={null} onClose={onClose} />;
}

/** A correction needs the entry's identity, which only a manager may load: that read is audited, and the form says so. */
export function AmendInjuryModal({ entry, onClose }: { entry: InjuryView; onClose: () => void }) {
  const year = Number(entry.occurredOn.slice(0, 4));
  const identities = useApiQuery('compliance.listInjuries', { year, includeVoided: false, includeIdentity: true }, { enabled: entry.employee === undefined });
  const employee = entry.employee ?? identities.data?.entries.find((e) => e.id === entry.id)?.employee;
  if (entry.employee === undefined && (identities.isPending || identities.isError)) {
    return (
      <Modal opened onClose={onClose} title={`Correct log entry ${entry.caseNumber}`}>
        {identities.isError ? <ErrorAlert title="Could not load the entry for correction" error={identities.error} /> : <PageLoader label="Loading the entry" />}
      </Modal>
    );
  }
  return <InjuryForm initial={injuryToFormValues(entry, employee ? { staffId: employee.staffId, sourceSessionId: employee.sourceSessionId } : null)} entry={entry} onClose={onClose} />;
}

function InjuryForm({ initial, entry, onClose }: { initial: InjuryFormValues; entry: InjuryView | null; onClose: () => void }) {
  const record = useApiMutation('compliance.recordInjury');
  const amend = useApiMutation('compliance.amendInjury');
  const staff = useApiQuery('staff.list', { includeInactive: entry !== null });
  const lots = useApiQuery('inventory.listLots', { includeEmpty: true });
  const form = useComplianceForm(initial);
  const submit = () => (entry ? form.send(toAmendInjuryInput(entry.id, form.values), amend, onClose) : form.send(toRecordInjuryInput(form.values), record, onClose));
  const staffOptions = [{ value: '', label: 'Choose the injured employee' }, ...(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.jobTitle ? `${s.name} (${s.jobTitle})` : s.name }))];
  const lotOptions = [{ value: '', label: 'Not known or not from stock' }, ...(lots.data ?? []).map((l) => ({ value: String(l.id), label: `${l.lotNumber || `#${l.id}`} · ${l.itemName}` }))];
  const employeeProps = form.textProps('employeeStaffId');
  const chooseEmployee = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    const member = staff.data?.find((s) => String(s.id) === value);
    // The job classification belongs in the log (not the name): offer the employee's job title.
    form.setValues((current) => ({ ...current, employeeStaffId: value, jobClassification: current.jobClassification || member?.jobTitle || '' }));
  };
  return (
    <FormModal
      title={entry ? `Correct log entry ${entry.caseNumber}` : 'Record a sharps injury'}
      onClose={onClose}
      {...form.modalProps(submit, record.isPending || amend.isPending)}
      submitLabel={entry ? 'Save correction' : 'Record injury'}
      size="xl"
    >
      <Fieldset legend="The incident (goes in the log)">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label="Date" required data-autofocus {...form.textProps('occurredOn')} />
            <TextInput type="time" label="Time" required {...form.textProps('occurredTime')} />
            <TextInput label="Work area" description="Where it happened, e.g. Treatment room 1" required {...form.textProps('workArea')} />
            <NativeSelect label="Device type" required data={deviceTypes.map((d) => ({ value: d, label: deviceTypeShort[d] }))} {...form.textProps('deviceType')} />
            <TextInput label="Brand (if known)" description="Left blank, the lot's product is used" {...form.textProps('deviceBrand')} />
            <NativeSelect label="Lot" data={lotOptions} {...form.textProps('lotId')} />
            <NativeSelect
              label="Phase of the procedure"
              data={[{ value: '', label: 'Not given' }, ...procedurePhases.map((p) => ({ value: p, label: procedurePhaseLabels[p] }))]}
              {...form.textProps('procedurePhase')}
            />
            <TextInput label="Body part" {...form.textProps('bodyPart')} />
            <TextInput label="Job classification" description="A job title, never a name" {...form.textProps('jobClassification')} />
          </SimpleGrid>
          <Textarea label="How it happened" required autosize minRows={2} {...form.textProps('howItHappened')} />
          <Textarea label="Protocol followed" description="First aid, reporting, source testing, evaluation" autosize minRows={2} {...form.textProps('protocolFollowed')} />
          <Textarea
            label="Post-exposure follow-up dates"
            description="One per line: the date (YYYY-MM-DD), a space, then what was done"
            placeholder={'2026-07-02 Occupational health evaluation\n2026-08-13 6-week tests'}
            autosize
            minRows={2}
            {...form.textProps('followUps')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend="Injured employee (confidential: kept apart from the log)">
        <Text size="sm" mb="sm">
          The name is never shown in the log or its exports. Only a manager can choose to see it, and that is recorded in the audit log.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label="Injured employee" required data={staffOptions} {...employeeProps} onChange={chooseEmployee} />
          <TextInput label="Source patient's session number (optional)" description="For the source individual's follow-up" inputMode="numeric" {...form.textProps('sourceSessionId')} />
        </SimpleGrid>
      </Fieldset>
      {entry && (
        <>
          <Alert color="gray" variant="light" title="Correcting an entry">
            Loading the entry for correction included who was injured; that read is recorded in the audit log. The earlier version stays in the audit log.
          </Alert>
          <Textarea label="Reason for the correction" required autosize minRows={2} {...form.textProps('reason')} />
        </>
      )}
    </FormModal>
  );
}
