// Reads the GS1 element string a USB scanner types from a needle box's DataMatrix: GTIN (01), expiry (17),
// lot (10) and serial (21). Pure: the receive form parses as the scanner types.

export interface Gs1Reading {
  gtin?: string;
  /** YYYY-MM-DD; a GS1 day of "00" means the last day of that month. */
  expiryDate?: string;
  productionDate?: string;
  lotNumber?: string;
  serial?: string;
}

export class Gs1ParseError extends Error {}

/** The group separator (ASCII 29) ends a variable-length field; scanners may also send it as "]d2"-less text. */
const GROUP_SEPARATOR = '\u001d';

/** Fixed-length AIs (data length) and variable-length ones (max length) this app reads or skips. */
const fixedLength: Record<string, number> = { '00': 18, '01': 14, '02': 14, '11': 6, '12': 6, '13': 6, '15': 6, '16': 6, '17': 6, '20': 2 };
const variableMax: Record<string, number> = { '10': 20, '21': 20, '22': 20, '240': 30, '241': 30, '30': 8, '37': 8, '90': 30, '91': 90, '92': 90, '93': 90, '94': 90, '95': 90, '96': 90, '97': 90, '98': 90, '99': 90 };

export function parseGs1(scanned: string): Gs1Reading {
  // Strip a symbology identifier (]d2, ]C1, ]Q3) and human-readable parentheses when present.
  let text = scanned.replace(/^\](d2|C1|Q3|e0)/, '').replace(/\r|\n/g, '');
  if (text.startsWith('(')) text = fromBracketed(text);
  const reading: Gs1Reading = {};
  let i = 0;
  while (i < text.length) {
    if (text[i] === GROUP_SEPARATOR) {
      i += 1;
      continue;
    }
    const ai = readAi(text, i);
    i += ai.length;
    const fixed = fixedLength[ai];
    let value: string;
    if (fixed !== undefined) {
      value = text.slice(i, i + fixed);
      if (value.length !== fixed || !/^\d+$/.test(value)) throw new Gs1ParseError(`AI (${ai}) needs ${fixed} digits`);
      i += fixed;
    } else {
      const end = text.indexOf(GROUP_SEPARATOR, i);
      value = end === -1 ? text.slice(i) : text.slice(i, end);
      const max = variableMax[ai] ?? 90;
      if (value.length === 0 || value.length > max) throw new Gs1ParseError(`AI (${ai}) must hold 1 to ${max} characters`);
      i += value.length;
    }
    apply(reading, ai, value);
  }
  if (!reading.gtin && !reading.lotNumber) throw new Gs1ParseError('no GTIN (01) or lot (10) found');
  return reading;
}

function readAi(text: string, at: number): string {
  for (const length of [2, 3, 4]) {
    const ai = text.slice(at, at + length);
    if (ai in fixedLength || ai in variableMax) return ai;
  }
  throw new Gs1ParseError(`unknown application identifier at "${text.slice(at, at + 4)}"`);
}

function apply(reading: Gs1Reading, ai: string, value: string): void {
  switch (ai) {
    case '01':
      if (!hasValidCheckDigit(value)) throw new Gs1ParseError(`GTIN ${value} has a wrong check digit`);
      reading.gtin = value;
      break;
    case '17':
      reading.expiryDate = gs1Date(value);
      break;
    case '11':
      reading.productionDate = gs1Date(value);
      break;
    case '10':
      reading.lotNumber = value;
      break;
    case '21':
      reading.serial = value;
      break;
    default:
      break; // other AIs are read past, not kept
  }
}

/** YYMMDD → YYYY-MM-DD; years 00-49 are 20xx, 50-99 19xx (GS1 general spec uses a sliding window; this suffices for expiry). */
export function gs1Date(yymmdd: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) throw new Gs1ParseError(`date ${yymmdd} has month ${mm}`);
  const year = yy < 50 ? 2000 + yy : 1900 + yy;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd === 0) dd = lastDay;
  if (dd > lastDay) throw new Gs1ParseError(`date ${yymmdd} is not a real date`);
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

export function hasValidCheckDigit(digits: string): boolean {
  const body = digits.slice(0, -1);
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    const digit = Number(body[body.length - 1 - k]);
    sum += digit * (k % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

function fromBracketed(text: string): string {
  // "(01)0123(17)2601(10)ABC" → element string with separators after variable fields.
  const parts = [...text.matchAll(/\((\d{2,4})\)([^(]*)/g)];
  return parts.map(([, ai = '', value = '']) => `${ai}${value}${ai in fixedLength ? '' : GROUP_SEPARATOR}`).join('');
}
