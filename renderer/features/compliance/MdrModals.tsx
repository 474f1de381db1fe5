// MDR dialogs: open an evaluation for a needle defect (linked to its lot) or for a session's adverse event,
// decide reportability with reasoning, record the report, and record the annual Form FDA 3419.
import { Radio, Group, NativeSelect, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { needleDefects, type MdrAnnualReportStatus, type MdrEvaluationView } from '../../../db/compliance/mdr-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { describeMdrSubject, needleDefectLabels } from './compliance-labels';
import { FormModal, useComplianceForm } from './ComplianceParts';
import { newDefectValues, toAnnualReportInput, toDecideInput, toDefectInput, toReportInput, toSessionMdrInput } from './records-forms';

export function DefectModal({ onClose }: { onClose: () => void }) {
  const { today } = useClinicSession();
  const open = useApiMutation('compliance.openMdrForDefect');
  const lots = useApiQuery('inventory.listLots', { includeEmpty: true });
  const form = useComplianceForm(newDefectValues(today));
  const needleLots = (lots.data ?? []).filter((l) => l.itemKind === 'needle');
  const submit = () => form.send(toDefectInput(form.values), open, onClose);
  return (
    <FormModal
      title="Open an MDR evaluation for a needle defect"
      onClose={onClose}
      {...form.modalProps(submit, open.isPending)}
      submitLabel="Open evaluation"
    >
      <Text size="sm">A broken needle or a non-sterile pack is evaluated for reportability within 10 work days of becoming aware of it.</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Lot"
          required
          data-autofocus
          data={[{ value: '', label: 'Choose the lot' }, ...needleLots.map((l) => ({ value: String(l.id), label: `${l.lotNumber || `#${l.id}`} · ${l.itemName}` }))]}
          {...form.textProps('lotId')}
        />
        <NativeSelect label="Defect" required data={[{ value: '', label: 'Choose the defect' }, ...needleDefects.map((d) => ({ value: d, label: needleDefectLabels[d] }))]} {...form.textProps('defect')} />
        <TextInput type="date" label="Happened on" required {...form.textProps('eventOn')} />
        <TextInput type="date" label="Clinic became aware on" description="The 10 work days count from here" required {...form.textProps('awareOn')} />
        <TextInput label="Session number (optional)" inputMode="numeric" {...form.textProps('sessionId')} />
      </SimpleGrid>
      <Textarea label="What happened" required autosize minRows={2} {...form.textProps('summary')} />
    </FormModal>
  );
}

export function SessionMdrModal({ session, onClose }: { session: { sessionId: number; sessionDate: string; adverseEvent: string }; onClose: () => void }) {
  const { today } = useClinicSession();
  const open = useApiMutation('compliance.openMdrForSession');
  const form = useComplianceForm({ awareOn: today, summary: '' });
  const submit = () => form.send(toSessionMdrInput(session.sessionId, form.values), open, onClose);
  return (
    <FormModal
      title={`Open an MDR evaluation: session #${session.sessionId}`}
      onClose={onClose}
      {...form.modalProps(submit, open.isPending)}
      submitLabel="Open evaluation"
    >
      <Text size="sm">
        {session.adverseEvent.replaceAll('_', ' ')} recorded on {session.sessionDate}.
      </Text>
      <TextInput type="date" label="Clinic became aware on" required data-autofocus {...form.textProps('awareOn')} />
      <Textarea label="Summary (optional)" autosize minRows={2} {...form.textProps('summary')} />
    </FormModal>
  );
}

export function DecideModal({ evaluation, onClose }: { evaluation: MdrEvaluationView; onClose: () => void }) {
  const { today } = useClinicSession();
  const decide = useApiMutation('compliance.decideMdr');
  const isChange = evaluation.status === 'decided';
  const form = useComplianceForm({
    reportable: isChange ? evaluation.reportable : '',
    reasoning: evaluation.reasoning,
    decidedOn: today,
    reason: '',
  });
  const submit = () => form.send(toDecideInput(evaluation.id, form.values), decide, onClose);
  return (
    <FormModal
      title={`Decide: ${describeMdrSubject(evaluation)}`}
      onClose={onClose}
      {...form.modalProps(submit, decide.isPending)}
      submitLabel="Save decision"
    >
      <Text size="sm">
        {evaluation.summary} Aware on {evaluation.awareOn}; the 10 work days end {evaluation.deadlineOn}.
      </Text>
      <Radio.Group label="Reportable to the manufacturer or FDA?" required value={form.values.reportable} onChange={(v) => form.setValue('reportable', v)} error={form.fieldErrors.reportable}>
        <Group mt={4}>
          <Radio value="yes" label="Yes, reportable" />
          <Radio value="no" label="No, not reportable" />
        </Group>
      </Radio.Group>
      <Textarea label="Reasoning" description="Kept in the MDR file (803.18)" required autosize minRows={3} {...form.textProps('reasoning')} />
      <TextInput type="date" label="Decided on" required {...form.textProps('decidedOn')} />
      {isChange && <Textarea label="Why the decision changes" required autosize minRows={2} {...form.textProps('reason')} />}
    </FormModal>
  );
}

export function ReportModal({ evaluation, onClose }: { evaluation: MdrEvaluationView; onClose: () => void }) {
  const { today } = useClinicSession();
  const report = useApiMutation('compliance.recordMdrReport');
  const form = useComplianceForm({ reportedOn: today, reportedTo: '', reference: '' });
  const submit = () => form.send(toReportInput(evaluation.id, form.values), report, onClose);
  return (
    <FormModal
      title={`Record the report: ${describeMdrSubject(evaluation)}`}
      onClose={onClose}
      {...form.modalProps(submit, report.isPending)}
      submitLabel="Record report"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Reported to" description="The manufacturer, or FDA for a death or an unknown manufacturer" required data-autofocus {...form.textProps('reportedTo')} />
        <TextInput label="Report reference" required {...form.textProps('reference')} />
        <TextInput type="date" label="Reported on" required {...form.textProps('reportedOn')} />
      </SimpleGrid>
    </FormModal>
  );
}

export function AnnualReportModal({ report, onClose }: { report: MdrAnnualReportStatus; onClose: () => void }) {
  const { today } = useClinicSession();
  const record = useApiMutation('compliance.recordMdrAnnualReport');
  const form = useComplianceForm({ submittedOn: today, reference: '' });
  const submit = () => form.send(toAnnualReportInput(report.year, form.values), record, onClose);
  return (
    <FormModal
      title={`Form FDA 3419 for ${report.year}`}
      onClose={onClose}
      {...form.modalProps(submit, record.isPending)}
      submitLabel="Record annual report"
    >
      <Text size="sm">
        {report.reportableCount} reportable event{report.reportableCount === 1 ? '' : 's'} in {report.year}; due {report.dueOn}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label="Submitted on" required data-autofocus {...form.textProps('submittedOn')} />
        <TextInput label="Reference" required {...form.textProps('reference')} />
      </SimpleGrid>
    </FormModal>
  );
}
