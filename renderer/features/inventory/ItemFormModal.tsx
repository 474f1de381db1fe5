// Add or edit a catalogue item: needle size, gauge, length, guide tube and sterility; glove size and material.
// Checked with the contract's itemInput schema before sending, so the form says what the API would.
import { Checkbox, Fieldset, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent, FormEvent } from 'react';
import { gloveSizes, itemCategories, itemKinds, type ItemKind, type StockItem } from '../../../db/inventory/inventory-contract';
import { useApiMutation } from '../../api/useApiMutation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useFormState } from '../../components/useFormState';
import { itemCategoryLabels, itemKindLabels } from './inventory-labels';
import { isGloveCategory, itemToFormValues, newItemValues, toCreateItemInput, toUpdateItemInput, withKind, type ItemFormValues } from './item-form';

export function ItemFormModal({ item, onClose }: { item: StockItem | null; onClose: () => void }) {
  const create = useApiMutation('inventory.createItem');
  const update = useApiMutation('inventory.updateItem');
  const form = useFormState<ItemFormValues>(item ? itemToFormValues(item) : newItemValues());
  const { values } = form;
  const isNeedle = values.kind === 'needle';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (item) {
      const check = toUpdateItemInput(item.id, values);
      if (!check.ok) return form.showFieldErrors(check.fieldErrors);
      update.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
    } else {
      const check = toCreateItemInput(values);
      if (!check.ok) return form.showFieldErrors(check.fieldErrors);
      create.mutate(check.input, { onSuccess: onClose, onError: form.showSubmitError });
    }
  };

  const flag = (name: keyof ItemFormValues & string) => ({
    checked: values[name] === 'true',
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const checked = event.currentTarget.checked;
      form.setValues((current) => ({ ...current, [name]: String(checked) }));
    },
    error: form.fieldErrors[name],
  });
  const categoryOptions = itemCategories
    .filter((c) => (isNeedle ? c === 'needle' : c !== 'needle'))
    .map((c) => ({ value: c, label: itemCategoryLabels[c] }));

  return (
    <Modal opened onClose={onClose} title={item ? `Edit ${item.name}` : 'Add catalogue item'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {form.alert && <ErrorAlert title="Not saved" error={form.alert} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label="Kind"
              data={itemKinds.map((k) => ({ value: k, label: itemKindLabels[k] }))}
              value={values.kind}
              onChange={(event) => form.setValues(withKind(values, event.currentTarget.value as ItemKind))}
              error={form.fieldErrors.kind}
              data-autofocus
            />
            <NativeSelect label="Category" data={categoryOptions} disabled={isNeedle} {...form.textProps('category')} />
            <TextInput label="Name" required {...form.textProps('name')} />
            <TextInput label="Manufacturer" {...form.textProps('manufacturer')} />
            <TextInput label="GTIN (optional)" description="The 14 digits under (01) on the box" inputMode="numeric" maxLength={14} {...form.textProps('gtin')} />
            <TextInput label="Unit" description="One of what is counted: needle, glove, pad" required {...form.textProps('unit')} />
            <TextInput label="Units per pack" inputMode="numeric" {...form.textProps('unitsPerPack')} />
            <TextInput label="Reorder point (units)" description="Order when usable stock falls to this" inputMode="numeric" {...form.textProps('reorderPoint')} />
            <TextInput label="Par level (units)" description="Order up to this" inputMode="numeric" {...form.textProps('parLevel')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Checkbox label="Lot-tracked" description={isNeedle ? 'Always, for needles' : undefined} disabled={isNeedle} {...flag('isLotTracked')} />
            <Checkbox label="Carries an expiry date" description={isNeedle ? 'Always, for needles' : undefined} disabled={isNeedle} {...flag('requiresExpiry')} />
          </SimpleGrid>
          {isNeedle && (
            <Fieldset legend="Needle">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label="Diameter (mm)" inputMode="decimal" placeholder="0.16" {...form.textProps('diameterMm')} />
                <TextInput label="Gauge" inputMode="numeric" placeholder="34" {...form.textProps('gauge')} />
                <TextInput label="Length (mm)" inputMode="decimal" placeholder="30" {...form.textProps('lengthMm')} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
                <Checkbox label="Guide tube" {...flag('hasGuideTube')} />
                <Checkbox label="Sterile, single use" {...flag('isSterileSingleUse')} />
              </SimpleGrid>
            </Fieldset>
          )}
          {isGloveCategory(values.category) && (
            <Fieldset legend="Gloves">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect label="Size" data={[{ value: '', label: 'Not given' }, ...gloveSizes.map((s) => ({ value: s, label: s }))]} {...form.textProps('size')} />
                <TextInput label="Material" placeholder="nitrile" {...form.textProps('material')} />
              </SimpleGrid>
            </Fieldset>
          )}
          {item && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Checkbox label="Active (still stocked)" {...flag('isActive')} />
              <TextInput label="Reason for the change (optional)" description="Kept in the audit log" {...form.textProps('reason')} />
            </SimpleGrid>
          )}
          <FormButtons isSaving={create.isPending || update.isPending} submitLabel={item ? 'Save changes' : 'Add item'} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
