// Streams one log's rows from SQLite into its CSV file: formatting by column type, de-identification,
// totals for the report, and the first rows the PDF prints. Yields to the event loop as it goes.
import type { Database } from 'better-sqlite3';
import { csvCell, csvRecord, dollars, neutralisedText } from './csv';
import { HashingFileWriter } from './csv-file-writer';
import type { ColumnDef, LogTotal, RangeParams, ResolvedLog } from './log-definition';
import type { Pseudonymiser } from './pseudonyms';

/** Rows between two yields to the event loop: a few milliseconds of work, so other calls are answered. */
const rowsPerYield = 4000;

export interface FormatContext {
  /** Set in a de-identified bundle. */
  pseudonymiser: Pseudonymiser | null;
  /** Every chart number written (before pseudonymising): counts patients for the accounting of disclosures. */
  chartNumbers: Set<string>;
}

export interface StageHooks {
  /** Called every `rowsPerYield` rows and at the end with the rows since the last call. */
  onRows(count: number): void;
  /** Lets other work run; throws when the export was cancelled. */
  pause(): Promise<void>;
}

export interface TotalResult {
  label: string;
  value: string;
}

export interface LogFileResult {
  name: string;
  fileName: string;
  title: string;
  rows: number;
  sizeBytes: number;
  sha256: string;
  totals: TotalResult[];
  /** The PDF's columns and the first rows of them, already formatted as in the CSV. */
  pdfHeader: string[];
  pdfRows: string[][];
}

type Formatter = (value: unknown) => string;

function listText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  try {
    const items = JSON.parse(value) as unknown;
    return Array.isArray(items) ? items.map(String).join('; ') : value;
  } catch {
    return value;
  }
}

export function formatterFor(type: ColumnDef['type'], ctx: FormatContext): Formatter {
  const ps = ctx.pseudonymiser;
  const asNumber: Formatter = (v) => (v === null || v === undefined ? '' : String(v));
  switch (type) {
    case 'int':
    case 'real':
    case 'staff':
      return asNumber;
    case 'money':
      return (v) => dollars(v as number | null);
    case 'bool':
      return (v) => (v === null || v === undefined ? '' : v ? 'yes' : 'no');
    case 'chart':
      return (v) => {
        if (v === null || v === undefined) return '';
        const chart = String(v);
        ctx.chartNumbers.add(chart);
        return ps ? ps.chart(chart) : neutralisedText(chart);
      };
    case 'json':
      return (v) => (v === null || v === undefined ? '' : neutralisedText(ps ? ps.json(String(v)).text : String(v)));
    case 'list':
      return (v) => neutralisedText(ps ? ps.text(listText(v)) : listText(v));
    case 'free_text':
      return (v) => (v === null || v === undefined ? '' : neutralisedText(ps ? ps.text(String(v)) : String(v)));
    default:
      return (v) => (v === null || v === undefined ? '' : neutralisedText(v as string));
  }
}

/**
 * How a cell is written on the fast path, which gives exactly what `csvCell(formatterFor(type)(value))` gives
 * for the value types a STRICT column holds (a number in a number column, text in a text column, null);
 * any other value, and every column a pseudonymiser rewrites, goes through the formatter.
 */
const enum CellKind {
  Number,
  Money,
  Bool,
  Text,
  Chart,
  Formatter,
}

function cellKindOf(type: ColumnDef['type'], ctx: FormatContext): CellKind {
  switch (type) {
    case 'int':
    case 'real':
    case 'staff':
      return CellKind.Number;
    case 'money':
      return CellKind.Money;
    case 'bool':
      return CellKind.Bool;
    case 'chart':
      return ctx.pseudonymiser ? CellKind.Formatter : CellKind.Chart;
    case 'list':
      return CellKind.Formatter;
    case 'json':
    case 'free_text':
      return ctx.pseudonymiser ? CellKind.Formatter : CellKind.Text;
    default:
      return CellKind.Text;
  }
}

const plainNumber = /^-?\d+(\.\d+)?$/;

/** neutralisedText for a string, testing the first character before any pattern: most cells start with neither. */
function neutralisedString(value: string): string {
  const first = value.charCodeAt(0);
  // = + @ TAB CR always; - unless the whole cell is a plain number such as a refund "-12.50".
  if (first === 61 || first === 43 || first === 64 || first === 9 || first === 13 || (first === 45 && !plainNumber.test(value))) return `'${value}`;
  return value;
}

