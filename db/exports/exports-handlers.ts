// Handlers for audit bundles and the accounting of disclosures.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ApiError, invalidInput, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { clinicToday } from '../clinic/clinic-store';
import { cancelExport, createBundle, exportProgress, startExportJob } from './export-jobs';
import { findExportRecord, insertDisclosure, listDisclosures, listExportRecords } from './export-store';
import { maxChunkBytes, type BundleRequest, type exportMethods } from './exports-contract';

/** The privacy-case list names injured employees (1904.29(b)(6)); only a manager may send it out. */
function checkBundleRequest(ctx: HandlerContext, request: BundleRequest): void {
  const actor = requireActor(ctx);
  if (request.includeInjuryIdentities && actor.role !== 'manager') {
    throw new ApiError('forbidden', 'Only a manager may include who was injured; the injury log itself is exported without names.', 'includeInjuryIdentities');
  }
}

function readChunk(path: string, offset: number): { data: Buffer; sizeBytes: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw notFound(`The bundle file is no longer at ${path}.`, 'exportId');
  }
  try {
    const sizeBytes = fstatSync(fd).size;
    if (offset > sizeBytes) throw invalidInput(`is past the end of the bundle (${sizeBytes} bytes)`, 'offset');
    const data = Buffer.alloc(Math.min(maxChunkBytes, sizeBytes - offset));
    let done = 0;
    while (done < data.length) {
      const read = readSync(fd, data, done, data.length - done, offset + done);
      if (read === 0) break;
      done += read;
    }
    return { data: data.subarray(0, done), sizeBytes };
  } finally {
    closeSync(fd);
  }
}

export const exportHandlers: HandlersFor<typeof exportMethods> = {
  'exports.createBundle': async (ctx, input) => {
    checkBundleRequest(ctx, input);
    const record = await createBundle(ctx.env, requireActor(ctx), input);
    if (!record) throw new ApiError('internal', 'The export finished without a record.');
    return record;
  },

  'exports.start': (ctx, input) => {
    checkBundleRequest(ctx, input);
    const job = startExportJob(ctx.env, requireActor(ctx), input);
    return { exportId: job.view.exportId };
  },

  'exports.progress': (ctx, input) => {
    const progress = exportProgress(ctx.env, input.exportId);
    if (!progress) throw notFound(`There is no export ${input.exportId}.`, 'exportId');
    return progress;
  },

  'exports.cancel': async (ctx, input) => {
    const progress = await cancelExport(ctx.env, input.exportId);
    if (!progress) throw notFound(`There is no export ${input.exportId}.`, 'exportId');
    return progress;
  },

  'exports.readChunk': (ctx, input) => {
    const record = findExportRecord(ctx.db, input.exportId);
    if (!record) throw notFound(`There is no finished export ${input.exportId}.`, 'exportId');
    if (record.status !== 'done') throw ruleViolation(`Export ${input.exportId} ${record.status === 'failed' ? 'failed' : 'was cancelled'}; it has no file.`, 'exportId');
    const { data, sizeBytes } = readChunk(record.filePath, input.offset);
    const end = input.offset + data.length;
    return {
      exportId: input.exportId,
      offset: input.offset,
      length: data.length,
      sizeBytes,
      dataBase64: data.toString('base64'),
      nextOffset: end < sizeBytes ? end : null,
    };
  },

  'exports.list': (ctx, input) => listExportRecords(ctx.db, input.limit),

  'disclosures.record': (ctx, input) => {
    const actor = requireActor(ctx);
    if (input.disclosedOn > clinicToday(ctx.db, ctx.now)) throw ruleViolation('must not be in the future', 'disclosedOn');
    let exportRowId: number | null = null;
    if (input.exportId) {
      const record = findExportRecord(ctx.db, input.exportId);
      if (!record) throw notFound(`There is no export ${input.exportId}.`, 'exportId');
      exportRowId = record.id;
    }
    const view = insertDisclosure(ctx.db, {
      disclosedOn: input.disclosedOn,
      recipientName: input.recipientName,
      recipientAddress: input.recipientAddress,
      purpose: input.purpose,
      phiDescription: input.phiDescription,
      legalBasis: input.legalBasis,
      chartNumbers: input.chartNumbers,
      exportRowId,
      recordedAt: ctx.nowIso,
      recordedBy: actor.staffId,
    });
    ctx.audit({ action: 'create', entityType: 'disclosure', entityId: view.id, after: { ...view, chartNumbers: [...new Set(input.chartNumbers)].sort() } });
    return view;
  },

  'disclosures.list': (ctx, input) => listDisclosures(ctx.db, input),
};
