// API methods for audit bundles (start, progress, cancel, download, list) and the accounting of disclosures.
// Pure: shared with the renderer.
import { z } from 'zod';
import { businessDate, optionalText, requiredText } from '../api/common-schemas';
import { method, task } from '../api/define-method';
import { managersOnly, oversight } from '../api/roles';

export const legalBases = ['public_health_164_512b', 'required_by_law', 'health_oversight', 'other'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const exportStates = ['running', 'done', 'failed', 'cancelled'] as const;
export type ExportState = (typeof exportStates)[number];
export const exportStages = ['preparing', 'csv', 'pdf', 'zip', 'recording', 'done'] as const;
export type ExportStage = (typeof exportStages)[number];

/** Most a readChunk call returns: 4 MB of the ZIP, about 5.3 MB as base64 over either transport. */
export const maxChunkBytes = 4 * 1024 * 1024;

export const bundleRequestSchema = z
  .strictObject({
    from: businessDate,
    to: businessDate,
    /** Chart numbers replaced by keyed pseudonyms everywhere in the bundle. */
    deidentify: z.boolean().default(false),
    /** The confidential sharps-injury privacy-case list (who was injured); managers only. */
    includeInjuryIdentities: z.boolean().default(false),
    purpose: requiredText(300),
    /** Who receives it; with patient data in the bundle, the export is recorded as a disclosure (164.528). */
    recipient: z.string().trim().max(300, 'must be at most 300 characters').optional(),
    legalBasis: z.enum(legalBases).default('other'),
  })
  .refine((r) => r.from <= r.to, { message: 'must not be after the end date', path: ['from'] });

export type BundleRequestInput = z.input<typeof bundleRequestSchema>;
export type BundleRequest = z.output<typeof bundleRequestSchema>;

export const exportIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an export id');

export interface ExportRecordView {
  id: number;
  exportId: string;
  fileName: string;
  filePath: string;
  from: string;
  to: string;
  isDeidentified: boolean;
  includeInjuryIdentities: boolean;
  purpose: string;
  recipient: string | null;
  containsPhi: boolean;
  status: Exclude<ExportState, 'running'>;
  error: string | null;
  sizeBytes: number | null;
  fileSha256: string | null;
  manifestSha256: string | null;
  chainEventCount: number | null;
  chainHeadHash: string | null;
  createdById: number | null;
  createdByName: string | null;
  createdVia: 'app' | 'cli';
  startedAt: string;
  finishedAt: string;
}

export interface ExportProgressView {
  exportId: string;
  state: ExportState;
  stage: ExportStage;
  /** Rows written in the csv stage, bytes compressed in the zip stage. */
  done: number;
  total: number;
  /** 0 to 100 over all stages. */
  percent: number;
  fileName: string | null;
  error: string | null;
  /** The finished export's record (state done, failed or cancelled once recorded). */
  record: ExportRecordView | null;
}

export interface ExportChunk {
  exportId: string;
  offset: number;
  length: number;
  sizeBytes: number;
  dataBase64: string;
  /** Where the next chunk starts; null after the last one. */
  nextOffset: number | null;
}

export interface DisclosureView {
  id: number;
  disclosedOn: string;
  recipientName: string;
  recipientAddress: string;
  purpose: string;
  phiDescription: string;
  legalBasis: LegalBasis;
  chartNumberCount: number;
  exportId: string | null;
  recordedAt: string;
  recordedByName: string | null;
}

export const disclosureInput = z.strictObject({
  disclosedOn: businessDate,
  recipientName: requiredText(200),
  recipientAddress: optionalText(500),
  purpose: requiredText(500),
  phiDescription: requiredText(1000),
  legalBasis: z.enum(legalBases),
  chartNumbers: z.array(requiredText(40)).min(1, 'must name at least one chart number').max(100_000),
  exportId: exportIdSchema.optional(),
});

export const exportMethods = {
  'exports.createBundle': task<ExportRecordView>()({
    input: bundleRequestSchema,
    roles: oversight,
    summary: 'Writes an audit bundle ZIP for a date range and waits for it (the command line and tests; the app uses exports.start).',
  }),
  'exports.start': task<{ exportId: string }>()({
    input: bundleRequestSchema,
    roles: oversight,
    summary: 'Starts writing an audit bundle in the background and returns its id at once; follow it with exports.progress.',
  }),
  'exports.progress': method<ExportProgressView>()({
    input: z.strictObject({ exportId: exportIdSchema }),
    kind: 'read',
    roles: oversight,
    summary: 'Stage, rows or bytes done, and percent of an export; its record once finished.',
  }),
  'exports.cancel': task<ExportProgressView>()({
    input: z.strictObject({ exportId: exportIdSchema }),
    roles: oversight,
    summary: 'Stops a running export and deletes its partial files; the attempt stays in the export log.',
  }),
  'exports.readChunk': method<ExportChunk>()({
    input: z.strictObject({ exportId: exportIdSchema, offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
    kind: 'read',
    roles: oversight,
    summary: 'Up to 4 MB of a finished bundle ZIP as base64, so the renderer can download it over either transport.',
  }),
  'exports.list': method<ExportRecordView[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    kind: 'read',
    roles: oversight,
    summary: 'Past exports, newest first, finished, failed or cancelled.',
  }),
  'disclosures.record': method<DisclosureView>()({
    input: disclosureInput,
    kind: 'write',
    roles: managersOnly,
    summary: 'Records a disclosure of patient information (HIPAA accounting, 45 CFR 164.528): date, recipient, purpose, what was sent.',
  }),
  'disclosures.list': method<DisclosureView[]>()({
    input: z
      .strictObject({ from: businessDate.optional(), to: businessDate.optional(), chartNumber: z.string().trim().min(1).max(40).optional() })
      .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be after the end date', path: ['from'] }),
    kind: 'read',
    roles: oversight,
    summary: "The accounting of disclosures, newest first; with a chart number, that patient's own accounting.",
  }),
};
