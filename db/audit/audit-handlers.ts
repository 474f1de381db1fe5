// Handlers for reading and verifying the audit log.
import type { HandlersFor } from '../api/handler-context';
import type { auditMethods } from './audit-contract';
import { auditFacets, listAuditEvents } from './audit-queries';
import { verifyAuditChain } from './verify-audit-chain';

export const auditHandlers: HandlersFor<typeof auditMethods> = {
  'audit.list': (ctx, filter) => listAuditEvents(ctx.db, filter),
  'audit.facets': (ctx) => auditFacets(ctx.db),
  'audit.verify': (ctx) => ({ ...verifyAuditChain(ctx.db), checkedAt: ctx.nowIso }),
};
