// Numbers typed into text inputs, read so the API schemas can give their own messages (whole, positive, at most ...).
import { contract, type MethodName } from '../../../db/api/contract';
import type { StaffRole } from '../../../db/api/roles';

const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** "12" → 12, "1,200" → 1200, "1.5" → 1.5 (the schema then says "must be a whole number"); blank or words → null. */
export function numberFromText(text: string): number | null {
  const compact = text.trim().replaceAll(',', '');
  if (!numberPattern.test(compact)) return null;
  return Number(compact);
}

/** Dollars typed by a person ("12.50", "$1,200", "0.1") → cents; null when it is not an amount of money. */
export function centsFromText(text: string): number | null {
  const compact = text.trim().replaceAll(',', '').replace(/^(-?)\$/, '$1');
  if (!/^-?(\d+(\.\d{0,2})?|\.\d{1,2})$/.test(compact)) return null;
  const negative = compact.startsWith('-');
  const [whole = '0', fraction = ''] = compact.replace('-', '').split('.');
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** Cents as the text a cost input holds: 1250 → "12.50". */
export function centsToText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Whether the acting role may call a method; the API still decides, this only keeps the screen honest. */
export function canCall(method: MethodName, role: StaffRole): boolean {
  const roles = contract[method].roles;
  return roles !== 'signed_out' && roles.includes(role);
}
