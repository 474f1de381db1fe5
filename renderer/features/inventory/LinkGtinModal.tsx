// Asked once when a scanned GTIN belongs to no item: link it to one (inventory.linkGtin) and the line fills, or skip.
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { contract } from '../../../db/api/contract';
import type { StockItem } from '../../../db/inventory/inventory-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormState } from '../../components/useFormState';
import { checkWithSchema } from '../../lib/form-errors';

interface LinkGtinModalProps {
  gtin: string;
  lineNumber: number;
  items: readonly StockItem[];
  onLinked: (item: StockItem) => void;
  onSkip: () => void;
}

export function LinkGtinModal({ gtin, lineNumber, items, onLinked, onSkip }: LinkGtinModalProps) {
  const link = useApiMutation('inventory.linkGtin');
  // Items that have no GTIN yet, needles first: a needle box is what carries a DataMatrix.
  const candidates = items.filter((item) => item.gtin === null).sort((a, b) => Number(b.kind === 'needle') - Number(a.kind === 'needle'));
  const form = useFormState({ itemId: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { itemId: form.values.itemId === '' ? 0 : Number(form.values.itemId), gtin };
    const check = checkWithSchema(contract['inventory.linkGtin'].input, input);
    if (!check.ok) return form.showFieldErrors(form.values.itemId === '' ? { itemId: 'choose the item this box holds' } : check.fieldErrors);
    link.mutate(input, { onSuccess: onLinked, onError: form.showSubmitError });
  };

  return (
    // Focus goes to the line's next field afterwards, not back to the scan field.
    <Modal opened onClose={onSkip} title="Link this barcode to an item" returnFocus={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            GTIN <code>{gtin}</code> (scanned into line {lineNumber}) is not linked to any item yet. Link it once, and every later scan of
            this product fills the item by itself.
          </Text>
          {form.alert && <ErrorAlert title="Not linked" error={form.alert} />}
          <NativeSelect
            label={`Item for GTIN ${gtin}`}
            data={[{ value: '', label: 'Choose an item' }, ...candidates.map((item) => ({ value: String(item.id), label: item.name }))]}
            data-autofocus
            {...form.textProps('itemId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onSkip}>
              Not now
            </Button>
            <Button type="submit" loading={link.isPending}>
              Link and fill line
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
