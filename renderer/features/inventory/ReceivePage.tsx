// Receive stock: a delivery of several lines, fast from the keyboard and from a USB barcode scanner.
// The scanner types the box's GS1 DataMatrix into a line's Scan field and ends with Enter: the line fills with
// the item (by GTIN), lot and expiry. Enter moves on; Enter on the last field starts a line; Ctrl+Enter saves.
import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Grid,
  Group,
  Kbd,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { parseGs1, type Gs1Reading } from '../../../db/inventory/gs1';
import { arrivalConditions, itemKinds, type LotView, type StockItem } from '../../../db/inventory/inventory-contract';
import { useApiClient } from '../../api/ApiClientProvider';
import { useApiMutation } from '../../api/useApiMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import type { FieldErrors } from '../../lib/form-errors';
import { canCall } from './form-numbers';
import { InventoryPageHeader } from './InventoryPageHeader';
import { arrivalConditionLabels, formatCents, formatUnits, itemKindLabels, lotStatusStyleOf } from './inventory-labels';
import { inventoryPaths } from './inventory-paths';
import { LinkGtinModal } from './LinkGtinModal';
import { lotName } from './LotTable';
import {
  applyScanToLine,
  blankLine,
  describeFieldPath,
  fieldAfterScan,
  headerFields,
  lineErrors,
  lineFieldPath,
  lineTotalCents,
  lineUnits,
  nextAfterEnter,
  placeDeliveryError,
  toDeliveryInput,
  type LineField,
  type ReceiveHeaderValues,
  type ReceiveLineValues,
} from './receive-form';

export function ReceivePage() {
  const { acting } = useClinicSession();
  const items = useApiQuery('inventory.listItems', { includeInactive: false });
  return (
    <>
      <InventoryPageHeader title="Receive stock" description="Record a delivery: one line per lot, scanned or typed." />
      {!canCall('inventory.receiveDelivery', acting.role) ? (
        <Alert color="gray" variant="light">
          Your role can read stock but not receive it.
        </Alert>
      ) : items.isPending ? (
        <PageLoader label="Loading catalogue" />
      ) : items.isError ? (
        <ErrorAlert error={items.error} />
      ) : items.data.length === 0 ? (
        <Text>
          The catalogue is empty. <Anchor component={Link} to={inventoryPaths.catalogue}>Add the items you stock</Anchor> first.
        </Text>
      ) : (
        <ReceiveDeliveryForm items={items.data} />
      )}
    </>
  );
}

interface LinkRequest {
  lineKey: number;
  lineNumber: number;
  gtin: string;
  reading: Gs1Reading;
  raw: string;
}

