// SQL for the export log and the accounting of disclosures (tables of migration 0007).
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../audit/canonical-json';
import { statementsFor } from '../sql/statement-cache';
import type { DisclosureView, ExportRecordView, LegalBasis } from './exports-contract';

interface ExportRow {
  id: number;
  export_uuid: string;
  file_name: string;
  file_path: string;
  range_from: string;
  range_to: string;
  options_json: string;
  purpose: string;
  recipient: string | null;
  is_deidentified: number;
  contains_phi: number;
  status: 'done' | 'failed' | 'cancelled';
  error: string | null;
  size_bytes: number | null;
  file_sha256: string | null;
  manifest_sha256: string | null;
  chain_event_count: number | null;
  chain_head_hash: string | null;
  created_by: number | null;
  created_by_name: string | null;
  created_via: 'app' | 'cli';
  started_at: string;
  finished_at: string;
}

export interface NewExportRecord {
  exportUuid: string;
  fileName: string;
  filePath: string;
  from: string;
  to: string;
  isDeidentified: boolean;
  includeInjuryIdentities: boolean;
  purpose: string;
  recipient: string | null;
  containsPhi: boolean;
  status: 'done' | 'failed' | 'cancelled';
  error: string | null;
  sizeBytes: number | null;
  fileSha256: string | null;
  manifestSha256: string | null;
  chainEventCount: number | null;
  chainHeadHash: string | null;
  createdBy: number | null;
  createdVia: 'app' | 'cli';
  startedAt: string;
  finishedAt: string;
}

export interface NewDisclosure {
  disclosedOn: string;
  recipientName: string;
  recipientAddress: string;
  purpose: string;
  phiDescription: string;
  legalBasis: LegalBasis;
  chartNumbers: readonly string[];
  exportRowId: number | null;
  recordedAt: string;
  recordedBy: number | null;
}

interface DisclosureRow {
  id: number;
  disclosed_on: string;
  recipient_name: string;
  recipient_address: string;
  purpose: string;
  phi_description: string;
  legal_basis: LegalBasis;
  chart_number_count: number;
  export_uuid: string | null;
  recorded_at: string;
  recorded_by_name: string | null;
}

const exportColumns = `e.*, (SELECT s.name FROM staff s WHERE s.id = e.created_by) AS created_by_name`;
const disclosureColumns = `d.id, d.disclosed_on, d.recipient_name, d.recipient_address, d.purpose, d.phi_description, d.legal_basis,
  d.chart_number_count, (SELECT e.export_uuid FROM exports e WHERE e.id = d.export_id) AS export_uuid, d.recorded_at,
  (SELECT s.name FROM staff s WHERE s.id = d.recorded_by) AS recorded_by_name`;

const statements = statementsFor((db) => ({
  insertExport: db.prepare(
    `INSERT INTO exports (export_uuid, file_name, file_path, range_from, range_to, options_json, purpose, recipient, is_deidentified,
       contains_phi, status, error, size_bytes, file_sha256, manifest_sha256, chain_event_count, chain_head_hash, created_by, created_via,
       started_at, finished_at)
     VALUES (@exportUuid, @fileName, @filePath, @from, @to, @optionsJson, @purpose, @recipient, @isDeidentified, @containsPhi, @status,
       @error, @sizeBytes, @fileSha256, @manifestSha256, @chainEventCount, @chainHeadHash, @createdBy, @createdVia, @startedAt, @finishedAt)`,
  ),
  exportByUuid: db.prepare<[string], ExportRow>(`SELECT ${exportColumns} FROM exports e WHERE e.export_uuid = ?`),
  listExports: db.prepare<[number], ExportRow>(`SELECT ${exportColumns} FROM exports e ORDER BY e.finished_at DESC, e.id DESC LIMIT ?`),
  insertDisclosure: db.prepare(
    `INSERT INTO disclosures (disclosed_on, recipient_name, recipient_address, purpose, phi_description, legal_basis, chart_number_count,
       export_id, recorded_at, recorded_by)
     VALUES (@disclosedOn, @recipientName, @recipientAddress, @purpose, @phiDescription, @legalBasis, @chartNumberCount, @exportRowId,
       @recordedAt, @recordedBy)`,
  ),
  insertDisclosurePatient: db.prepare('INSERT OR IGNORE INTO disclosure_patients (disclosure_id, chart_number) VALUES (?, ?)'),
  disclosureById: db.prepare<[number], DisclosureRow>(`SELECT ${disclosureColumns} FROM disclosures d WHERE d.id = ?`),
  listDisclosures: db.prepare<{ from: string; to: string; chartNumber: string | null }, DisclosureRow>(
    `SELECT ${disclosureColumns} FROM disclosures d
     WHERE d.disclosed_on BETWEEN @from AND @to
       AND (@chartNumber IS NULL OR EXISTS (SELECT 1 FROM disclosure_patients p WHERE p.disclosure_id = d.id AND p.chart_number = @chartNumber))
     ORDER BY d.disclosed_on DESC, d.id DESC`,
  ),
}));

