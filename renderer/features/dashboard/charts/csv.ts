// CSV text for spreadsheets: UTF-8 BOM (so Excel reads accents), CRLF rows, RFC 4180 quoting, and text cells
// that a spreadsheet would run as a formula neutralised with a leading apostrophe (OWASP CSV injection). Pure.

export type CsvCell = string | number | null | undefined;

/** Text starting with one of these is a formula (or a DDE trigger) to Excel, LibreOffice and Sheets. */
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers stay numbers: a negative amount is data, not a formula, and must sum in the spreadsheet.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function buildCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name from a title and range: "sessions-by-kind_2025-12-01_2026-11-29.csv". */
export function exportFileName(title: string, from: string, to: string, extension: 'csv' | 'png'): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'chart'}_${from}_${to}.${extension}`;
}
