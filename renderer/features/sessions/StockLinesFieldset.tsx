// Needle or supply lines of a session: product, lot (first expiry first, editable, expiry shown) and quantity.
import { Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import type { LotView } from '../../../db/inventory/inventory-contract';
import { useApiQuery } from '../../api/useApiQuery';
import type { FieldErrors } from '../../lib/form-errors';
import { emptyLine, type StockLineValues } from './session-form';

type Group = 'needles' | 'supplies';

const words: Record<Group, { legend: string; product: string; lot: string; quantity: string; add: string; line: string }> = {
  needles: { legend: 'Needles', product: 'Needle product', lot: 'Needle lot', quantity: 'Needles opened', add: 'Add needle line', line: 'needle line' },
  supplies: { legend: 'Gloves, PPE and supplies', product: 'Supply', lot: 'Supply lot', quantity: 'Supply quantity', add: 'Add supply line', line: 'supply line' },
};

interface StockLinesFieldsetProps {
  group: Group;
  lines: StockLineValues[];
  products: ReadonlyArray<{ id: number; name: string }>;
  errors: FieldErrors;
  /** The FEFO lot for a product, when the form already knows it (needles from sessions.formDefaults). */
  fefoLotOf: (itemId: string) => string;
  /** Takes an update of the lines (functional, so two lines filling their lots at once do not overwrite each other). */
  onChange: (update: (lines: StockLineValues[]) => StockLineValues[]) => void;
  description?: string;
}

export function StockLinesFieldset({ group, lines, products, errors, fefoLotOf, onChange, description }: StockLinesFieldsetProps) {
  const w = words[group];
  const update = (line: StockLineValues) => onChange((current) => current.map((l) => (l.key === line.key ? line : l)));
  return (
    <Fieldset legend={w.legend} variant="filled">
      <Stack gap="xs">
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
        {errors[group] && (
          <Text size="sm" c="red" role="alert">
            {errors[group]}
          </Text>
        )}
        {lines.length === 0 && <Text size="sm">No {w.line}s.</Text>}
        {lines.map((line, index) => (
          <StockLineRow
            key={line.key}
            group={group}
            index={index}
            line={line}
            products={products}
            errors={errors}
            fefoLotOf={fefoLotOf}
            onChange={update}
            onRemove={() => onChange((current) => current.filter((l) => l.key !== line.key))}
          />
        ))}
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange((current) => [...current, emptyLine()])}>
            {w.add}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Lots that may be used on a patient: available (in date, not on hold, quarantined or recalled) with stock. */
export function usableLots(lots: readonly LotView[]): LotView[] {
  return lots.filter((l) => l.effectiveStatus === 'available' && l.onHand > 0);
}

interface StockLineRowProps {
  group: Group;
  index: number;
  line: StockLineValues;
  products: ReadonlyArray<{ id: number; name: string }>;
  errors: FieldErrors;
  fefoLotOf: (itemId: string) => string;
  onChange: (line: StockLineValues) => void;
  onRemove: () => void;
}

function StockLineRow({ group, index, line, products, errors, fefoLotOf, onChange, onRemove }: StockLineRowProps) {
  const w = words[group];
  const n = index + 1;
  const at = `${group}.${index}`;
  const lots = useApiQuery('inventory.listLots', { itemId: Number(line.itemId) || 1, includeEmpty: false }, { enabled: line.itemId !== '' });
  const usable = usableLots(lots.data ?? []);
  const chosen = (lots.data ?? []).find((l) => String(l.id) === line.lotId);
  // A lot already on the line (an amendment's) stays choosable even if it is now empty: its stock returns first.
  const options = chosen && !usable.includes(chosen) ? [...usable, chosen] : usable;

  // A product without a lot yet takes its first-expiring usable lot (the FEFO rule) once the lots are known.
  useEffect(() => {
    if (line.itemId !== '' && line.lotId === '' && lots.data) {
      const first = usableLots(lots.data)[0];
      if (first) onChange({ ...line, lotId: String(first.id) });
    }
  }, [line, lots.data, onChange]);

  const productOptions = [{ value: '', label: 'Choose…' }, ...products.map((p) => ({ value: String(p.id), label: p.name }))];
  if (line.itemId !== '' && !products.some((p) => String(p.id) === line.itemId)) productOptions.push({ value: line.itemId, label: `Item #${line.itemId}` });
  const lotOptions = [
    { value: '', label: line.itemId === '' ? 'Choose the product first' : lots.isPending ? 'Loading lots…' : options.length === 0 ? 'No usable stock' : 'Choose…' },
    ...options.map((l, i) => ({
      value: String(l.id),
      label: `${l.lotNumber} · exp ${l.expiryDate ?? 'none'} · ${l.onHand.toLocaleString('en-US')} on hand${i === 0 && usable[0] === l ? ' (first to expire)' : ''}`,
    })),
  ];

  return (
    <Group align="flex-start" gap="xs" wrap="wrap" role="group" aria-label={`${w.line} ${n}`}>
      <NativeSelect
        label={`${w.product}, line ${n}`}
        data={productOptions}
        value={line.itemId}
        error={errors[`${at}.itemId`]}
        onChange={(e) => {
          const itemId = e.currentTarget.value;
          onChange({ ...line, itemId, lotId: itemId === '' ? '' : fefoLotOf(itemId) });
        }}
        w={280}
      />
      <NativeSelect
        label={`${w.lot}, line ${n}`}
        data={lotOptions}
        value={line.lotId}
        error={errors[`${at}.lotId`] ?? errors[at]}
        description={chosen ? `Expires ${chosen.expiryDate ?? '(no expiry)'}` : undefined}
        onChange={(e) => onChange({ ...line, lotId: e.currentTarget.value })}
        w={400}
      />
      <TextInput
        label={`${w.quantity}, line ${n}`}
        inputMode="numeric"
        value={line.quantity}
        error={errors[`${at}.quantity`]}
        onChange={(e) => onChange({ ...line, quantity: e.currentTarget.value })}
        w={200}
      />
      <Button variant="subtle" color="red" size="compact-sm" mt={28} onClick={onRemove} aria-label={`Remove ${w.line} ${n}`}>
        Remove
      </Button>
    </Group>
  );
}
