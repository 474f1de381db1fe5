// Writes one audit bundle ZIP from a read snapshot of the clinic file: CSV stage (each log streamed to a temp
// file), PDF, docs, signed manifest, then the ZIP; the finished ZIP is linked into place without overwriting.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, linkSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readChainHead } from '../audit/audit-log';
import { instantOfLocal } from '../clinic/business-time';
import { readClinicProfile } from '../clinic/clinic-store';
import { auditEventsFileName, writeAuditEventsCsv, type AuditSliceResult } from './audit-events-csv';
import { startAuditEventsWorker, type AuditEventsWorker } from './audit-events-worker';
import { bundleDocuments } from './bundle-docs';
import type { BundleRequest, ExportStage } from './exports-contract';
import { publicKeyFingerprint, type ClinicKeyStores } from './key-store';
import { writeLogCsv, type FormatContext, type LogFileResult } from './log-csv';
import type { RangeParams } from './log-definition';
import { resolveExportLogs } from './log-registry';
import {
  bundleFormat,
  checkpointText,
  manifestJsonName,
  manifestJsonText,
  manifestTxtName,
  manifestTxtText,
  signManifest,
  signText,
  type BundleManifest,
  type Checkpoint,
  type ManifestFile,
} from './manifest';
import { renderReportPdf } from './pdf-report';
import { Pseudonymiser } from './pseudonyms';
import { ZipFileWriter } from './zip-writer';

export interface BundleAuthor {
  staffId: number | null;
  name: string;
  role: string;
  via: 'app' | 'cli';
}

export interface BundleProgress {
  stage: ExportStage;
  done: number;
  total: number;
  percent: number;
}

export interface WrittenBundle {
  filePath: string;
  fileName: string;
  sizeBytes: number;
  fileSha256: string;
  manifestSha256: string;
  manifest: BundleManifest;
  containsPhi: boolean;
  /** Chart numbers in the bundle (originals): the patients of an accounting-of-disclosures entry. */
  chartNumbers: string[];
}

export interface WriteBundleOptions {
  dbPath: string;
  appVersion: string;
  keys: ClinicKeyStores;
  request: BundleRequest;
  author: BundleAuthor;
  exportId: string;
  outPath: string;
  now: () => Date;
  signal?: AbortSignal;
  onProgress?: (progress: BundleProgress) => void;
  /** Rows of each log the PDF prints (the CSV holds all). */
  pdfRowLimit?: number;
}

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; its partial files were deleted.');
    this.name = 'ExportCancelledError';
  }
}

/** The output path or folder is not usable: nothing was written. */
export class ExportTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportTargetError';
  }
}

export const defaultPdfRowLimit = 200;

