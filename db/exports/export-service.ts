// Runs one export end to end for the app or the command line: writes the bundle, then records it in the
// export log with its audit event (and, when patient data leaves the clinic, its accounting-of-disclosures
// entry) in one transaction. Failed and cancelled attempts are recorded too.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Actor, AppEnvironment } from '../api/handler-context';
import { appendAuditEvent } from '../audit/audit-log';
import { clinicToday } from '../clinic/clinic-store';
import { assertExportTarget, defaultBundleFileName, ExportCancelledError, removeBundle, writeAuditBundle, type BundleProgress, type WrittenBundle } from './export-bundle';
import { insertDisclosure, insertExportRecord } from './export-store';
import type { BundleRequest, ExportRecordView } from './exports-contract';
import { clinicKeyStores } from './key-store';

export interface RunExportOptions {
  exportId: string;
  /** Null from the command line, which whoever can read the clinic file may run. */
  actor: Actor | null;
  via: 'app' | 'cli';
  request: BundleRequest;
  /** Where the ZIP goes; by default `<dataDir>/exports/<generated name>`. */
  outPath?: string;
  /** The name recorded for a command-line export (the operating-system user). */
  cliUser?: string;
  signal?: AbortSignal;
  onProgress?: (progress: BundleProgress) => void;
  pdfRowLimit?: number;
}

export function exportsDir(dbPath: string): string {
  return join(dirname(dbPath), 'exports');
}

const now = (env: AppEnvironment) => (env.clock ?? (() => new Date()))();

/** Where an export will be written; the target is checked before any work or record. */
export function exportTarget(env: AppEnvironment, options: Pick<RunExportOptions, 'outPath' | 'request'>): string {
  if (options.outPath) {
    assertExportTarget(options.outPath);
    return options.outPath;
  }
  const dir = exportsDir(env.dbPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removeAbandonedWorkDirs(dir, now(env));
  const name = defaultBundleFileName(options.request.from, options.request.to, now(env));
  // Two exports of the same range in the same second get -2, -3, ...: an existing bundle is never replaced.
  let path = join(dir, name);
  for (let n = 2; existsSync(path); n += 1) path = join(dir, name.replace(/\.zip$/, `-${n}.zip`));
  return path;
}

/** Work folders of an export that died with the app (a crash, a power cut); a day old is surely not running. */
function removeAbandonedWorkDirs(dir: string, at: Date): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('.clinic-ops-export-')) continue;
    const path = join(dir, name);
    try {
      if (at.getTime() - statSync(path).mtimeMs > 24 * 3600_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: the next export tries again.
    }
  }
}

function describePhi(bundle: WrittenBundle, request: BundleRequest): string {
  const phiFiles = bundle.manifest.files.filter((f) => /^(sessions|session_amendments|consents|good_faith_estimates|packages|package_uses|payments|lot_recall_traces|mdr_evaluations|day_closes|disclosure_patients)\.csv$/.test(f.name));
  return (
    `Audit bundle ${bundle.fileName} for ${request.from} to ${request.to}: chart numbers of ${bundle.chartNumbers.length} patients with ` +
    `${phiFiles.map((f) => f.name.replace(/\.csv$/, '').replace(/_/g, ' ')).join(', ')}, and the audit events of the range.`
  );
}

