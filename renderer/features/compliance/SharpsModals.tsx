// The sharps dialogs: register a container, record a fill check, seal and remove, record a pickup with its
// manifest, and record the certificate of destruction. Each checks with the API's schema before sending.
import { Alert, Checkbox, NativeSelect, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { fillLevelLabels, fillLevels, sealNowLevels, weightUnits, type ContainerView, type FillLevel, type PickupView } from '../../../db/compliance/sharps-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { CheckboxList, FormModal, useComplianceForm } from './ComplianceParts';
import {
  newContainerValues,
  newFillCheckValues,
  newPickupValues,
  newSealValues,
  toCertificateInput,
  toFillCheckInput,
  toPickupInput,
  toRegisterContainerInput,
  toSealInput,
} from './sharps-forms';

const levelOptions = (placeholder: string) => [{ value: '', label: placeholder }, ...fillLevels.map((level) => ({ value: level, label: fillLevelLabels[level] }))];

export function RegisterContainerModal({ onClose, onRegistered }: { onClose: () => void; onRegistered: (container: ContainerView) => void }) {
  const { today } = useClinicSession();
  const register = useApiMutation('compliance.registerContainer');
  const form = useComplianceForm(newContainerValues(today));
  const submit = () => form.send(toRegisterContainerInput(form.values), register, onRegistered);
  return (
    <FormModal
      title="Register a sharps container"
      onClose={onClose}
      {...form.modalProps(submit, register.isPending)}
      submitLabel="Register container"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Label" description="Written on the container, e.g. R1-004" required data-autofocus {...form.textProps('label')} />
        <TextInput label="Room" description="The treatment room it serves" required {...form.textProps('room')} />
        <TextInput label="Size" placeholder="2 gal" required {...form.textProps('size')} />
        <TextInput label="Make" placeholder="BD Home Sharps" {...form.textProps('make')} />
        <TextInput
          label="Capacity to the fill line (needles)"
          description="Used to predict when it reaches its fill line"
          inputMode="numeric"
          required
          {...form.textProps('capacityNeedles')}
        />
        <TextInput type="date" label="Placed in service on" required {...form.textProps('placedInServiceOn')} />
      </SimpleGrid>
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </FormModal>
  );
}

export function FillCheckModal({ container, onClose }: { container: ContainerView; onClose: () => void }) {
  const { today } = useClinicSession();
  const record = useApiMutation('compliance.recordFillCheck');
  const form = useComplianceForm(newFillCheckValues(today));
  const isAtFillLine = sealNowLevels.includes(form.values.level as FillLevel);
  const submit = () => form.send(toFillCheckInput(container.id, form.values), record, onClose);
  return (
    <FormModal
      title={`Fill check: ${container.label} (${container.room})`}
      onClose={onClose}
      {...form.modalProps(submit, record.isPending)}
      submitLabel="Record fill check"
    >
      <Text size="sm">You are recorded as the person who checked it.</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label="Fill level" required data={levelOptions('Choose the level')} data-autofocus {...form.textProps('level')} />
        <TextInput type="date" label="Checked on" required {...form.textProps('checkedOn')} />
      </SimpleGrid>
      <Checkbox label="Upright and closed" description="Kept upright, lid closed between uses, not overfilled" {...form.checkboxProps('isUprightAndClosed')} />
      {isAtFillLine && (
        <Alert color="red" variant="light" title="✗ At the fill line">
          A container at its fill line must be sealed and replaced; it stays flagged until it is sealed.
        </Alert>
      )}
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </FormModal>
  );
}

export function SealModal({ container, onClose }: { container: ContainerView; onClose: () => void }) {
  const { today } = useClinicSession();
  const seal = useApiMutation('compliance.sealContainer');
  const form = useComplianceForm(newSealValues(today, container));
  const submit = () => form.send(toSealInput(container.id, form.values), seal, onClose);
  return (
    <FormModal
      title={`Seal and remove: ${container.label} (${container.room})`}
      onClose={onClose}
      {...form.modalProps(submit, seal.isPending)}
      submitLabel="Seal container"
    >
      <Text size="sm">A sealed container takes no more needles; it waits for the waste hauler. Place a new container in the room.</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label="Level at removal" required data={levelOptions('Choose the level')} data-autofocus {...form.textProps('level')} />
        <TextInput type="date" label="Sealed on" required {...form.textProps('sealedOn')} />
      </SimpleGrid>
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </FormModal>
  );
}

export function PickupModal({ preselected = [], onClose }: { preselected?: readonly number[]; onClose: () => void }) {
  const { today } = useClinicSession();
  const containers = useApiQuery('compliance.listContainers', { includeClosed: false });
  const recordPickup = useApiMutation('compliance.recordPickup');
  const form = useComplianceForm(newPickupValues(today, preselected));
  const sealed = (containers.data?.containers ?? []).filter((c) => c.status === 'sealed');
  const submit = () => form.send(toPickupInput(form.values), recordPickup, onClose);
  return (
    <FormModal
      title="Record a waste pickup"
      onClose={onClose}
      {...form.modalProps(submit, recordPickup.isPending)}
      submitLabel="Record pickup"
    >
      <CheckboxList
        legend="Sealed containers in this pickup"
        description="Only sealed containers can be picked up."
        options={sealed.map((c) => ({ value: c.id, label: `${c.label} (${c.room}), sealed ${c.sealedOn ?? ''}` }))}
        value={form.values.containerIds}
        onChange={(value) => form.setValue('containerIds', value)}
        error={form.fieldErrors.containerIds}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Hauler" description="The registered medical waste transporter" required data-autofocus {...form.textProps('hauler')} />
        <TextInput label="Manifest or tracking number" required {...form.textProps('manifestNumber')} />
        <TextInput type="date" label="Picked up on" required {...form.textProps('pickedUpOn')} />
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label="Weight (if known)" inputMode="decimal" {...form.textProps('weight')} />
          <NativeSelect label="Unit" data={weightUnits.map((u) => ({ value: u, label: u }))} {...form.textProps('weightUnit')} />
        </SimpleGrid>
      </SimpleGrid>
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </FormModal>
  );
}

export function CertificateModal({ pickup, onClose }: { pickup: PickupView; onClose: () => void }) {
  const { today } = useClinicSession();
  const record = useApiMutation('compliance.recordCertificate');
  const form = useComplianceForm({ certificateReference: '', receivedOn: today });
  const submit = () => form.send(toCertificateInput(pickup.id, form.values), record, onClose);
  return (
    <FormModal
      title={`Certificate of destruction: manifest ${pickup.manifestNumber}`}
      onClose={onClose}
      {...form.modalProps(submit, record.isPending)}
      submitLabel="Record certificate"
    >
      <Text size="sm">
        Picked up by {pickup.hauler} on {pickup.pickedUpOn}. Record the certificate of destruction (or the returned manifest copy) the hauler sent back.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Certificate reference" required data-autofocus {...form.textProps('certificateReference')} />
        <TextInput type="date" label="Received on" required {...form.textProps('receivedOn')} />
      </SimpleGrid>
    </FormModal>
  );
}
