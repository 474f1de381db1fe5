// The actions on a lot, one dialog each: waste, count adjustment, quarantine, release, recall, return and destroy.
// Each form checks with the API's own schema; the API decides role and state and its refusal shows beside the field.
import { Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { contract } from '../../../db/api/contract';
import { wasteReasonLabels, wasteReasons, type LotView, type StockItem, type WasteReason } from '../../../db/inventory/inventory-contract';
import { ApiCallFailed } from '../../api/client';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema, type FieldErrors } from '../../lib/form-errors';
import { numberFromText } from './form-numbers';
import { formatSignedQuantity, formatUnits } from './inventory-labels';
import { lotActionLabels, type LotActionKind } from './lot-actions';
import { lotName } from './LotTable';

interface LotActionModalProps {
  kind: LotActionKind;
  lot: LotView;
  item: StockItem;
  onClose: () => void;
  /** After a recall, the page shows the trace. */
  onRecalled: () => void;
}

export function LotActionModal({ kind, lot, item, onClose, onRecalled }: LotActionModalProps) {
  const props = { lot, item, onDone: onClose };
  return (
    <Modal opened onClose={onClose} title={`${lotActionLabels[kind]}: lot ${lotName(lot)}`} size="lg">
      <Text size="sm" mb="sm">
        {lot.itemName} · {formatUnits(lot.onHand, lot.unit)} on hand
      </Text>
      {kind === 'use' && <UseForm {...props} />}
      {kind === 'waste' && <WasteForm {...props} />}
      {kind === 'adjust' && <AdjustForm {...props} />}
      {kind === 'quarantine' && <QuarantineForm {...props} />}
      {kind === 'release' && <ReleaseForm {...props} />}
      {kind === 'recall' && <RecallForm {...props} onDone={onRecalled} />}
      {kind === 'return' && <ReturnForm {...props} />}
      {kind === 'destroy' && <DestroyForm {...props} />}
    </Modal>
  );
}

interface FormProps {
  lot: LotView;
  item: StockItem;
  onDone: () => void;
}

/** Schema messages, with "must be a number" for a quantity that is not one (the schema would say "expected number"). */
function checkAction(schema: Parameters<typeof checkWithSchema>[0], input: unknown, numbers: Record<string, string>): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [field, text] of Object.entries(numbers)) if (numberFromText(text) === null) errors[field] = 'must be a number';
  const check = checkWithSchema(schema, input);
  if (!check.ok) for (const [field, message] of Object.entries(check.fieldErrors)) errors[field] ??= message;
  return Object.keys(errors).length > 0 ? errors : null;
}

