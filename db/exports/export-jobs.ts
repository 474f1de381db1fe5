// Exports running in the background of one app environment: start returns at once, progress is polled, cancel
// stops the work and deletes the partial files. In memory only; finished exports are in the export log.
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../api/errors';
import type { Actor, AppEnvironment } from '../api/handler-context';
import { ExportCancelledError, ExportTargetError } from './export-bundle';
import { runExport } from './export-service';
import { findExportRecord } from './export-store';
import type { BundleRequest, ExportProgressView } from './exports-contract';

interface ExportJob {
  view: ExportProgressView;
  controller: AbortController;
  /** Settles when the job has finished and recorded itself; never rejects. */
  settled: Promise<void>;
  failure: unknown;
}

const jobsByEnvironment = new WeakMap<AppEnvironment, Map<string, ExportJob>>();
/** Finished jobs kept for progress calls; older ones answer from the export log. */
const keptFinishedJobs = 20;

function jobsOf(env: AppEnvironment): Map<string, ExportJob> {
  let jobs = jobsByEnvironment.get(env);
  if (!jobs) {
    jobs = new Map();
    jobsByEnvironment.set(env, jobs);
  }
  return jobs;
}

function forgetOldJobs(jobs: Map<string, ExportJob>): void {
  const finished = [...jobs.entries()].filter(([, job]) => job.view.state !== 'running');
  for (const [id] of finished.slice(0, Math.max(0, finished.length - keptFinishedJobs))) jobs.delete(id);
}

/** Maps an export failure to the API's error shape. */
export function exportFailure(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ExportCancelledError) return new ApiError('conflict', error.message);
  if (error instanceof ExportTargetError) return new ApiError('rule_violation', error.message, 'out');
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC') return new ApiError('storage_full', 'The disk ran out of space while writing the bundle; its partial files were deleted.');
  return new ApiError('internal', `The export failed: ${(error as Error).message ?? String(error)}. Its partial files were deleted.`);
}

export function startExportJob(env: AppEnvironment, actor: Actor | null, request: BundleRequest, options: { pdfRowLimit?: number } = {}): ExportJob {
  const jobs = jobsOf(env);
  // One at a time: an export reads the whole file and fills a disk; two would only slow each other.
  if ([...jobs.values()].some((job) => job.view.state === 'running')) {
    throw new ApiError('conflict', 'An export is already running; wait for it to finish or cancel it first.');
  }
  forgetOldJobs(jobs);
  const exportId = uuidv7();
  const controller = new AbortController();
  const view: ExportProgressView = { exportId, state: 'running', stage: 'preparing', done: 0, total: 0, percent: 0, fileName: null, error: null, record: null };
  const job: ExportJob = { view, controller, settled: Promise.resolve(), failure: null };
  jobs.set(exportId, job);
  job.settled = runExport(env, {
    exportId,
    actor,
    via: 'app',
    request,
    signal: controller.signal,
    pdfRowLimit: options.pdfRowLimit,
    onProgress: (progress) => Object.assign(view, progress),
  }).then(
    (record) => {
      Object.assign(view, { state: 'done', stage: 'done', percent: 100, fileName: record.fileName, record });
    },
    (error: unknown) => {
      job.failure = error;
      const isCancelled = error instanceof ExportCancelledError;
      // The app may be closing (its connection already shut): the job then ends without its record.
      const record = env.db.open ? findExportRecord(env.db, exportId) : null;
      Object.assign(view, { state: isCancelled ? 'cancelled' : 'failed', error: isCancelled ? null : exportFailure(error).message, record });
    },
  );
  return job;
}

/** Starts an export and waits for it: the command line and tests. */
export async function createBundle(env: AppEnvironment, actor: Actor | null, request: BundleRequest, options: { pdfRowLimit?: number } = {}) {
  const job = startExportJob(env, actor, request, options);
  await job.settled;
  if (job.failure !== null) throw exportFailure(job.failure);
  return job.view.record;
}

export function exportProgress(env: AppEnvironment, exportId: string): ExportProgressView | null {
  const job = jobsOf(env).get(exportId);
  if (job) return { ...job.view };
  const record = findExportRecord(env.db, exportId);
  if (!record) return null;
  return {
    exportId,
    state: record.status,
    stage: 'done',
    done: 0,
    total: 0,
    percent: record.status === 'done' ? 100 : 0,
    fileName: record.fileName,
    error: record.error,
    record,
  };
}

/** Stops a running export and waits until its partial files are gone and the attempt is recorded. */
export async function cancelExport(env: AppEnvironment, exportId: string): Promise<ExportProgressView | null> {
  const job = jobsOf(env).get(exportId);
  if (!job) return exportProgress(env, exportId);
  job.controller.abort();
  await job.settled;
  return { ...job.view };
}