function toExportView(row: ExportRow): ExportRecordView {
  const options = JSON.parse(row.options_json) as { includeInjuryIdentities?: boolean };
  return {
    id: row.id,
    exportId: row.export_uuid,
    fileName: row.file_name,
    filePath: row.file_path,
    from: row.range_from,
    to: row.range_to,
    isDeidentified: row.is_deidentified === 1,
    includeInjuryIdentities: options.includeInjuryIdentities === true,
    purpose: row.purpose,
    recipient: row.recipient,
    containsPhi: row.contains_phi === 1,
    status: row.status,
    error: row.error,
    sizeBytes: row.size_bytes,
    fileSha256: row.file_sha256,
    manifestSha256: row.manifest_sha256,
    chainEventCount: row.chain_event_count,
    chainHeadHash: row.chain_head_hash,
    createdById: row.created_by,
    createdByName: row.created_by_name,
    createdVia: row.created_via,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function toDisclosureView(row: DisclosureRow): DisclosureView {
  return {
    id: row.id,
    disclosedOn: row.disclosed_on,
    recipientName: row.recipient_name,
    recipientAddress: row.recipient_address,
    purpose: row.purpose,
    phiDescription: row.phi_description,
    legalBasis: row.legal_basis,
    chartNumberCount: row.chart_number_count,
    exportId: row.export_uuid,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
  };
}

export function insertExportRecord(db: Database, record: NewExportRecord): ExportRecordView {
  statements(db).insertExport.run({
    ...record,
    optionsJson: canonicalJson({ deidentify: record.isDeidentified, includeInjuryIdentities: record.includeInjuryIdentities }),
    isDeidentified: record.isDeidentified ? 1 : 0,
    containsPhi: record.containsPhi ? 1 : 0,
  });
  return findExportRecord(db, record.exportUuid) as ExportRecordView;
}

export function findExportRecord(db: Database, exportUuid: string): ExportRecordView | null {
  const row = statements(db).exportByUuid.get(exportUuid);
  return row ? toExportView(row) : null;
}

export function listExportRecords(db: Database, limit: number): ExportRecordView[] {
  return statements(db).listExports.all(limit).map(toExportView);
}

export function insertDisclosure(db: Database, disclosure: NewDisclosure): DisclosureView {
  const s = statements(db);
  const uniqueCharts = [...new Set(disclosure.chartNumbers)];
  const { lastInsertRowid } = s.insertDisclosure.run({ ...disclosure, chartNumberCount: uniqueCharts.length });
  const id = Number(lastInsertRowid);
  for (const chart of uniqueCharts) s.insertDisclosurePatient.run(id, chart);
  return toDisclosureView(s.disclosureById.get(id) as DisclosureRow);
}

export function listDisclosures(db: Database, filter: { from?: string | undefined; to?: string | undefined; chartNumber?: string | undefined }): DisclosureView[] {
  return statements(db)
    .listDisclosures.all({ from: filter.from ?? '0000-01-01', to: filter.to ?? '9999-12-31', chartNumber: filter.chartNumber ?? null })
    .map(toDisclosureView);
}
