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

const needsQuotes = /[",\r\n]/;
const doubleQuote = /"/g;

/**
 * One CSV record from cells already made text, ending in CRLF. The million-row logs of an audit bundle go
 * through this instead of csv-stringify, whose per-field option handling encoded 1 M audit-like rows in 10-12 s
 * against under 3 s here (issue 7 measures the CSV stage against `sqlite3 -csv`); csv.test.ts proves, over
 * generated cells, that the output is byte-identical to toCsv's (csv-stringify with the same options), so the
 * library still defines the format.
 */
export function csvRecord(cells: readonly string[]): string {
  return `${csvFields(cells)}\r\n`;
}

/** The fields of a record without its line end, for a record written in pieces (audit_events.csv). */
export function csvFields(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) {
    if (i > 0) line += ',';
    line += csvCell(cells[i] as string);
  }
  return line;
}

/** One field: quoted, with its quotes doubled, when it holds a quote, comma, CR or LF. */
export function csvCell(cell: string): string {
  return needsQuotes.test(cell) ? `"${cell.replace(doubleQuote, '""')}"` : cell;
}

/** The cell as text, neutralised as toCsv does (numbers as JavaScript prints them). */
export function neutralisedText(value: CsvCell): string {
  const cell = neutraliseCell(value);
  return typeof cell === 'number' ? String(cell) : cell;
}

/** Cents as decimal dollars for CSV ("1234" → "12.34"), exact for integers. */
export function dollars(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
