// The catalogue item form as text, and how it becomes inventory.createItem / updateItem input, checked with the
// contract's itemInput schema so the form says what the API would.
import { contract, type MethodInput } from '../../../db/api/contract';
import { itemInput, type ItemCategory, type ItemKind, type StockItem } from '../../../db/inventory/inventory-contract';
import { checkWithSchema, type FieldErrors } from '../../lib/form-errors';
import { numberFromText } from './form-numbers';

export interface ItemFormValues {
  kind: string;
  category: string;
  name: string;
  manufacturer: string;
  gtin: string;
  unit: string;
  unitsPerPack: string;
  reorderPoint: string;
  parLevel: string;
  isLotTracked: string;
  requiresExpiry: string;
  diameterMm: string;
  gauge: string;
  lengthMm: string;
  hasGuideTube: string;
  isSterileSingleUse: string;
  size: string;
  material: string;
  isActive: string;
  reason: string;
  [key: string]: string;
}

export function newItemValues(): ItemFormValues {
  return {
    kind: 'needle',
    category: 'needle',
    name: '',
    manufacturer: '',
    gtin: '',
    unit: 'needle',
    unitsPerPack: '100',
    reorderPoint: '0',
    parLevel: '0',
    isLotTracked: 'true',
    requiresExpiry: 'true',
    diameterMm: '',
    gauge: '',
    lengthMm: '',
    hasGuideTube: 'true',
    isSterileSingleUse: 'true',
    size: '',
    material: '',
    isActive: 'true',
    reason: '',
  };
}

const text = (value: number | null) => (value === null ? '' : String(value));

export function itemToFormValues(item: StockItem): ItemFormValues {
  return {
    kind: item.kind,
    category: item.category,
    name: item.name,
    manufacturer: item.manufacturer,
    gtin: item.gtin ?? '',
    unit: item.unit,
    unitsPerPack: String(item.unitsPerPack),
    reorderPoint: String(item.reorderPoint),
    parLevel: String(item.parLevel),
    isLotTracked: String(item.isLotTracked),
    requiresExpiry: String(item.requiresExpiry),
    diameterMm: text(item.diameterMm),
    gauge: text(item.gauge),
    lengthMm: text(item.lengthMm),
    hasGuideTube: String(item.hasGuideTube ?? false),
    isSterileSingleUse: String(item.isSterileSingleUse ?? false),
    size: item.size ?? '',
    material: item.material ?? '',
    isActive: String(item.isActive),
    reason: '',
  };
}

/** Choosing a kind sets what always goes with it: needles are their own category, lot-tracked, with expiry. */
export function withKind(values: ItemFormValues, kind: ItemKind): ItemFormValues {
  if (kind === 'needle') {
    return { ...values, kind, category: 'needle', unit: values.unit || 'needle', isLotTracked: 'true', requiresExpiry: 'true', size: '', material: '' };
  }
  if (values.kind !== 'needle') return { ...values, kind };
  // Leaving the needle defaults behind: other stock need not carry lots or expiry unless the manager says so.
  const category = kind === 'ppe' ? 'exam_glove' : 'alcohol_swab';
  return { ...values, kind, category, unit: values.unit === 'needle' ? '' : values.unit, isLotTracked: 'false', requiresExpiry: 'false' };
}

export function isGloveCategory(category: string): boolean {
  return category === 'exam_glove';
}

type ItemFields = Omit<MethodInput<'inventory.createItem'>, never>;
export type ItemCheck = { ok: true; input: ItemFields } | { ok: false; fieldErrors: FieldErrors };

/** Form text → item fields; needle-only and glove-only fields are null for other items. */
export function toItemFields(values: ItemFormValues): { fields: ItemFields; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const required = (field: keyof ItemFormValues & string): number => {
    const n = numberFromText(values[field] ?? '');
    if (n === null) fieldErrors[field] = 'must be a number';
    return n ?? Number.NaN;
  };
  const optional = (field: keyof ItemFormValues & string): number | null => {
    if ((values[field] ?? '').trim() === '') return null;
    const n = numberFromText(values[field] ?? '');
    if (n === null) fieldErrors[field] = 'must be a number';
    return n ?? Number.NaN;
  };
  const isNeedle = values.kind === 'needle';
  const isGlove = isGloveCategory(values.category);
  const fields: ItemFields = {
    kind: values.kind as ItemKind,
    category: values.category as ItemCategory,
    name: values.name,
    manufacturer: values.manufacturer,
    gtin: values.gtin.trim() === '' ? null : values.gtin.trim(),
    unit: values.unit,
    unitsPerPack: required('unitsPerPack'),
    reorderPoint: required('reorderPoint'),
    parLevel: required('parLevel'),
    isLotTracked: isNeedle || values.isLotTracked === 'true',
    requiresExpiry: isNeedle || values.requiresExpiry === 'true',
    diameterMm: isNeedle ? optional('diameterMm') : null,
    gauge: isNeedle ? optional('gauge') : null,
    lengthMm: isNeedle ? optional('lengthMm') : null,
    hasGuideTube: isNeedle ? values.hasGuideTube === 'true' : null,
    isSterileSingleUse: isNeedle ? values.isSterileSingleUse === 'true' : null,
    size: isGlove && values.size !== '' ? (values.size as ItemFields['size']) : null,
    material: isGlove && values.material.trim() !== '' ? values.material : null,
  };
  return { fields, fieldErrors };
}

function merge(fieldErrors: FieldErrors, check: { ok: boolean; fieldErrors?: FieldErrors }): FieldErrors {
  const merged = { ...fieldErrors };
  for (const [field, message] of Object.entries(check.fieldErrors ?? {})) merged[field] ??= message;
  return merged;
}

export function toCreateItemInput(values: ItemFormValues): ItemCheck {
  const { fields, fieldErrors } = toItemFields(values);
  const check = checkWithSchema(itemInput, fields);
  const errors = merge(fieldErrors, check);
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, input: fields };
}

export type ItemUpdateCheck = { ok: true; input: MethodInput<'inventory.updateItem'> } | { ok: false; fieldErrors: FieldErrors };

export function toUpdateItemInput(id: number, values: ItemFormValues): ItemUpdateCheck {
  const { fields, fieldErrors } = toItemFields(values);
  const input: MethodInput<'inventory.updateItem'> = { id, ...fields, isActive: values.isActive === 'true', reason: values.reason };
  const check = checkWithSchema(contract['inventory.updateItem'].input, input);
  const errors = merge(fieldErrors, check);
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, input };
}
