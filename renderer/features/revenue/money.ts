// Money as people read and type it: integer cents shown as "$1,234.56", typed dollars parsed back to cents. Pure.

/** Cents as dollars with a thousands separator and always two decimals; negative amounts lead with a minus. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Short money for chart axes: "$950", "$12.5k", "$1.2M". */
export function formatCentsCompact(cents: number): string {
  const dollars = cents / 100;
  const abs = Math.abs(dollars);
  const sign = dollars < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}$${trimZero((abs / 1_000_000).toFixed(1))}M`;
  if (abs >= 1_000) return `${sign}$${trimZero((abs / 1_000).toFixed(1))}k`;
  return `${sign}$${trimZero(abs.toFixed(abs >= 100 || Number.isInteger(abs) ? 0 : 2))}`;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** The value a money input starts with: "65.00". */
export function centsToInputText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Cents as a dollar number for CSV cells and exports (65.5 for 6550): numbers stay numbers. */
export function centsToDollars(cents: number): number {
  return Math.round(cents) / 100;
}

/**
 * Typed dollars to integer cents: "65", "65.5", "$1,234.56" and " 12.30 " are accepted; anything else
 * (letters, three decimals, two points, a negative sign) is null so the form can say what it expects.
 */
export function parseDollarsToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replaceAll(',', '');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned) && !/^\.\d{1,2}$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
}

export const amountHint = 'must be an amount in dollars, like 65.00';