/** A file that already exists is refused, never replaced; the folder must exist and be writable. */
export function assertExportTarget(outPath: string): void {
  if (existsSync(outPath)) throw new ExportTargetError(`${outPath} already exists; choose a new file name (nothing is ever overwritten).`);
  const dir = dirname(outPath);
  if (!existsSync(dir)) throw new ExportTargetError(`The folder ${dir} does not exist.`);
  if (!statSync(dir).isDirectory()) throw new ExportTargetError(`${dir} is a file, not a folder.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new ExportTargetError(`Clinic Ops cannot write into ${dir} (permission denied); choose another folder.`);
  }
}

/** The temp folder sits beside the output, so the finished ZIP is linked in place on the same disk. */
function makeWorkDir(dir: string): string {
  try {
    return mkdtempSync(join(dir, '.clinic-ops-export-'));
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new ExportTargetError(`Clinic Ops cannot write into ${dir} (${code}); choose another folder.`);
  }
}

export function defaultBundleFileName(from: string, to: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `clinic-ops-audit-${from}-to-${to}-${stamp}.zip`;
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function rangeParams(from: string, to: string, timeZone: string): RangeParams {
  return {
    from,
    to,
    fromInstant: instantOfLocal(from, '00:00', timeZone).toISOString(),
    toInstant: instantOfLocal(nextDate(to), '00:00', timeZone).toISOString(),
  };
}

/** Every chart number the file holds, so de-identification can find them in free text and JSON too. */
function knownChartNumbers(db: Database.Database): string[] {
  const tables = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]));
  const sources = ['sessions', 'consents', 'good_faith_estimates', 'packages', 'payments', 'disclosure_patients'].filter((t) => tables.has(t));
  if (sources.length === 0) return [];
  return db.prepare(sources.map((t) => `SELECT chart_number FROM ${t}`).join(' UNION ')).pluck().all() as string[];
}

/** Links the finished ZIP into place; `link` and `COPYFILE_EXCL` both refuse an existing file. */
function placeWithoutOverwrite(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') throw new ExportTargetError(`${to} appeared while the export ran; it was not overwritten.`);
    // File systems without hard links (FAT and exFAT USB drives) get a copy.
    try {
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as { code?: string }).code === 'EEXIST') throw new ExportTargetError(`${to} appeared while the export ran; it was not overwritten.`);
      throw copyError;
    }
  }
}

const stageShare: Record<ExportStage, [number, number]> = {
  preparing: [0, 2],
  csv: [2, 80],
  pdf: [80, 85],
  zip: [85, 99],
  recording: [99, 100],
  done: [100, 100],
};

export async function writeAuditBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const { request, author, outPath, signal } = options;
  const pdfRowLimit = options.pdfRowLimit ?? defaultPdfRowLimit;
  const report = (stage: ExportStage, done: number, total: number) => {
    const [start, end] = stageShare[stage];
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    options.onProgress?.({ stage, done, total, percent: Math.round((start + (end - start) * fraction) * 10) / 10 });
  };
  const pause = async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new ExportCancelledError();
  };

  assertExportTarget(outPath);
  report('preparing', 0, 1);
  // exports.start answers before any reading starts.
  await pause();
  const workDir = makeWorkDir(dirname(outPath));
  let snapshot: Database.Database | null = null;
  let zip: ZipFileWriter | null = null;
  let auditWorker: AuditEventsWorker | null = null;
  try {
    // A second, read-only connection in one read transaction: every log comes from the same moment, and the
    // app keeps writing through its own connection meanwhile (WAL lets a reader and a writer work together).
    snapshot = new Database(options.dbPath, { readonly: true, fileMustExist: true });
    snapshot.pragma('busy_timeout = 5000');
    snapshot.exec('BEGIN');
    const head = readChainHead(snapshot);
    const clinic = readClinicProfile(snapshot);
    if (!clinic) throw new Error('The clinic is not set up yet: there is nothing to export.');
    const range = rangeParams(request.from, request.to, clinic.timeZone);
    const generatedAt = options.now().toISOString();
    const signing = options.keys.signing.loadOrCreate();
    const fingerprint = publicKeyFingerprint(signing.publicKeyPem);
    const ctx: FormatContext = {
      pseudonymiser: request.deidentify ? new Pseudonymiser(options.keys.pseudonym.loadOrCreate(), knownChartNumbers(snapshot)) : null,
      chartNumbers: new Set<string>(),
    };
    const logs = resolveExportLogs(snapshot, { isDeidentified: request.deidentify, includeInjuryIdentities: request.includeInjuryIdentities });
    // Counted first so the progress bar knows its end; each count is an indexed range scan.
    let rowTotal = head.eventCount;
    for (const log of logs) {
      rowTotal += snapshot.prepare(log.countSql).pluck().get(range) as number;
      await pause();
    }
    let rowsDone = 0;
    const hooks = {
      pdfRowLimit,
      onRows: (count: number) => {
        rowsDone += count;
        report('csv', rowsDone, rowTotal);
      },
      pause,
    };

    const written: LogFileResult[] = [];
    const auditPath = join(workDir, auditEventsFileName);
    // audit_events.csv is written on a second core meanwhile (a de-identified slice needs the pseudonym key: here).
    auditWorker = request.deidentify ? null : startAuditEventsWorker({ dbPath: options.dbPath, params: range, head, path: auditPath, pdfRowLimit }, hooks.onRows);
    for (const log of logs) written.push(await writeLogCsv(snapshot, log, range, join(workDir, log.fileName), ctx, hooks));
    const audit: AuditSliceResult = (await auditWorker?.result()) ?? (await writeAuditEventsCsv(snapshot, range, head, auditPath, ctx, hooks));
    auditWorker = null;
    written.push(audit);
    snapshot.exec('COMMIT');
    snapshot.close();
    snapshot = null;

    report('pdf', 0, 1);
    const generatedBy = author.via === 'cli' ? `${author.name} (command line)` : `${author.name} (${author.role.replace('_', ' ')})`;
    const pdf = await renderReportPdf({
      clinicName: clinic.name,
      clinicAddress: clinic.address,
      from: request.from,
      to: request.to,
      generatedAt,
      generatedBy,
      appVersion: options.appVersion,
      exportId: options.exportId,
      isDeidentified: request.deidentify,
      includeInjuryIdentities: request.includeInjuryIdentities,
      purpose: request.purpose,
      recipient: request.recipient || null,
      chain: { eventCount: head.eventCount, headHash: head.headHash, verifiedAtExport: audit.chainAtExport },
      publicKeyFingerprint: fingerprint,
      logs: written,
      pdfRowLimit,
    });
    await pause();

    const checkpoint: Checkpoint = { clinicId: clinic.clinicId, eventCount: head.eventCount, headHash: head.headHash, at: generatedAt };
    const checkpointJson = checkpointText(checkpoint);
    const checkpointSignature = signText(signing, checkpointJson);
    const docs = bundleDocuments({
      pdf,
      logs,
      written,
      clinicName: clinic.name,
      from: request.from,
      to: request.to,
      generatedAt,
      isDeidentified: request.deidentify,
      publicKeyPem: signing.publicKeyPem,
      publicKeyFingerprint: fingerprint,
      eventCount: head.eventCount,
      headHash: head.headHash,
      checkpointJson,
      checkpointSignature,
    });
    const files: ManifestFile[] = [
      ...written.map((w) => ({ name: w.fileName, sha256: w.sha256, sizeBytes: w.sizeBytes, rows: w.rows, description: w.title })),
      ...docs.map((d) => ({ name: d.name, sha256: createHash('sha256').update(d.content).digest('hex'), sizeBytes: d.content.length, description: d.description })),
    ];
    const containsPhi = !request.deidentify && ctx.chartNumbers.size > 0;
    const manifest = signManifest(signing, {
      format: bundleFormat,
      exportId: options.exportId,
      clinic: { clinicId: clinic.clinicId, name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
      range: { from: range.from, to: range.to, fromInstant: range.fromInstant, toInstant: range.toInstant },
      generatedAt,
      generatedBy: { staffId: author.staffId, name: author.name, role: author.role, via: author.via },
      appVersion: options.appVersion,
      options: {
        isDeidentified: request.deidentify,
        includeInjuryIdentities: request.includeInjuryIdentities,
        purpose: request.purpose,
        recipient: request.recipient || null,
      },
      auditChain: {
        eventCount: head.eventCount,
        headHash: head.headHash,
        sliceFirstSeq: audit.firstSeq,
        sliceLastSeq: audit.lastSeq,
        eventsInRange: audit.inRangeCount,
        redactedEvents: audit.redactedCount,
        isRecomputable: audit.redactedCount === 0,
        verifiedAtExport: audit.chainAtExport,
      },
      patientCount: ctx.chartNumbers.size,
      checkpoint,
      checkpointSignature,
      publicKeyFingerprint: fingerprint,
      files,
    });
    const manifestJson = Buffer.from(manifestJsonText(manifest), 'utf8');
    const manifestSha256 = createHash('sha256').update(manifestJson).digest('hex');
    const manifestTxt = Buffer.from(manifestTxtText([...files, { name: manifestJsonName, sha256: manifestSha256 }]), 'utf8');

    const zipTotal = files.reduce((sum, f) => sum + f.sizeBytes, 0) + manifestJson.length + manifestTxt.length;
    let zipDone = 0;
    const onBytes = (count: number) => {
      zipDone += count;
      report('zip', zipDone, zipTotal);
    };
    const partialPath = join(workDir, basename(outPath));
    zip = new ZipFileWriter(partialPath, new Date(generatedAt));
    for (const w of written) {
      await zip.add(w.fileName, join(workDir, w.fileName), { onBytes, signal });
      await pause();
    }
    for (const d of docs) await zip.add(d.name, d.content, { onBytes, signal });
    await zip.add(manifestJsonName, manifestJson, { onBytes, signal });
    await zip.add(manifestTxtName, manifestTxt, { onBytes, signal });
    const finished = zip.finish();
    zip = null;
    if (signal?.aborted) throw new ExportCancelledError();
    placeWithoutOverwrite(partialPath, outPath);
    return {
      filePath: outPath,
      fileName: basename(outPath),
      sizeBytes: finished.sizeBytes,
      fileSha256: finished.sha256,
      manifestSha256,
      manifest,
      containsPhi,
      chartNumbers: containsPhi ? [...ctx.chartNumbers] : [],
    };
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError' || signal?.aborted) throw new ExportCancelledError();
    throw error;
  } finally {
    await auditWorker?.stop();
    zip?.close();
    if (snapshot?.open) {
      if (snapshot.inTransaction) snapshot.exec('ROLLBACK');
      snapshot.close();
    }
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Deletes a bundle that was written but could not be recorded (the export then failed as a whole). */
export function removeBundle(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
