// Adds or corrects a per-state dry-needling rule profile (managers); the old values stay in the audit log.
import { Checkbox, Fieldset, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { StateProfile } from '../../../db/compliance/credentials-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { FormModal, useComplianceForm } from './ComplianceParts';
import { stateProfileToFormValues, toStateProfileInput } from './records-forms';

export function StateProfileModal({ profile, onClose }: { profile: StateProfile | null; onClose: () => void }) {
  const save = useApiMutation('compliance.saveStateProfile');
  const form = useComplianceForm(stateProfileToFormValues(profile));
  const submit = () => form.send(toStateProfileInput(form.values), save, onClose);
  const number = (name: Parameters<typeof form.textProps>[0], label: string) => <TextInput label={label} inputMode="decimal" description="Blank: no rule" {...form.textProps(name)} />;
  return (
    <FormModal
      title={profile ? `Edit the ${profile.stateName} profile` : 'Add a state profile'}
      onClose={onClose}
      {...form.modalProps(submit, save.isPending)}
      submitLabel="Save profile"
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="State code" maxLength={2} required readOnly={profile !== null} data-autofocus {...form.textProps('state')} />
        <TextInput label="State name" required {...form.textProps('stateName')} />
        <Checkbox label="Dry needling by PTs permitted" mt="lg" {...form.checkboxProps('isDnPermitted')} />
      </SimpleGrid>
      <Fieldset legend="Training and practice">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {number('minHoursTotal', 'Minimum hours in total')}
          {number('minHoursInPerson', 'Minimum hours in person')}
          {number('minHoursBeforeClinicalUse', 'Hours before clinical use')}
          {number('completionWindowYears', 'Years to complete training')}
          {number('minPracticeYears', 'Years of practice first')}
          {number('supervisedSessions', 'Supervised sessions')}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Consent, referral and reporting">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Checkbox label="Written consent required" {...form.checkboxProps('consentWrittenRequired')} />
          <Checkbox label="Copy of consent to the patient" {...form.checkboxProps('consentCopyToPatient')} />
          <Checkbox label="Consent must say it is not acupuncture" {...form.checkboxProps('consentMustStateNotAcupuncture')} />
          <Checkbox label="Referral required" {...form.checkboxProps('referralRequired')} />
          <TextInput label="Board filing" {...form.textProps('boardFiling')} />
          {number('adverseEventReportDays', 'Days to report an adverse event')}
          <TextInput label="Adverse events reported to" {...form.textProps('adverseEventReportTo')} />
        </SimpleGrid>
      </Fieldset>
      <Textarea label="Sources" autosize minRows={2} {...form.textProps('sources')} />
      <Textarea label="Notes" autosize minRows={2} {...form.textProps('notes')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Checkbox label="Checked against the primary text" {...form.checkboxProps('isVerified')} />
        <TextInput label="Verification note" {...form.textProps('verificationNote')} />
      </SimpleGrid>
      <TextInput label="Reason for the change" description="Kept in the audit log" {...form.textProps('reason')} />
    </FormModal>
  );
}