/** One CSV record (with CRLF) of a row, as csvRecord(cells formatted by `formatters`) gives it, in one pass. */
function encodeRow(raw: readonly unknown[], kinds: readonly CellKind[], formatters: readonly Formatter[], chartNumbers: Set<string>): string {
  let line = '';
  for (let i = 0; i < kinds.length; i += 1) {
    if (i > 0) line += ',';
    const value = raw[i];
    const kind = kinds[i];
    if (kind !== CellKind.Formatter) {
      if (value === null) continue;
      if (typeof value === 'number') {
        if (kind === CellKind.Number) {
          line += value;
          continue;
        }
        if (kind === CellKind.Money) {
          line += dollars(value);
          continue;
        }
        if (kind === CellKind.Bool) {
          line += value ? 'yes' : 'no';
          continue;
        }
      } else if (typeof value === 'string' && (kind === CellKind.Text || kind === CellKind.Chart)) {
        if (kind === CellKind.Chart) chartNumbers.add(value);
        line += csvCell(neutralisedString(value));
        continue;
      }
    }
    line += csvCell(formatters[i]!(value));
  }
  return `${line}\r\n`;
}

/** Accumulates a log's totals from raw values (cents stay integers until printed). */
class Totals {
  private readonly sums: number[];
  private readonly specs: Array<{ total: LogTotal; valueAt: number; whenAt: number; isMoney: boolean }>;

  constructor(totals: readonly LogTotal[], columns: readonly ColumnDef[]) {
    const at = (name: string | undefined) => (name === undefined ? -1 : columns.findIndex((c) => c.name === name));
    this.specs = totals
      .map((total) => ({ total, valueAt: at(total.column), whenAt: at(total.when?.column), isMoney: columns[at(total.column)]?.type === 'money' }))
      // A total over a column this file lacks is left out with the column.
      .filter((s) => (s.total.kind === 'count' || s.valueAt >= 0) && (s.total.when === undefined || s.whenAt >= 0));
    this.sums = this.specs.map(() => 0);
  }

  add(row: readonly unknown[]): void {
    for (let i = 0; i < this.specs.length; i += 1) {
      const spec = this.specs[i]!;
      const when = spec.total.when;
      if (when) {
        const value = row[spec.whenAt];
        if (when.equals !== undefined && value !== when.equals) continue;
        if (when.notEquals !== undefined && value === when.notEquals) continue;
      }
      this.sums[i]! += spec.total.kind === 'count' ? 1 : Number(row[spec.valueAt] ?? 0);
    }
  }

  results(): TotalResult[] {
    return this.specs.map((s, i) => ({ label: s.total.label, value: s.isMoney ? `$${dollars(this.sums[i])}` : String(this.sums[i]) }));
  }
}

/**
 * Counts a stage's rows for the progress bar: every `rowsPerYield` rows it reports them and returns the pause to
 * await (nothing otherwise, so a row costs no promise); `finish` reports the rest.
 */
export class RowProgress {
  private sinceReport = 0;

  constructor(private readonly hooks: StageHooks) {}

  row(): Promise<void> | undefined {
    if (++this.sinceReport < rowsPerYield) return undefined;
    this.hooks.onRows(this.sinceReport);
    this.sinceReport = 0;
    return this.hooks.pause();
  }

  finish(): void {
    this.hooks.onRows(this.sinceReport);
    this.sinceReport = 0;
  }
}

export async function writeLogCsv(
  db: Database,
  log: ResolvedLog,
  params: RangeParams,
  path: string,
  ctx: FormatContext,
  hooks: StageHooks & { pdfRowLimit: number },
): Promise<LogFileResult> {
  const formatters = log.columns.map((c) => formatterFor(c.type, ctx));
  const kinds = log.columns.map((c) => cellKindOf(c.type, ctx));
  const pdfColumnIndexes = log.log.pdfColumns.map((name) => log.columns.findIndex((c) => c.name === name)).filter((i) => i >= 0);
  const totals = new Totals(log.log.totals ?? [], log.columns);
  const pdfRows: string[][] = [];
  const writer = new HashingFileWriter(path);
  let rows = 0;
  const progress = new RowProgress(hooks);
  try {
    writer.write(`\uFEFF${csvRecord(log.columns.map((c) => c.name))}`);
    const statement = db.prepare(log.sql).raw(true);
    const cells: string[] = new Array<string>(formatters.length);
    for (const raw of statement.iterate(params) as IterableIterator<unknown[]>) {
      if (pdfRows.length < hooks.pdfRowLimit) {
        for (let i = 0; i < formatters.length; i += 1) cells[i] = formatters[i]!(raw[i]);
        writer.write(csvRecord(cells));
        pdfRows.push(pdfColumnIndexes.map((i) => cells[i] ?? ''));
      } else writer.write(encodeRow(raw, kinds, formatters, ctx.chartNumbers));
      totals.add(raw);
      rows += 1;
      const pause = progress.row();
      if (pause) await pause;
    }
    progress.finish();
    const written = writer.close();
    return {
      name: log.name,
      fileName: log.fileName,
      title: log.log.title,
      rows,
      ...written,
      totals: totals.results(),
      pdfHeader: pdfColumnIndexes.map((i) => log.columns[i]?.name ?? ''),
      pdfRows,
    };
  } finally {
    writer.abandon();
  }
}