function ReceiveDeliveryForm({ items }: { items: StockItem[] }) {
  const { today } = useClinicSession();
  const client = useApiClient();
  const receive = useApiMutation('inventory.receiveDelivery');
  const [header, setHeader] = useState<ReceiveHeaderValues>({ receivedOn: today, supplier: '', reference: '' });
  const [lines, setLines] = useState<ReceiveLineValues[]>(() => [blankLine()]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [received, setReceived] = useState<LotView[] | null>(null);
  const [linkRequest, setLinkRequest] = useState<LinkRequest | null>(null);
  const declinedGtins = useRef(new Set<string>());
  const formRef = useRef<HTMLFormElement>(null);
  // Scans finish after an API call; they read the lines as they are then, not as they were when Enter was pressed.
  const linesRef = useRef(lines);
  linesRef.current = lines;
  // A field to focus once the lines it belongs to have rendered (a new line, a filled line).
  const pendingFocus = useRef<{ lineKey: number; field: LineField } | null>(null);

  const focusByName = (name: string) => formRef.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    const index = lines.findIndex((line) => line.key === target.lineKey);
    if (index === -1 || linkRequest) return;
    pendingFocus.current = null;
    focusByName(lineFieldPath(index, target.field));
  });

  const setLineValues = (lineKey: number, patch: Partial<ReceiveLineValues>) =>
    setLines((current) => current.map((line) => (line.key === lineKey ? { ...line, ...patch } : line)));

  const clearError = (path: string) =>
    setFieldErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _removed, ...rest } = current;
      return rest;
    });

  const addLine = () => {
    const line = blankLine();
    pendingFocus.current = { lineKey: line.key, field: 'scan' };
    setLines((current) => [...current, line]);
  };

  const removeLine = (lineKey: number) => {
    const index = lines.findIndex((line) => line.key === lineKey);
    const remaining = lines.filter((line) => line.key !== lineKey);
    const next = remaining.length > 0 ? remaining : [blankLine()];
    const focusLine = next[Math.min(index, next.length - 1)] as ReceiveLineValues;
    pendingFocus.current = { lineKey: focusLine.key, field: 'scan' };
    setLines(next);
    // Errors are keyed by line position, which has just changed.
    setFieldErrors({});
  };

  const fillLine = (lineKey: number, reading: Gs1Reading, item: StockItem | null, raw: string) => {
    const line = linesRef.current.find((l) => l.key === lineKey);
    if (!line) return;
    const filled = applyScanToLine(line, reading, item, raw);
    pendingFocus.current = { lineKey, field: fieldAfterScan(filled) };
    setLines((current) => current.map((l) => (l.key === lineKey ? filled : l)));
    const index = linesRef.current.findIndex((l) => l.key === lineKey);
    for (const field of ['scan', 'itemId', 'lotNumber', 'expiryDate'] as const) clearError(lineFieldPath(index, field));
  };

  const scanInto = async (index: number) => {
    const line = lines[index];
    if (!line) return;
    const scanField = lineFieldPath(index, 'scan');
    if (line.scan.trim() === '') return focusByName(lineFieldPath(index, 'itemId'));
    let reading: Gs1Reading;
    try {
      reading = parseGs1(line.scan);
    } catch (error) {
      setFieldErrors((current) => ({ ...current, [scanField]: `could not read this code: ${errorMessage(error)}` }));
      return;
    }
    clearError(scanField);
    let item: StockItem | null = null;
    if (reading.gtin) {
      try {
        item = await client.call('inventory.findByGtin', { gtin: reading.gtin });
      } catch (error) {
        setFieldErrors((current) => ({ ...current, [scanField]: errorMessage(error) }));
        return;
      }
      if (item && !item.isActive) {
        setFieldErrors((current) => ({ ...current, [scanField]: `GTIN ${reading.gtin} is ${item?.name}, which is no longer stocked` }));
        return;
      }
      if (!item && !declinedGtins.current.has(reading.gtin)) {
        setLinkRequest({ lineKey: line.key, lineNumber: index + 1, gtin: reading.gtin, reading, raw: line.scan });
        return;
      }
    }
    fillLine(line.key, reading, item, line.scan);
  };

  const submit = () => {
    if (receive.isPending) return;
    const check = toDeliveryInput(header, lines, items);
    if (!check.ok) {
      setFieldErrors(check.fieldErrors);
      setAlert(null);
      focusFirstError(check.fieldErrors);
      return;
    }
    receive.mutate(check.input, {
      onSuccess: (result) => {
        setReceived(result.lots);
        const line = blankLine();
        pendingFocus.current = { lineKey: line.key, field: 'scan' };
        setLines([line]);
        setHeader((current) => ({ receivedOn: current.receivedOn, supplier: '', reference: '' }));
        setFieldErrors({});
        setAlert(null);
        declinedGtins.current.clear();
      },
      onError: (error) => {
        const shown = placeDeliveryError(error, check.lineIndexes, lines.length);
        setFieldErrors(shown.fieldErrors);
        setAlert(shown.alert);
        focusFirstError(shown.fieldErrors);
      },
    });
  };

  const focusFirstError = (errors: FieldErrors) => {
    const first = orderedFieldPaths(lines.length).find((path) => path in errors);
    if (first) focusByName(first);
  };

  // Enter moves through the form like a paper sheet; Ctrl+Enter saves from anywhere.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
      return;
    }
    const target = event.target as HTMLElement;
    if (!formRef.current?.contains(target)) return;
    if (target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement || target instanceof HTMLAnchorElement) return;
    event.preventDefault();
    const name = target.getAttribute('name') ?? '';
    const headerIndex = (headerFields as readonly string[]).indexOf(name);
    if (headerIndex !== -1) return focusByName(headerFields[headerIndex + 1] ?? lineFieldPath(0, 'scan'));
    const match = /^lines\.(\d+)\.(\w+)$/.exec(name);
    if (!match) return;
    const index = Number(match[1]);
    const field = match[2] as LineField;
    if (field === 'scan') return void scanInto(index);
    const next = nextAfterEnter(index, field, lines.length);
    if (next.addsLine) addLine();
    else focusByName(lineFieldPath(next.lineIndex, next.field));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const errorEntries = orderedFieldPaths(lines.length)
    .filter((path) => path in fieldErrors)
    .map((path) => [path, fieldErrors[path] as string] as const);
  const otherErrors = Object.entries(fieldErrors).filter(([path]) => !orderedFieldPaths(lines.length).includes(path));

  return (
    <>
      <form ref={formRef} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="Receive delivery">
        <Stack>
          {received && <ReceivedSummary lots={received} onDismiss={() => setReceived(null)} />}
          <Grid>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <TextInput
                type="date"
                label="Received on"
                name="receivedOn"
                value={header.receivedOn}
                error={fieldErrors.receivedOn}
                onChange={(e) => setHeader({ ...header, receivedOn: e.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label="Supplier"
                name="supplier"
                required
                value={header.supplier}
                error={fieldErrors.supplier}
                onChange={(e) => setHeader({ ...header, supplier: e.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Invoice or PO number"
                name="reference"
                value={header.reference}
                error={fieldErrors.reference}
                onChange={(e) => setHeader({ ...header, reference: e.currentTarget.value })}
              />
            </Grid.Col>
          </Grid>
          <Text size="sm" c="dimmed" id="receive-keys">
            Scan a box into a line&apos;s Scan field, or type. <Kbd>Enter</Kbd> moves to the next field, and on Condition starts a new line.{' '}
            <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> saves the delivery.
          </Text>
          {(errorEntries.length > 0 || otherErrors.length > 0) && (
            <Alert color="red" variant="light" title={`✗ Not saved: ${errorEntries.length + otherErrors.length} to fix`} role="alert">
              <List size="sm">
                {errorEntries.map(([path, message]) => (
                  <List.Item key={path}>
                    <Anchor component="button" type="button" size="sm" onClick={() => focusByName(path)}>
                      {describeFieldPath(path)}
                    </Anchor>
                    : {message}
                  </List.Item>
                ))}
                {otherErrors.map(([path, message]) => (
                  <List.Item key={path}>
                    {describeFieldPath(path)}: {message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {alert && <ErrorAlert title="Not saved" error={alert} />}
          <Stack gap="sm" aria-label="Delivery lines" role="group">
            {lines.map((line, index) => (
              <ReceiveLine
                key={line.key}
                line={line}
                index={index}
                items={items}
                errors={lineErrors(fieldErrors, index)}
                onChange={(patch) => setLineValues(line.key, patch)}
                onRemove={() => removeLine(line.key)}
              />
            ))}
          </Stack>
          <Group justify="space-between">
            <Button variant="default" onClick={addLine}>
              Add line
            </Button>
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                {lines.length} {lines.length === 1 ? 'line' : 'lines'}
              </Text>
              <Button type="submit" loading={receive.isPending}>
                Save delivery
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {/* Outside the <form>: React bubbles events through portals, and this dialog's submit and Enter are its own. */}
      {linkRequest && (
        <LinkGtinModal
          gtin={linkRequest.gtin}
          lineNumber={linkRequest.lineNumber}
          items={items}
          onLinked={(item) => {
            setLinkRequest(null);
            fillLine(linkRequest.lineKey, linkRequest.reading, item, linkRequest.raw);
          }}
          onSkip={() => {
            declinedGtins.current.add(linkRequest.gtin);
            setLinkRequest(null);
            fillLine(linkRequest.lineKey, linkRequest.reading, null, linkRequest.raw);
          }}
        />
      )}
    </>
  );
}

function orderedFieldPaths(lineCount: number): string[] {
  const paths: string[] = [...headerFields];
  for (let index = 0; index < lineCount; index++) {
    for (const field of ['scan', 'itemId', 'lotNumber', 'expiryDate', 'quantity', 'quantityUnit', 'costCents', 'costPer', 'condition'] as const) {
      paths.push(lineFieldPath(index, field));
    }
  }
  return paths;
}

interface ReceiveLineProps {
  line: ReceiveLineValues;
  index: number;
  items: StockItem[];
  errors: Partial<Record<LineField, string>>;
  onChange: (patch: Partial<ReceiveLineValues>) => void;
  onRemove: () => void;
}

function ReceiveLine({ line, index, items, errors, onChange, onRemove }: ReceiveLineProps) {
  const number = index + 1;
  const item = items.find((i) => String(i.id) === line.itemId);
  // Visible labels stay short; the hidden part makes each input's name unique ("Lot, line 2").
  const label = (text: string): ReactNode => (
    <>
      {text}
      <VisuallyHidden>, line {number}</VisuallyHidden>
    </>
  );
  const bind = (field: Exclude<LineField, 'quantityUnit' | 'costPer' | 'condition'>) => ({
    name: lineFieldPath(index, field),
    value: line[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => onChange({ [field]: event.currentTarget.value }),
  });
  const bindChoice = <F extends 'quantityUnit' | 'costPer' | 'condition'>(field: F) => ({
    name: lineFieldPath(index, field),
    value: line[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => onChange({ [field]: event.currentTarget.value as ReceiveLineValues[F] }),
  });

  // Many scanners send the GS1 group separator as Ctrl+], which a browser would otherwise drop.
  const onScanKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!(event.ctrlKey && (event.key === ']' || event.code === 'BracketRight'))) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    onChange({ scan: `${input.value.slice(0, start)}\u001d${input.value.slice(end)}` });
  };

  const itemOptions = [
    { value: '', label: 'Choose an item' },
    ...itemKinds
      .map((kind) => ({ group: `${itemKindLabels[kind]}${kind === 'ppe' ? '' : 's'}`, items: items.filter((i) => i.kind === kind).map((i) => ({ value: String(i.id), label: i.name })) }))
      .filter((group) => group.items.length > 0),
  ];
  const unitWord = item ? formatUnits(2, item.unit).replace(/^2 /, '') : 'units';
  const units = lineUnits(line, item);
  const total = lineTotalCents(line, item);

  return (
    <Fieldset
      legend={
        <Group gap="xs">
          <Title order={2} size="h5">
            Line {number}
          </Title>
          {item && (
            <Text size="sm" c="dimmed">
              {item.name}
            </Text>
          )}
        </Group>
      }
      aria-label={`Line ${number}`}
      p="sm"
    >
      <Grid gap="xs">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TextInput
            label={label('Scan')}
            placeholder="Scan the box, or paste its GS1 code"
            autoComplete="off"
            spellCheck={false}
            onKeyDown={onScanKeyDown}
            {...bind('scan')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <NativeSelect label={label('Item')} data={itemOptions} {...bind('itemId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput label={label('Lot')} autoComplete="off" spellCheck={false} maxLength={20} {...bind('lotNumber')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput type="date" label={label('Expiry')} {...bind('expiryDate')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput label={label('Quantity')} inputMode="numeric" autoComplete="off" {...bind('quantity')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <NativeSelect
            label={label('Counted in')}
            data={[
              { value: 'pack', label: item ? `Boxes of ${item.unitsPerPack}` : 'Boxes' },
              { value: 'unit', label: unitWord.charAt(0).toUpperCase() + unitWord.slice(1) },
            ]}
            {...bindChoice('quantityUnit')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput label={label('Cost ($)')} inputMode="decimal" autoComplete="off" placeholder="0.00" {...bind('costCents')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <NativeSelect
            label={label('Cost per')}
            data={[
              { value: 'pack', label: 'Box' },
              { value: 'unit', label: 'Unit' },
              { value: 'line', label: 'Whole line' },
            ]}
            {...bindChoice('costPer')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <NativeSelect label={label('Condition')} data={arrivalConditions.map((c) => ({ value: c, label: arrivalConditionLabels[c] }))} {...bindChoice('condition')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Button variant="subtle" color="red" onClick={onRemove} aria-label={`Remove line ${number}`}>
            Remove line
          </Button>
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {units !== null && item ? `${formatUnits(units, item.unit)} in` : 'Choose the item and quantity'}
        {total !== null && total > 0 ? ` · line total ${formatCents(total)}` : ''}
        {line.condition !== 'ok' ? ' · the lot will be put on hold until someone inspects it' : ''}
        {line.udiRaw ? ' · scanned' : ''}
      </Text>
    </Fieldset>
  );
}

function ReceivedSummary({ lots, onDismiss }: { lots: LotView[]; onDismiss: () => void }) {
  return (
    <Alert color="teal" variant="light" title="✓ Delivery received" withCloseButton onClose={onDismiss} closeButtonLabel="Dismiss" role="status">
      <List size="sm">
        {lots.map((lot, index) => (
          <List.Item key={`${lot.id}-${index}`}>
            <Anchor component={Link} to={inventoryPaths.lot(lot.id)}>
              Lot {lotName(lot)}
            </Anchor>{' '}
            of {lot.itemName}: {formatUnits(lot.onHand, lot.unit)} on hand ({lotStatusStyleOf(lot.effectiveStatus).label.toLowerCase()})
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