export async function runExport(env: AppEnvironment, options: RunExportOptions): Promise<ExportRecordView> {
  const { request, actor } = options;
  const outPath = exportTarget(env, options);
  const startedAt = now(env).toISOString();
  const author = actor
    ? { staffId: actor.staffId, name: actor.name, role: actor.role, via: options.via }
    : { staffId: null, name: options.cliUser ?? 'command line', role: 'command line', via: options.via };
  const base = {
    exportUuid: options.exportId,
    filePath: outPath,
    fileName: basename(outPath),
    from: request.from,
    to: request.to,
    isDeidentified: request.deidentify,
    includeInjuryIdentities: request.includeInjuryIdentities,
    purpose: request.purpose,
    recipient: request.recipient || null,
    createdBy: actor?.staffId ?? null,
    createdVia: options.via,
    startedAt,
  };

  let bundle: WrittenBundle | null = null;
  try {
    bundle = await writeAuditBundle({
      dbPath: env.dbPath,
      appVersion: env.appVersion,
      keys: clinicKeyStores(env),
      request,
      author,
      exportId: options.exportId,
      outPath,
      now: () => now(env),
      signal: options.signal,
      onProgress: options.onProgress,
      pdfRowLimit: options.pdfRowLimit,
    });
    options.onProgress?.({ stage: 'recording', done: 0, total: 1, percent: 99 });
    const written = bundle;
    const record = recordExport(env, actor, {
      ...base,
      status: 'done',
      error: null,
      containsPhi: written.containsPhi,
      sizeBytes: written.sizeBytes,
      fileSha256: written.fileSha256,
      manifestSha256: written.manifestSha256,
      chainEventCount: written.manifest.auditChain.eventCount,
      chainHeadHash: written.manifest.auditChain.headHash,
      disclosure:
        request.recipient && written.containsPhi
          ? { recipient: request.recipient, legalBasis: request.legalBasis, description: describePhi(written, request), chartNumbers: written.chartNumbers }
          : null,
    });
    options.onProgress?.({ stage: 'done', done: 1, total: 1, percent: 100 });
    return record;
  } catch (error) {
    // A bundle that is not in the export log must not stay on disk looking finished.
    if (bundle) removeBundle(bundle.filePath);
    const isCancelled = error instanceof ExportCancelledError;
    try {
      recordExport(env, actor, {
        ...base,
        status: isCancelled ? 'cancelled' : 'failed',
        error: isCancelled ? null : (error as Error).message.slice(0, 500),
        containsPhi: false,
        sizeBytes: null,
        fileSha256: null,
        manifestSha256: null,
        chainEventCount: null,
        chainHeadHash: null,
        disclosure: null,
      });
    } catch (recordError) {
      console.error('[clinic-ops] could not record the failed export:', recordError);
    }
    throw error;
  }
}

type RecordInput = Omit<Parameters<typeof insertExportRecord>[1], 'finishedAt'> & {
  disclosure: null | { recipient: string; legalBasis: BundleRequest['legalBasis']; description: string; chartNumbers: string[] };
};

/** The export row, its audit event and any disclosure commit together (one IMMEDIATE transaction). */
function recordExport(env: AppEnvironment, actor: Actor | null, input: RecordInput): ExportRecordView {
  const at = now(env).toISOString();
  const meta = { actorStaffId: actor?.staffId ?? null, deviceId: env.deviceId, at };
  const { disclosure, ...row } = input;
  return env.db
    .transaction(() => {
      const record = insertExportRecord(env.db, { ...row, finishedAt: at });
      appendAuditEvent(
        env.db,
        {
          action: row.status === 'done' ? 'export' : `export_${row.status}`,
          entityType: 'export',
          entityId: row.exportUuid,
          after: {
            fileName: row.fileName,
            from: row.from,
            to: row.to,
            deidentify: row.isDeidentified,
            includeInjuryIdentities: row.includeInjuryIdentities,
            purpose: row.purpose,
            recipient: row.recipient,
            via: row.createdVia,
            status: row.status,
            error: row.error,
            sizeBytes: row.sizeBytes,
            fileSha256: row.fileSha256,
            manifestSha256: row.manifestSha256,
            chainEventCount: row.chainEventCount,
            chainHeadHash: row.chainHeadHash,
          },
        },
        meta,
      );
      if (disclosure) {
        const view = insertDisclosure(env.db, {
          disclosedOn: clinicToday(env.db, new Date(at)),
          recipientName: disclosure.recipient,
          recipientAddress: '',
          purpose: row.purpose,
          phiDescription: disclosure.description,
          legalBasis: disclosure.legalBasis,
          chartNumbers: disclosure.chartNumbers,
          exportRowId: record.id,
          recordedAt: at,
          recordedBy: actor?.staffId ?? null,
        });
        appendAuditEvent(env.db, { action: 'create', entityType: 'disclosure', entityId: view.id, after: { ...view, exportId: row.exportUuid } }, meta);
      }
      return record;
    })
    .immediate();
}
