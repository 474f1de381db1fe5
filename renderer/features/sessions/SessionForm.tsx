// The session entry form, fast by keyboard for the front desk: defaults for date, time, visit kit and FEFO lots,
// the chart's consent and estimate checked when the chart number is left, Ctrl+Enter to save. Also the amendment
// form (prefilled, with a required reason). Errors show beside their field, needle lines included.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Kbd,
  MultiSelect,
  NativeSelect,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { businessDate, changeReason } from '../../../db/api/common-schemas';
import type { MethodInput } from '../../../db/api/contract';
import { paymentMethodLabels, paymentMethods, type PaymentMethod } from '../../../db/revenue/revenue-contract';
import type { BodyRegion, SessionKind } from '../../../db/sessions/sessions-contract';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { placeSubmitError, type FieldErrors } from '../../lib/form-errors';
import { centsToInputText, formatCents } from '../revenue/money';
import { checkPayNow, type PayNowMode, type PayNowPlan, type PayNowValues } from '../revenue/revenue-forms';
import { ChartStatusPanel } from './ChartStatusPanel';
import {
  applyFormDefaults,
  checkSessionForm,
  fefoNeedleLot,
  needleCount,
  sessionFormFieldNames,
  type SessionFormValues,
  type StockLineValues,
} from './session-form';
import { adverseEventOptions, bodyRegionOptions, precautionLabels, precautions } from './session-labels';
import { StockLinesFieldset } from './StockLinesFieldset';

export interface SessionFormSubmit {
  input: MethodInput<'sessions.record'>;
  payPlan: PayNowPlan;
  amendReason: string;
}

interface SessionFormProps {
  mode: 'record' | 'amend';
  initialValues: SessionFormValues;
  /** Saves; rejects with the API's error, which the form shows beside its field. */
  onSubmit: (submit: SessionFormSubmit) => Promise<void>;
  isSaving: boolean;
  canRecordConsent: boolean;
  onCancel?: () => void;
}

const paymentMethodOptions = paymentMethods.map((m) => ({ value: m, label: paymentMethodLabels[m] }));

