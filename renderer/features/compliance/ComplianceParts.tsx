// Small pieces every compliance page shares: a form dialog, a void dialog, facts as a description list, a list of
// checkboxes for multi-selects, the print button and badges made from a label style.
import { Badge, Button, Card, Checkbox, Fieldset, Modal, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useId, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import type { StatusTone } from '../../components/StatusBadge';
import { useFormState } from '../../components/useFormState';
import type { FieldErrors } from '../../lib/form-errors';
import { idsFromText, placeComplianceError, toVoidInput, unplacedErrors, type VoidMethod } from './compliance-forms';
import type { BadgeStyle } from './compliance-labels';
import '../../components/print.css';

/** useFormState, plus a submit error placed beside list and nested fields too. */
export function useComplianceForm<Values extends Record<string, string>>(initial: Values) {
  const form = useFormState(initial);
  const showError = (error: unknown) => {
    const shown = placeComplianceError(error, Object.keys(form.values));
    if (Object.keys(shown.fieldErrors).length > 0) form.showFieldErrors(shown.fieldErrors);
    else form.showSubmitError(error);
  };
  /** Props for a checkbox kept as 'true' / 'false' text. */
  const checkboxProps = (name: keyof Values & string) => ({
    name,
    checked: form.values[name] === 'true',
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const checked = event.currentTarget.checked;
      form.setValues((current) => ({ ...current, [name]: String(checked) }));
    },
    error: form.fieldErrors[name],
  });
  const setValue = (name: keyof Values & string, value: string) => form.setValues((current) => ({ ...current, [name]: value }));
  /** Sends values the API's schema accepted (`checked`, from a to…Input function); otherwise shows why beside each field. */
  const send = <Input, Output>(checked: CheckedInput<Input>, mutation: SavingMutation<Input, Output>, onSuccess: (output: Output) => void) => {
    if (!checked.ok) return form.showFieldErrors(checked.fieldErrors);
    mutation.mutate(checked.input, { onSuccess, onError: showError });
  };
  /** What a FormModal takes from this form. */
  const modalProps = (onSubmit: () => void, isSaving: boolean) => ({ onSubmit, isSaving, alert: form.alert, fieldErrors: form.fieldErrors, fields: Object.keys(form.values) });
  return { ...form, showError, checkboxProps, setValue, send, modalProps };
}

type CheckedInput<Input> = { ok: true; input: Input } | { ok: false; fieldErrors: FieldErrors };

/** The part of a useApiMutation result that saving a form uses. */
interface SavingMutation<Input, Output> {
  mutate(input: Input, options: { onSuccess: (output: Output) => void; onError: (error: unknown) => void }): void;
}

interface FormModalProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  alert: string | null;
  fieldErrors: FieldErrors;
  fields: readonly string[];
  isSaving: boolean;
  submitLabel: string;
  size?: string;
  children: ReactNode;
}

/** A dialog holding one form: messages the form cannot place go above it, Cancel and submit below. */
export function FormModal({ title, onClose, onSubmit, alert, fieldErrors, fields, isSaving, submitLabel, size = 'lg', children }: FormModalProps) {
  const unplaced = unplacedErrors(fieldErrors, fields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {alert && <ErrorAlert title="Not saved" error={alert} />}
          {unplaced.length > 0 && <ErrorAlert title="Not saved" error={unplaced.join(' ')} />}
          {children}
          <FormButtons isSaving={isSaving} submitLabel={submitLabel} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A row's Void button: it opens the dialog that asks for the reason the audit log keeps. */
export function VoidRowButton(props: { onClick: () => void; 'aria-label': string; 'data-print'?: string }) {
  return (
    <Button size="compact-sm" variant="subtle" color="red" {...props}>
      Void
    </Button>
  );
}

/** The header of a table's column of row actions, which only some roles see; not printed. */
export function ActionColumnHeader() {
  return (
    <Table.Th scope="col" data-print="hide">
      Action
    </Table.Th>
  );
}

/** Voids a record with the reason the audit log keeps; the record stays visible, marked void. */
export function VoidRecordModal({ method, id, what, onClose }: { method: VoidMethod; id: number; what: string; onClose: () => void }) {
  const mutation = useApiMutation<VoidMethod>(method);
  const form = useComplianceForm({ reason: '' });
  const submit = () => form.send(toVoidInput(method, id, form.values), mutation, onClose);
  return (
    <FormModal
      title={`Void ${what}`}
      onClose={onClose}
      onSubmit={submit}
      alert={form.alert}
      fieldErrors={form.fieldErrors}
      fields={['reason']}
      isSaving={mutation.isPending}
      submitLabel="Void"
    >
      <Text size="sm">The record stays in the log, marked void with your reason; nothing is deleted.</Text>
      <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.textProps('reason')} />
    </FormModal>
  );
}

/** Facts about one record as a description list. */
export function FactsGrid({ label, facts, cols = 4 }: { label: string; facts: Array<[string, ReactNode]>; cols?: number }) {
  return (
    <Card withBorder>
      <SimpleGrid component="dl" cols={{ base: 2, md: cols }} spacing="md" m={0} aria-label={label}>
        {facts.map(([term, value]) => (
          <div key={term}>
            <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
              {term}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** A multi-select as a fieldset of checkboxes; the value is kept as comma-separated ids. */
export function CheckboxList({
  legend,
  description,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  description?: string;
  options: Array<{ value: number; label: string }>;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const errorId = useId();
  const descriptionId = useId();
  const selected = new Set(idsFromText(value));
  const toggle = (id: number, checked: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === id ? checked : selected.has(v)));
    onChange(next.join(','));
  };
  return (
    <Fieldset legend={legend} aria-describedby={[description ? descriptionId : '', error ? errorId : ''].join(' ').trim() || undefined} aria-invalid={error ? true : undefined}>
      {description && (
        <Text size="xs" c="dimmed" id={descriptionId} mb="xs">
          {description}
        </Text>
      )}
      {options.length === 0 && <Text size="sm">None to choose from.</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {options.map((option) => (
          <Checkbox key={option.value} label={option.label} checked={selected.has(option.value)} onChange={(e) => toggle(option.value, e.currentTarget.checked)} />
        ))}
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" mt="xs" id={errorId}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}

const toneLook: Record<StatusTone, readonly [color: string, symbol: string]> = {
  good: ['teal', '✓'],
  bad: ['red', '✗'],
  warning: ['yellow', '!'],
  neutral: ['gray', '–'],
};

/**
 * A status or flag: like the shared StatusBadge (colour, a symbol and words, so it reads without colour), but its
 * words wrap in a narrow table cell instead of being cut off.
 */
export function ToneBadge({ tone, children, title }: { tone: StatusTone; children: string; title?: string | undefined }) {
  const [color, symbol] = toneLook[tone];
  return (
    <Badge
      color={color}
      variant="light"
      title={title}
      leftSection={<span aria-hidden="true">{symbol}</span>}
      styles={{ root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
    >
      {children}
    </Badge>
  );
}

export function StyleBadge({ style, title }: { style: BadgeStyle; title?: string | undefined }) {
  return (
    <ToneBadge tone={style.tone} title={title}>
      {style.label}
    </ToneBadge>
  );
}

export { PrintButton } from '../../components/PrintButton';

/** A line on paper saying what a printed list covers, since the filters above it are not printed. */
export function PrintOnlyNote({ children }: { children: ReactNode }) {
  return (
    <Text className="print-only" size="sm">
      {children}
    </Text>
  );
}
