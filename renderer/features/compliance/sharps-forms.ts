// The sharps forms as text (register, fill check, seal, pickup, certificate) and how each becomes its API input,
// checked with the contract's schema so the form says what the API would.
import type { MethodInput } from '../../../db/api/contract';
import type { ContainerView, FillLevel, WeightUnit } from '../../../db/compliance/sharps-contract';
import { checkMethodInput, FormReader, idsToText, type InputCheck } from './compliance-forms';

export type ContainerFormValues = {
  label: string;
  size: string;
  make: string;
  room: string;
  capacityNeedles: string;
  placedInServiceOn: string;
  note: string;
};

export function newContainerValues(today: string): ContainerFormValues {
  return { label: '', size: '', make: '', room: '', capacityNeedles: '', placedInServiceOn: today, note: '' };
}

export function toRegisterContainerInput(values: ContainerFormValues): InputCheck<MethodInput<'compliance.registerContainer'>> {
  const read = new FormReader(values);
  const input = {
    label: values.label,
    size: values.size,
    make: values.make,
    room: values.room,
    capacityNeedles: read.number('capacityNeedles'),
    placedInServiceOn: values.placedInServiceOn,
    note: values.note,
  };
  return checkMethodInput('compliance.registerContainer', input, Object.keys(values), read.errors);
}

export type FillCheckFormValues = { checkedOn: string; level: string; isUprightAndClosed: string; note: string };

export function newFillCheckValues(today: string): FillCheckFormValues {
  return { checkedOn: today, level: '', isUprightAndClosed: 'true', note: '' };
}

export function toFillCheckInput(containerId: number, values: FillCheckFormValues): InputCheck<MethodInput<'compliance.recordFillCheck'>> {
  const read = new FormReader(values);
  const input = {
    containerId,
    checkedOn: values.checkedOn,
    level: read.choice<FillLevel>('level', 'the fill level'),
    isUprightAndClosed: read.flag('isUprightAndClosed'),
    note: values.note,
  };
  return checkMethodInput('compliance.recordFillCheck', input, Object.keys(values), read.errors);
}

export type SealFormValues = { sealedOn: string; level: string; note: string };

/** Sealing usually follows a check at the fill line, so the level starts at the last check's. */
export function newSealValues(today: string, container: Pick<ContainerView, 'lastCheck'>): SealFormValues {
  return { sealedOn: today, level: container.lastCheck?.level ?? '', note: '' };
}

export function toSealInput(containerId: number, values: SealFormValues): InputCheck<MethodInput<'compliance.sealContainer'>> {
  const read = new FormReader(values);
  const input = { containerId, sealedOn: values.sealedOn, level: read.choice<FillLevel>('level', 'the level at removal'), note: values.note };
  return checkMethodInput('compliance.sealContainer', input, Object.keys(values), read.errors);
}

export type PickupFormValues = {
  pickedUpOn: string;
  hauler: string;
  manifestNumber: string;
  containerIds: string;
  weight: string;
  weightUnit: string;
  note: string;
};

export function newPickupValues(today: string, preselected: readonly number[] = []): PickupFormValues {
  return { pickedUpOn: today, hauler: '', manifestNumber: '', containerIds: idsToText(preselected), weight: '', weightUnit: 'lb', note: '' };
}

export function toPickupInput(values: PickupFormValues): InputCheck<MethodInput<'compliance.recordPickup'>> {
  const read = new FormReader(values);
  const weight = read.optionalNumber('weight');
  const input = {
    pickedUpOn: values.pickedUpOn,
    hauler: values.hauler,
    manifestNumber: values.manifestNumber,
    containerIds: read.ids('containerIds'),
    weight,
    // The unit only means something with a weight.
    weightUnit: weight === null ? null : read.optionalChoice<WeightUnit>('weightUnit'),
    note: values.note,
  };
  return checkMethodInput('compliance.recordPickup', input, Object.keys(values), read.errors);
}

export type CertificateFormValues = { certificateReference: string; receivedOn: string };

export function toCertificateInput(pickupId: number, values: CertificateFormValues): InputCheck<MethodInput<'compliance.recordCertificate'>> {
  return checkMethodInput('compliance.recordCertificate', { pickupId, ...values }, Object.keys(values));
}
