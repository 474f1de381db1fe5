// CSV files that open cleanly in Excel and LibreOffice: UTF-8 with BOM, CRLF, a header row, and cells that
// could start a formula neutralised (OWASP CSV injection guidance).
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
/** A signed decimal such as a refund "-12.50" is data, not a formula. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/** Prefixes a text cell that a spreadsheet would read as a formula with an apostrophe. Numbers stay numbers. */
export function neutraliseCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (plainNumber.test(value)) return value;
  return formulaStart.test(value) ? `'${value}` : value;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: { bom?: boolean } = {}): string {
  const records: Array<Array<string | number>> = [header.map(neutraliseCell)];
  for (const row of rows) records.push(row.map(neutraliseCell));
  const body = stringify(records, { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
  return (options.bom ?? true ? '\uFEFF' : '') + body;
}

/** Cents as decimal dollars for CSV ("1234" → "12.34"), exact for integers. */
export function dollars(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
