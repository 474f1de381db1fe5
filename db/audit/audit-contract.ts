// API methods to read and verify the audit log. Pure: shared with the renderer.
import { z } from 'zod';
import { businessDate, recordId } from '../api/common-schemas';
import { method, task } from '../api/define-method';
import { oversight } from '../api/roles';

export interface AuditEventView {
  seq: number;
  eventId: string;
  at: string;
  actorStaffId: number | null;
  actorName: string | null;
  deviceId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  hash: string;
}

export interface AuditPage {
  events: AuditEventView[];
  /** Pass as `beforeSeq` to get the next (older) page; null on the last page. */
  nextCursor: number | null;
}

export interface AuditChainStatus {
  isIntact: boolean;
  eventCount: number;
  headHash: string;
  firstProblem: null | { seq: number; eventId: string | null; problem: string; message: string };
  checkedAt: string;
}

export const auditListInput = z
  .strictObject({
    from: businessDate.optional(),
    to: businessDate.optional(),
    staffId: recordId.optional(),
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(100).optional(),
    action: z.string().max(60).optional(),
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be after the end date', path: ['from'] });

export const auditMethods = {
  'audit.list': method<AuditPage>()({
    input: auditListInput,
    kind: 'read',
    roles: oversight,
    summary: 'A page of audit events, newest first, filtered by date range, staff, entity and action (keyset paging).',
  }),
  'audit.facets': method<{ entityTypes: string[]; actions: string[] }>()({
    input: z.strictObject({}),
    kind: 'read',
    roles: oversight,
    summary: 'The entity types and actions present in the log, for filter lists.',
  }),
  // A task: a large chain is checked on worker threads while the app keeps answering.
  'audit.verify': task<AuditChainStatus>()({
    input: z.strictObject({}),
    roles: oversight,
    summary: 'Walks the whole hash chain and names the first event that does not match.',
  }),
};
