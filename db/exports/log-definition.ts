// How an area declares one log of the audit bundle: its rows for a date range as SQL, and every column
// with its type and meaning (the types drive CSV formatting, de-identification and the data dictionary).
import type { Database } from 'better-sqlite3';

export type ColumnType =
  /** Whole number, written as is. */
  | 'int'
  /** Decimal number, written as JavaScript prints it. */
  | 'real'
  /** Text a program wrote (codes, names of things). */
  | 'text'
  /** Text a person typed; in a de-identified bundle chart numbers inside it are replaced. */
  | 'free_text'
  /** Business date YYYY-MM-DD in the clinic's time zone. */
  | 'date'
  /** UTC instant, ISO-8601 with milliseconds and Z. */
  | 'instant'
  /** Local time of day HH:MM. */
  | 'time'
  /** Integer cents in the file, decimal dollars in the CSV (negative for money out). */
  | 'money'
  /** 0/1 in the file, yes/no in the CSV. */
  | 'bool'
  /** A patient chart number (PHI); replaced by its pseudonym in a de-identified bundle. */
  | 'chart'
  /** Canonical JSON text; chart numbers inside it are replaced in a de-identified bundle. */
  | 'json'
  /** A JSON array of codes in the file, written as codes separated by "; ". */
  | 'list'
  /** A staff member's id. */
  | 'staff'
  /** A SHA-256 written as 64 lowercase hex digits. */
  | 'hash';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  description: string;
  /** SQL expression giving the value; default `t.<name>`, a column of the log's main table. */
  sql?: string;
  /** A column of the main table the expression reads; without it in the file the column is left out. */
  requires?: string;
}

/** The range every log is cut by: business dates, and the UTC instants where those dates begin and end locally. */
export interface RangeParams {
  from: string;
  to: string;
  /** Local midnight starting `from`, as UTC ISO. */
  fromInstant: string;
  /** Local midnight after `to` (exclusive), as UTC ISO. */
  toInstant: string;
}

export interface LogOptions {
  isDeidentified: boolean;
  includeInjuryIdentities: boolean;
}

export interface LogTotal {
  label: string;
  kind: 'count' | 'sum';
  /** The column summed (kind 'sum'); money columns print as dollars. */
  column?: string;
  /** Only rows whose column equals (or differs from) the value count. */
  when?: { column: string; equals?: string | number; notEquals?: string | number };
}

export interface ExportLog {
  /** The CSV's file name without `.csv`. */
  name: string;
  title: string;
  /** The area that owns the rows (inventory, sessions, revenue, staff, compliance, exports). */
  area: string;
  /** What one row is and which rows the range selects: printed in the data dictionary and the report. */
  description: string;
  /** Tables that must exist for the log to be in a bundle (areas land at different times). */
  tables: string[];
  /** `FROM` clause; the main table is aliased `t`. */
  from: string;
  /**
   * A cheaper `FROM` for counting the rows (the progress bar's total), leaving out joins that only add columns:
   * each row of the main table has exactly one partner there, by a NOT NULL foreign key. The count must stay exact.
   */
  countFrom?: string;
  where: string;
  orderBy: string;
  columns: ColumnDef[];
  /** Also export columns of the main table that `columns` does not describe yet (schemas still changing). */
  includeUndescribedColumns?: boolean;
  /** Columns of the main table never exported (secrets such as PIN hashes). */
  excludedColumns?: string[];
  /** The columns the PDF report prints (the CSV holds all of them). */
  pdfColumns: string[];
  totals?: LogTotal[];
  isIncluded?: (options: LogOptions) => boolean;
}

/** A log as it applies to one clinic file: columns that exist there, and its SQL. */
export interface ResolvedLog {
  log: ExportLog;
  name: string;
  fileName: string;
  columns: ColumnDef[];
  sql: string;
  countSql: string;
  containsPhi: boolean;
}

function mainTable(log: ExportLog): string {
  return log.tables[0] ?? '';
}

function tableColumns(db: Database, table: string): Array<{ name: string; type: string }> {
  return db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as Array<{ name: string; type: string }>;
}

/** Text of a column nobody has described yet is treated as typed by staff, so de-identification scrubs it. */
function typeOfDeclared(declared: string): ColumnType {
  const upper = declared.toUpperCase();
  if (upper.includes('INT')) return 'int';
  if (upper.includes('REAL')) return 'real';
  return 'free_text';
}

/** Null when a table the log needs is missing from this file; otherwise its columns and SQL. */
export function resolveLog(db: Database, log: ExportLog): ResolvedLog | null {
  const existing = new Set(
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')`).all() as Array<{ name: string }>).map((r) => r.name),
  );
  if (!log.tables.every((t) => existing.has(t))) return null;
  const present = tableColumns(db, mainTable(log));
  const presentNames = new Set(present.map((c) => c.name));
  const excluded = new Set(log.excludedColumns ?? []);
  // A described column of the main table that this file's schema lacks is left out rather than failing the export.
  const columns = log.columns.filter((c) => (c.requires !== undefined ? presentNames.has(c.requires) : c.sql !== undefined || presentNames.has(c.name)));
  if (log.includeUndescribedColumns) {
    const described = new Set(log.columns.map((c) => c.name));
    for (const c of present) {
      if (described.has(c.name) || excluded.has(c.name)) continue;
      columns.push({ name: c.name, type: typeOfDeclared(c.type), description: '(not yet described by its area)' });
    }
  }
  const select = columns.map((c) => `${c.sql ?? `t.${c.name}`} AS "${c.name}"`).join(',\n  ');
  return {
    log,
    name: log.name,
    fileName: `${log.name}.csv`,
    columns,
    sql: `SELECT ${select}\nFROM ${log.from}\nWHERE ${log.where}\nORDER BY ${log.orderBy}`,
    countSql: `SELECT count(*) FROM ${log.countFrom ?? log.from} WHERE ${log.where}`,
    containsPhi: columns.some((c) => c.type === 'chart'),
  };
}

/** `(SELECT name FROM staff ...)` for a staff id column: names read better than ids in an audit. */
export function staffName(idSql: string): string {
  return `(SELECT s.name FROM staff s WHERE s.id = ${idSql})`;
}

/** A staff id column followed by a column with that person's name. */
export function staffColumns(name: string, description: string, idSql = `t.${name}`): ColumnDef[] {
  const requires = idSql === `t.${name}` ? name : undefined;
  return [
    { name, type: 'staff', description: `${description} (staff id; see staff.csv)`, sql: idSql, requires },
    { name: `${name}_name`, type: 'text', description: `Name of ${description.charAt(0).toLowerCase()}${description.slice(1)}`, sql: staffName(idSql), requires },
  ];
}