export function SessionForm({ mode, initialValues, onSubmit, isSaving, canRecordConsent, onCancel }: SessionFormProps) {
  const [values, setValues] = useState(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [checkedChart, setCheckedChart] = useState(mode === 'amend' ? initialValues.chartNumber : '');
  const [pay, setPay] = useState<PayNowValues & { isModeChosen: boolean }>({ mode: 'later', isModeChosen: false, method: 'card', amount: '', packageId: '' });
  const [amendReason, setAmendReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  const isDateValid = businessDate.safeParse(values.sessionDate).success;
  const defaults = useApiQuery('sessions.formDefaults', { kind: values.kind, date: values.sessionDate }, { enabled: isDateValid });
  const items = useApiQuery('inventory.listItems', { includeInactive: false });
  const chart = useApiQuery('sessions.chartStatus', { chartNumber: checkedChart }, { enabled: checkedChart !== '' });
  const day = useApiQuery('revenue.dayClose', { date: values.sessionDate }, { enabled: isDateValid && mode === 'record' });

  // The visit kit and FEFO needle lot fill in as soon as they are known, and again when the kind or date changes.
  useEffect(() => {
    if (defaults.data) setValues((v) => applyFormDefaults(v, defaults.data));
  }, [defaults.data]);

  const priceCents = defaults.data?.priceCents ?? 0;
  const openPackages = (chart.data?.packages ?? []).filter((p) => p.visitsLeft > 0);
  // The price is the default amount once it is known, until someone types another.
  const payAmount = pay.amount === '' && priceCents > 0 ? centsToInputText(priceCents) : pay.amount;
  // A chart with a prepaid package uses it unless the desk chooses otherwise.
  const payMode: PayNowMode = pay.isModeChosen ? pay.mode : openPackages.length > 0 ? 'package' : 'later';
  const payValues: PayNowValues = { mode: payMode, method: pay.method, amount: payAmount, packageId: pay.packageId || String(openPackages[0]?.id ?? '') };

  const needsConsentReason = (chart.data !== undefined && chart.data.consent === null) || fieldErrors.consentOverrideReason !== undefined || values.consentOverrideReason !== '';
  const needsAfterCloseReason = mode === 'record' && (Boolean(day.data?.closed) || fieldErrors.afterCloseReason !== undefined);
  const count = needleCount(values);
  const showMismatchReason = count.isMismatch || (values.countMismatchReason !== '' && values.needlesDisposed !== null);

  const set = <K extends keyof SessionFormValues>(name: K, value: SessionFormValues[K]) => setValues((v) => ({ ...v, [name]: value }));
  const setNeedles = useCallback((update: (lines: StockLineValues[]) => StockLineValues[]) => setValues((v) => ({ ...v, needles: update(v.needles) })), []);
  const setSupplies = useCallback(
    (update: (lines: StockLineValues[]) => StockLineValues[]) => setValues((v) => ({ ...v, supplies: update(v.supplies), areSuppliesEdited: true })),
    [],
  );

  const submit = async (event?: FormEvent) => {
    // React events bubble through portals: a dialog's own form (record consent) must not save the session.
    if (event && event.target !== formRef.current) return;
    event?.preventDefault();
    if (isSaving) return;
    const errors: FieldErrors = {};
    const check = checkSessionForm(values, { needsConsentReason: chart.data?.consent === null, needsAfterCloseReason: Boolean(day.data?.closed) && mode === 'record' });
    if (!check.ok) Object.assign(errors, check.fieldErrors);
    let payPlan: PayNowPlan = { kind: 'later' };
    if (mode === 'record' && values.kind === 'self_pay') {
      const payCheck = checkPayNow(payValues, priceCents);
      if (payCheck.ok) payPlan = payCheck.plan;
      else Object.assign(errors, payCheck.fieldErrors);
    }
    if (mode === 'amend') {
      const reason = changeReason.safeParse(amendReason);
      if (!reason.success) errors.reason = reason.error.issues[0]?.message ?? 'must say why';
    }
    if (!check.ok || Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      setAlert('Fix the fields marked in red.');
      focusFirstError(formRef.current);
      return;
    }
    setFieldErrors({});
    setAlert(null);
    try {
      await onSubmit({ input: check.input, payPlan, amendReason });
    } catch (error) {
      const shown = placeSubmitError(error, [...sessionFormFieldNames(values), 'reason', 'payment.amountCents', 'payment.method', 'packageId']);
      setFieldErrors(shown.fieldErrors);
      setAlert(shown.alert ?? 'See the field marked in red.');
      focusFirstError(formRef.current);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || !formRef.current?.contains(event.target as Node)) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void submit();
      return;
    }
    // Enter in a one-line field does not save half a form: only Ctrl+Enter or the button does.
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio') event.preventDefault();
  };

  const therapists = defaults.data?.therapists ?? [];
  const therapistOptions = [{ value: '', label: 'Choose…' }, ...therapists.map((t) => ({ value: String(t.id), label: t.name }))];
  if (values.therapistId && !therapists.some((t) => String(t.id) === values.therapistId) && defaults.data) {
    therapistOptions.push({ value: values.therapistId, label: `Staff #${values.therapistId} (not active)` });
  }
  const needleProducts = (items.data ?? []).filter((i) => i.kind === 'needle').map((i) => ({ id: i.id, name: i.name }));
  const supplyProducts = (items.data ?? []).filter((i) => i.kind !== 'needle').map((i) => ({ id: i.id, name: i.name }));
  const kitProblems = (defaults.data?.kit ?? []).filter((k) => k.problem !== null && !values.areSuppliesEdited);

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-label={mode === 'record' ? 'Record a session' : 'Amend the session'}>
      <Stack gap="md">
        {alert && <ErrorAlert title="Not saved" error={alert} />}
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput type="date" label="Date" required value={values.sessionDate} error={fieldErrors.sessionDate} onChange={(e) => set('sessionDate', e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput type="time" label="Start time" required value={values.startTime} error={fieldErrors.startTime} onChange={(e) => set('startTime', e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <NativeSelect
              label="Therapist"
              required
              data={therapistOptions}
              value={values.therapistId}
              error={fieldErrors.therapistId}
              onChange={(e) => set('therapistId', e.currentTarget.value)}
              autoFocus={mode === 'record' && values.therapistId === ''}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label="Chart number"
              required
              description="Not a name: the chart number only"
              value={values.chartNumber}
              error={fieldErrors.chartNumber}
              autoComplete="off"
              autoFocus={mode === 'record' && values.therapistId !== ''}
              onChange={(e) => set('chartNumber', e.currentTarget.value)}
              onBlur={() => setCheckedChart(values.chartNumber.trim())}
            />
          </Grid.Col>
        </Grid>

        {checkedChart !== '' && (
          <ChartStatusPanel
            chartNumber={checkedChart}
            status={{ isPending: chart.isPending, error: chart.error, data: chart.data }}
            kind={values.kind}
            sessionDate={values.sessionDate}
            priceCents={priceCents}
            canRecord={canRecordConsent}
          />
        )}

        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Radio.Group label="Kind" required value={values.kind} error={fieldErrors.kind} onChange={(v) => set('kind', v as SessionKind)}>
              <Group mt={6}>
                <Radio value="plan_of_care" label="Plan of care (no charge)" />
                <Radio value="self_pay" label={`Self-pay${values.kind === 'self_pay' && priceCents ? ` (${formatCents(priceCents)})` : ''}`} />
              </Group>
            </Radio.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <TextInput label="Room" value={values.room} error={fieldErrors.room} onChange={(e) => set('room', e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <MultiSelect
              label="Body regions treated"
              required
              data={bodyRegionOptions}
              value={values.bodyRegions}
              error={fieldErrors.bodyRegions}
              onChange={(v) => set('bodyRegions', v as BodyRegion[])}
              searchable
              selectFirstOptionOnChange
              hidePickedOptions
              nothingFoundMessage="No such region"
              placeholder={values.bodyRegions.length === 0 ? 'Type to find a region, Enter to add' : undefined}
            />
          </Grid.Col>
        </Grid>

        <StockLinesFieldset
          group="needles"
          lines={values.needles}
          products={needleProducts}
          errors={fieldErrors}
          fefoLotOf={(itemId) => fefoNeedleLot(defaults.data, itemId)}
          onChange={setNeedles}
          description="Each line starts from the lot that expires first (FEFO); change it if you opened another."
        />
        <StockLinesFieldset
          group="supplies"
          lines={values.supplies}
          products={supplyProducts}
          errors={fieldErrors}
          fefoLotOf={() => ''}
          onChange={setSupplies}
          description={mode === 'record' ? `From the ${values.kind === 'self_pay' ? 'self-pay' : 'plan-of-care'} visit kit; change what this visit used.` : undefined}
        />
        {kitProblems.length > 0 && (
          <Alert color="yellow" variant="light" title="! Visit kit stock">
            {kitProblems.map((k) => k.problem).join(' ')}
          </Alert>
        )}

        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Fieldset legend="Precautions" variant="filled">
              <Stack gap={6}>
                {precautions.map((p) => (
                  <Checkbox key={p} label={precautionLabels[p]} checked={values[p]} onChange={(e) => set(p, e.currentTarget.checked)} />
                ))}
              </Stack>
            </Fieldset>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="xs">
              <Group align="flex-end" gap="xs">
                <TextInput
                  label="Needles into the sharps container"
                  description={`Needles opened: ${count.opened}`}
                  inputMode="numeric"
                  value={values.needlesDisposed ?? (count.opened > 0 ? String(count.opened) : '')}
                  error={fieldErrors.needlesDisposed}
                  onChange={(e) => set('needlesDisposed', e.currentTarget.value)}
                  w={260}
                />
                {values.needlesDisposed !== null && (
                  <Button variant="subtle" size="compact-sm" mb={4} onClick={() => setValues((v) => ({ ...v, needlesDisposed: null, countMismatchReason: '' }))}>
                    Same as opened
                  </Button>
                )}
              </Group>
              {count.isMismatch && (
                <Text size="sm" c="orange.8" role="status">
                  ! Count mismatch: {count.opened} opened, {count.disposed} into the sharps container.
                </Text>
              )}
              {showMismatchReason && (
                <Textarea
                  label="Why the needle count does not match"
                  required
                  autosize
                  minRows={2}
                  value={values.countMismatchReason}
                  error={fieldErrors.countMismatchReason}
                  onChange={(e) => set('countMismatchReason', e.currentTarget.value)}
                />
              )}
            </Stack>
          </Grid.Col>
        </Grid>

        <Grid gap="sm">
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput label="Pain before (0–10)" required inputMode="numeric" value={values.painBefore} error={fieldErrors.painBefore} onChange={(e) => set('painBefore', e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput label="Pain after (0–10)" required inputMode="numeric" value={values.painAfter} error={fieldErrors.painAfter} onChange={(e) => set('painAfter', e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <NativeSelect
              label="Adverse event"
              data={adverseEventOptions}
              value={values.adverseEvent}
              error={fieldErrors.adverseEvent}
              onChange={(e) => set('adverseEvent', e.currentTarget.value as SessionFormValues['adverseEvent'])}
            />
          </Grid.Col>
          {values.adverseEvent !== 'none' && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Textarea
                label="Adverse event and follow-up"
                required
                autosize
                minRows={2}
                value={values.adverseEventNote}
                error={fieldErrors.adverseEventNote}
                onChange={(e) => set('adverseEventNote', e.currentTarget.value)}
              />
            </Grid.Col>
          )}
        </Grid>

        <Textarea label="Notes" autosize minRows={2} value={values.notes} error={fieldErrors.notes} onChange={(e) => set('notes', e.currentTarget.value)} />

        {needsConsentReason && (
          <Textarea
            label="Reason to proceed without consent on file"
            required
            description="No signed dry-needling consent is on file for this chart on the session date. Record it above, or say why you proceed."
            autosize
            minRows={2}
            value={values.consentOverrideReason}
            error={fieldErrors.consentOverrideReason}
            onChange={(e) => set('consentOverrideReason', e.currentTarget.value)}
          />
        )}
        {needsAfterCloseReason && (
          <Textarea
            label="Reason for entering after the day was closed"
            required
            description={`${values.sessionDate} is closed; this session will be shown as a late entry.`}
            autosize
            minRows={2}
            value={values.afterCloseReason}
            error={fieldErrors.afterCloseReason}
            onChange={(e) => set('afterCloseReason', e.currentTarget.value)}
          />
        )}

        {mode === 'record' && values.kind === 'self_pay' && (
          <Fieldset legend="Payment" variant="filled">
            <Stack gap="xs">
              <Radio.Group label="When the patient pays" value={payMode} onChange={(v) => setPay((p) => ({ ...p, mode: v as PayNowMode, isModeChosen: true }))}>
                <Group mt={6}>
                  <Radio value="later" label="Later (stays on the outstanding list)" />
                  <Radio value="pay" label="Pay now" />
                  <Radio value="package" label="Use prepaid package" disabled={openPackages.length === 0} />
                </Group>
              </Radio.Group>
              {payMode === 'pay' && (
                <Group align="flex-start">
                  <NativeSelect
                    label="Payment method"
                    data={paymentMethodOptions}
                    value={pay.method}
                    error={fieldErrors['payment.method']}
                    onChange={(e) => setPay((p) => ({ ...p, method: e.currentTarget.value as PaymentMethod }))}
                    w={200}
                  />
                  <TextInput label="Amount ($)" inputMode="decimal" value={payAmount} error={fieldErrors['payment.amountCents']} onChange={(e) => setPay((p) => ({ ...p, amount: e.currentTarget.value }))} w={160} />
                </Group>
              )}
              {payMode === 'package' && (
                <NativeSelect
                  label="Package"
                  data={openPackages.map((p) => ({ value: String(p.id), label: `${p.name} (${p.visitsLeft} of ${p.visitsTotal} left)` }))}
                  value={payValues.packageId}
                  error={fieldErrors.packageId}
                  onChange={(e) => setPay((p) => ({ ...p, packageId: e.currentTarget.value }))}
                  w={320}
                />
              )}
            </Stack>
          </Fieldset>
        )}

        {mode === 'amend' && (
          <Textarea
            label="Reason for the amendment"
            required
            description="Kept with the amendment; the original stays visible."
            autosize
            minRows={2}
            value={amendReason}
            error={fieldErrors.reason}
            onChange={(e) => setAmendReason(e.currentTarget.value)}
          />
        )}

        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> saves from any field
          </Text>
          <Group>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button type="submit" loading={isSaving}>
              {mode === 'record' ? 'Save session' : 'Save amendment'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Moves focus to the first field marked invalid, so a keyboard user lands where the fix is needed. */
function focusFirstError(form: HTMLFormElement | null): void {
  // After React has rendered the messages.
  setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