function ActionForm({ onSubmit, alert, children, isSaving, submitLabel, onCancel }: {
  onSubmit: (event: FormEvent) => void;
  alert: string | null;
  children: ReactNode;
  isSaving: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {alert && <ErrorAlert title="Not saved" error={alert} />}
        {children}
        <FormButtons isSaving={isSaving} submitLabel={submitLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

const quantityOf = (text: string) => numberFromText(text) ?? Number.NaN;

function UseForm({ lot, onDone }: FormProps) {
  const { today } = useClinicSession();
  const use = useApiMutation('inventory.use');
  const form = useFormState({ quantity: '', occurredOn: today, note: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input = { lotId: lot.id, quantity: quantityOf(values.quantity), occurredOn: values.occurredOn, note: values.note };
    const errors = checkAction(contract['inventory.use'].input, input, { quantity: values.quantity });
    if (errors) return form.showFieldErrors(errors);
    use.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={use.isPending} submitLabel="Record use" onCancel={onDone}>
      <Text size="sm">For use outside a session record; needles used in a session are recorded with the session.</Text>
      <TextInput label={`Quantity (${lot.unit}s)`} inputMode="numeric" data-autofocus {...form.textProps('quantity')} />
      <TextInput type="date" label="Date" {...form.textProps('occurredOn')} />
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </ActionForm>
  );
}

function WasteForm({ lot, onDone }: FormProps) {
  const { today } = useClinicSession();
  const waste = useApiMutation('inventory.waste');
  const form = useFormState({ quantity: '', occurredOn: today, reason: lot.effectiveStatus === 'expired' ? 'expired' : lot.effectiveStatus === 'recalled' ? 'recalled' : 'opened_not_used', note: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input = { lotId: lot.id, quantity: quantityOf(values.quantity), occurredOn: values.occurredOn, reason: values.reason as WasteReason, note: values.note };
    const errors = checkAction(contract['inventory.waste'].input, input, { quantity: values.quantity });
    if (errors) return form.showFieldErrors(errors);
    waste.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={waste.isPending} submitLabel="Record waste" onCancel={onDone}>
      <TextInput label={`Quantity (${lot.unit}s)`} inputMode="numeric" data-autofocus {...form.textProps('quantity')} />
      <NativeSelect label="Reason" data={wasteReasons.map((r) => ({ value: r, label: wasteReasonLabels[r] }))} {...form.textProps('reason')} />
      <TextInput type="date" label="Date" {...form.textProps('occurredOn')} />
      <Textarea label={form.values.reason === 'other' ? 'What happened (required for "Other")' : 'Note'} autosize minRows={2} {...form.textProps('note')} />
    </ActionForm>
  );
}

function AdjustForm({ lot, item, onDone }: FormProps) {
  const { today } = useClinicSession();
  const commit = useApiMutation('inventory.commitCycleCount');
  const form = useFormState({ countedQuantity: '', occurredOn: today, note: '' });
  const counted = numberFromText(form.values.countedQuantity);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input = {
      category: item.category,
      countedOn: values.occurredOn,
      note: values.note,
      counts: [{ lotId: lot.id, countedQuantity: quantityOf(values.countedQuantity) }],
    };
    const errors = checkAction(contract['inventory.commitCycleCount'].input, input, { countedQuantity: values.countedQuantity });
    if (errors) return form.showFieldErrors(toAdjustFields(errors));
    commit.mutate(input, {
      onSuccess: onDone,
      onError: (error) =>
        form.showSubmitError(error instanceof ApiCallFailed && error.field ? new ApiCallFailed({ ...error.body, field: toAdjustField(error.field) }) : error),
    });
  };
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={commit.isPending} submitLabel="Adjust count" onCancel={onDone}>
      <TextInput
        label={`Counted quantity (${lot.unit}s)`}
        description={`The ledger expects ${lot.onHand.toLocaleString('en-US')}.`}
        inputMode="numeric"
        data-autofocus
        {...form.textProps('countedQuantity')}
      />
      <Text size="sm" aria-live="polite">
        Variance: {counted === null || !Number.isInteger(counted) ? '—' : formatSignedQuantity(counted - lot.onHand)}
      </Text>
      <TextInput type="date" label="Counted on" {...form.textProps('occurredOn')} />
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </ActionForm>
  );
}

function toAdjustField(field: string): string {
  if (field === 'countedOn') return 'occurredOn';
  if (field.startsWith('counts.0.')) return 'countedQuantity';
  return field;
}

function toAdjustFields(errors: FieldErrors): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) mapped[toAdjustField(field)] ??= message;
  return mapped;
}

function QuarantineForm({ lot, onDone }: FormProps) {
  const { today } = useClinicSession();
  const quarantine = useApiMutation('inventory.quarantine');
  const form = useFormState({ occurredOn: today, note: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { lotId: lot.id, occurredOn: form.values.occurredOn, note: form.values.note };
    const errors = checkAction(contract['inventory.quarantine'].input, input, {});
    if (errors) return form.showFieldErrors(errors);
    quarantine.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={quarantine.isPending} submitLabel="Quarantine" onCancel={onDone}>
      <Text size="sm">The lot is pulled from use until a manager releases it, returns it or destroys it.</Text>
      <TextInput type="date" label="Date" {...form.textProps('occurredOn')} />
      <Textarea label="Why" autosize minRows={2} data-autofocus {...form.textProps('note')} />
    </ActionForm>
  );
}

function ReleaseForm({ lot, onDone }: FormProps) {
  const { today } = useClinicSession();
  const release = useApiMutation('inventory.release');
  const form = useFormState({ occurredOn: today, note: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { lotId: lot.id, occurredOn: form.values.occurredOn, note: form.values.note };
    const errors = checkAction(contract['inventory.release'].input, input, {});
    if (errors) return form.showFieldErrors(errors);
    release.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={release.isPending} submitLabel="Release" onCancel={onDone}>
      <TextInput type="date" label="Date" {...form.textProps('occurredOn')} />
      <Textarea label="Reason for release (required)" description="What was inspected, and by whom" autosize minRows={2} data-autofocus {...form.textProps('note')} />
    </ActionForm>
  );
}

function RecallForm({ lot, onDone }: FormProps) {
  const { today } = useClinicSession();
  const recall = useApiMutation('inventory.recall');
  const form = useFormState({ occurredOn: today, noticeReference: '', note: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { lotId: lot.id, occurredOn: form.values.occurredOn, noticeReference: form.values.noticeReference, note: form.values.note };
    const errors = checkAction(contract['inventory.recall'].input, input, {});
    if (errors) return form.showFieldErrors(errors);
    recall.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={recall.isPending} submitLabel="Recall lot" onCancel={onDone}>
      <Text size="sm">
        The remaining stock of this lot is pulled from use for good, and the trace of every session that used it opens next.
      </Text>
      <TextInput label="Manufacturer's notice reference" data-autofocus {...form.textProps('noticeReference')} />
      <TextInput type="date" label="Date" {...form.textProps('occurredOn')} />
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </ActionForm>
  );
}

function ReturnForm({ lot, onDone }: FormProps) {
  const { today } = useClinicSession();
  const giveBack = useApiMutation('inventory.returnToSupplier');
  const form = useFormState({ quantity: String(lot.onHand), occurredOn: today, reference: lot.recallReference ?? '', note: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input = { lotId: lot.id, quantity: quantityOf(values.quantity), occurredOn: values.occurredOn, reference: values.reference, note: values.note };
    const errors = checkAction(contract['inventory.returnToSupplier'].input, input, { quantity: values.quantity });
    if (errors) return form.showFieldErrors(errors);
    giveBack.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={giveBack.isPending} submitLabel="Return to supplier" onCancel={onDone}>
      <TextInput label={`Quantity (${lot.unit}s)`} inputMode="numeric" data-autofocus {...form.textProps('quantity')} />
      <TextInput label="RMA or return reference" {...form.textProps('reference')} />
      <TextInput type="date" label="Date" {...form.textProps('occurredOn')} />
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </ActionForm>
  );
}

function DestroyForm({ lot, onDone }: FormProps) {
  const { today, acting } = useClinicSession();
  const destroy = useApiMutation('inventory.destroy');
  const staff = useApiQuery('staff.list', { includeInactive: false });
  const witnesses = (staff.data ?? []).filter((member) => member.id !== acting.staffId);
  const form = useFormState({ quantity: String(lot.onHand), occurredOn: today, method: '', witnessStaffId: '', note: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const input = {
      lotId: lot.id,
      quantity: quantityOf(values.quantity),
      occurredOn: values.occurredOn,
      method: values.method,
      witnessStaffId: values.witnessStaffId === '' ? 0 : Number(values.witnessStaffId),
      note: values.note,
    };
    const errors = checkAction(contract['inventory.destroy'].input, input, { quantity: values.quantity });
    if (errors && values.witnessStaffId === '') errors.witnessStaffId = 'choose who witnessed it';
    if (errors) return form.showFieldErrors(errors);
    destroy.mutate(input, { onSuccess: onDone, onError: form.showSubmitError });
  };
  const witnessOptions = [{ value: '', label: 'Choose a witness' }, ...witnesses.map((m) => ({ value: String(m.id), label: m.name }))];
  return (
    <ActionForm onSubmit={submit} alert={form.alert} isSaving={destroy.isPending} submitLabel="Destroy" onCancel={onDone}>
      <TextInput label={`Quantity (${lot.unit}s)`} inputMode="numeric" data-autofocus {...form.textProps('quantity')} />
      <TextInput label="Method" description="For example: sealed in a sharps container for incineration" {...form.textProps('method')} />
      <NativeSelect label="Witness" data={witnessOptions} {...form.textProps('witnessStaffId')} />
      {staff.isSuccess && witnesses.length === 0 && (
        <Text size="sm" c="red">
          Destroying stock needs a witness other than you; add another staff member first.
        </Text>
      )}
      <TextInput type="date" label="Date" {...form.textProps('occurredOn')} />
      <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
    </ActionForm>
  );
}
