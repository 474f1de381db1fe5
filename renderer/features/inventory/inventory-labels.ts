// How inventory enums, quantities, money, expiry and days of cover read on screen. Pure, so every table says the same.
import type { StatusTone } from '../../components/StatusBadge';
import { daysBetween } from '../../../db/clinic/business-time';
import type {
  EffectiveLotStatus,
  InventoryOverviewRow,
  ItemCategory,
  ItemKind,
  MovementKind,
  StockItem,
} from '../../../db/inventory/inventory-contract';

export const itemKindLabels: Record<ItemKind, string> = { needle: 'Needle', ppe: 'PPE', supply: 'Supply' };

export const itemCategoryLabels: Record<ItemCategory, string> = {
  needle: 'Needles',
  exam_glove: 'Exam gloves',
  mask: 'Masks',
  eye_protection: 'Eye protection',
  gown: 'Gowns',
  hand_rub: 'Hand rub',
  alcohol_swab: 'Alcohol swabs',
  cotton: 'Cotton',
  drape: 'Drapes',
  disinfectant_wipe: 'Disinfectant wipes',
  sharps_container: 'Sharps containers',
  other: 'Other',
};

export const arrivalConditionLabels = {
  ok: 'OK',
  damaged_pack: 'Damaged pack',
  seal_breach: 'Seal breach',
  label_defect: 'Label defect',
} as const;

export const movementKindLabels: Record<MovementKind, string> = {
  receive: 'Received',
  use: 'Used',
  waste: 'Wasted',
  adjust: 'Count adjustment',
  quarantine: 'Quarantined',
  release: 'Released',
  recall: 'Recalled',
  return: 'Returned to supplier',
  destroy: 'Destroyed',
  reverse: 'Reversed',
};

const lotStatusStyle: Record<EffectiveLotStatus, { tone: StatusTone; label: string }> = {
  available: { tone: 'good', label: 'Available' },
  on_hold: { tone: 'warning', label: 'On hold' },
  quarantined: { tone: 'warning', label: 'Quarantined' },
  recalled: { tone: 'bad', label: 'Recalled' },
  destroyed: { tone: 'neutral', label: 'Destroyed' },
  expired: { tone: 'bad', label: 'Expired' },
  depleted: { tone: 'neutral', label: 'Depleted' },
};

export function lotStatusStyleOf(status: EffectiveLotStatus): { tone: StatusTone; label: string } {
  return lotStatusStyle[status];
}

/** "1 needle", "3 needles", "2 boxes" — units are stored singular ("needle", "glove", "box"). */
export function formatUnits(quantity: number, unit: string): string {
  const plural = /(s|x|ch|sh)$/.test(unit) ? `${unit}es` : `${unit}s`;
  return `${quantity.toLocaleString('en-US')} ${Math.abs(quantity) === 1 ? unit : plural}`;
}

/** A ledger quantity with its sign, so "+500" and "−20" read as in and out. */
export function formatSignedQuantity(quantity: number): string {
  if (quantity > 0) return `+${quantity.toLocaleString('en-US')}`;
  if (quantity < 0) return `−${Math.abs(quantity).toLocaleString('en-US')}`;
  return '0';
}

/** Integer (or averaged, fractional) cents as dollars: 1250 → "$12.50". */
export function formatCents(cents: number | null): string {
  if (cents === null) return '—';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents) / 100;
  return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: abs < 1 && abs > 0 ? 4 : 2 })}`;
}

/** Days of stock left at the recent rate of use; null means nothing was used in the period. */
export function formatDaysOfCover(days: number | null): string {
  if (days === null) return 'No recent use';
  if (days <= 0) return 'Under a day';
  if (days > 999) return 'Over 999 days';
  return days === 1 ? '1 day' : `${days} days`;
}

export interface ExpiryDescription {
  text: string;
  tone: StatusTone;
}

/** An expiry date with how near it is: expired (bad), within the first warning threshold (warning), or plain. */
export function describeExpiry(expiryDate: string | null, today: string, warnWithinDays = 30): ExpiryDescription {
  if (expiryDate === null) return { text: 'No expiry', tone: 'neutral' };
  const daysLeft = daysBetween(today, expiryDate);
  if (daysLeft < 0) return { text: `${expiryDate} (expired)`, tone: 'bad' };
  if (daysLeft === 0) return { text: `${expiryDate} (expires today)`, tone: 'warning' };
  if (daysLeft <= warnWithinDays) return { text: `${expiryDate} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'})`, tone: 'warning' };
  return { text: expiryDate, tone: 'neutral' };
}

/** Reorder state of an overview row, as a badge: out of usable stock, at or below the reorder point, or fine. */
export function reorderStateOf(row: Pick<InventoryOverviewRow, 'usableOnHand' | 'isBelowReorderPoint'>): { tone: StatusTone; label: string } {
  if (row.usableOnHand === 0) return { tone: 'bad', label: 'Out of usable stock' };
  if (row.isBelowReorderPoint) return { tone: 'warning', label: 'Reorder' };
  return { tone: 'good', label: 'Stocked' };
}

/** The specification line of an item: needle size and tube, glove size and material, or the maker. */
export function describeItem(item: StockItem): string {
  const parts: string[] = [];
  if (item.manufacturer) parts.push(item.manufacturer);
  if (item.kind === 'needle') {
    if (item.diameterMm !== null && item.lengthMm !== null) parts.push(`${item.diameterMm} × ${item.lengthMm} mm`);
    if (item.gauge !== null) parts.push(`${item.gauge} G`);
    if (item.hasGuideTube !== null) parts.push(item.hasGuideTube ? 'guide tube' : 'no guide tube');
    if (item.isSterileSingleUse) parts.push('sterile, single use');
  }
  if (item.size) parts.push(`size ${item.size}`);
  if (item.material) parts.push(item.material);
  parts.push(`${formatUnits(item.unitsPerPack, item.unit)} per pack`);
  return parts.join(' · ');
}
