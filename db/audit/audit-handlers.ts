// Handlers for reading and verifying the audit log.
import type { HandlersFor } from '../api/handler-context';
import type { auditMethods } from './audit-contract';
import { auditFacets, listAuditEvents } from './audit-queries';
import { existsSync } from 'node:fs';
import { verifyAuditChain, verifyAuditChainOfFile } from './verify-audit-chain';

export const auditHandlers: HandlersFor<typeof auditMethods> = {
  'audit.list': (ctx, filter) => listAuditEvents(ctx.db, filter),
  'audit.facets': (ctx) => auditFacets(ctx.db),
  'audit.verify': async (ctx) => {
    if (!existsSync(ctx.env.dbPath)) return { ...verifyAuditChain(ctx.db), checkedAt: ctx.nowIso };
    const { threads: _threads, ...report } = await verifyAuditChainOfFile(ctx.env.dbPath);
    return { ...report, checkedAt: ctx.nowIso };
  },
};
