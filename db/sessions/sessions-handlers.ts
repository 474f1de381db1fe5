// Handlers for sessions, visit kits, consents and session reports.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { findItem } from '../inventory/inventory-store';
import { assertNotFuture } from '../inventory/stock-ledger';
import { refundSessionPayments } from '../revenue/payment-records';
import { activePackagesOf, goodFaithEstimateOn } from '../revenue/revenue-store';
import { clinicToday } from '../clinic/clinic-store';
import { amendSession, recordSession, voidSession } from './session-records';
import type { ChartStatus, sessionMethods } from './sessions-contract';
import { effectivenessReport, listSessions, readSessionDetail, sessionCounts, sessionFormDefaults } from './sessions-queries';
import { consentOn, findConsent, findSessionRow, insertConsent, listKitLines, replaceKit, revokeConsentRow, sessionCountOfChart } from './sessions-store';

function chartStatus(ctx: HandlerContext, chartNumber: string): ChartStatus {
  const today = clinicToday(ctx.db, ctx.now);
  return {
    chartNumber,
    consent: consentOn(ctx.db, chartNumber, today),
    goodFaithEstimate: goodFaithEstimateOn(ctx.db, chartNumber, today),
    packages: activePackagesOf(ctx.db, chartNumber)
      .filter((p) => p.visitsLeft > 0)
      .map(({ id, name, visitsLeft, visitsTotal }) => ({ id, name, visitsLeft, visitsTotal })),
    sessionCount: sessionCountOfChart(ctx.db, chartNumber),
  };
}

export const sessionHandlers: HandlersFor<typeof sessionMethods> = {
  'sessions.record': (ctx, { payment, ...input }) => recordSession(ctx, input, payment),
  'sessions.amend': (ctx, input) => amendSession(ctx, input.id, input.reason, input.session),
  'sessions.void': (ctx, input) =>
    voidSession(ctx, input.id, input.reason, (sessionId) => {
      if (input.refundPayments) refundSessionPayments(ctx, sessionId, input.reason);
    }),
  'sessions.get': (ctx, input) => {
    if (!findSessionRow(ctx.db, input.id)) throw notFound(`There is no session #${input.id}.`, 'id');
    return readSessionDetail(ctx.db, input.id);
  },
  'sessions.list': (ctx, input) => listSessions(ctx.db, input),
  'sessions.formDefaults': (ctx, input) => sessionFormDefaults(ctx.db, input.kind, input.date),
  'sessions.chartStatus': (ctx, input) => chartStatus(ctx, input.chartNumber),
  'sessions.listKits': (ctx) => listKitLines(ctx.db),

  'sessions.setKit': (ctx, input) => {
    const before = listKitLines(ctx.db).filter((l) => l.sessionKind === input.sessionKind);
    const seen = new Set<number>();
    input.lines.forEach((line, i) => {
      const item = findItem(ctx.db, line.itemId);
      if (!item) throw notFound(`There is no stock item #${line.itemId}.`, `lines.${i}.itemId`);
      if (item.kind === 'needle') throw ruleViolation(`${item.name} is a needle; needles are chosen per visit, not in the kit.`, `lines.${i}.itemId`);
      if (seen.has(line.itemId)) throw ruleViolation(`${item.name} is listed twice.`, `lines.${i}.itemId`);
      seen.add(line.itemId);
    });
    replaceKit(ctx.db, input.sessionKind, input.lines);
    const after = listKitLines(ctx.db).filter((l) => l.sessionKind === input.sessionKind);
    ctx.audit({ action: 'update', entityType: 'visit_kit', entityId: input.sessionKind, before, after });
    return listKitLines(ctx.db);
  },

  'sessions.recordConsent': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.signedOn, 'signedOn');
    const id = insertConsent(ctx.db, { ...input, copyGiven: input.copyGiven ? 1 : 0, at: ctx.nowIso, by: actor.staffId });
    ctx.audit({ action: 'create', entityType: 'consent', entityId: id, after: input });
    return chartStatus(ctx, input.chartNumber);
  },

  'sessions.revokeConsent': (ctx, input) => {
    const consent = findConsent(ctx.db, input.consentId);
    if (!consent) throw notFound(`There is no consent #${input.consentId}.`, 'consentId');
    if (consent.revoked_on !== null) throw new ApiError('conflict', `Consent #${input.consentId} was already withdrawn on ${consent.revoked_on}.`, 'consentId');
    if (input.revokedOn < consent.signed_on) throw ruleViolation(`Consent was signed on ${consent.signed_on}; it cannot be withdrawn before that.`, 'revokedOn');
    assertNotFuture(ctx, input.revokedOn, 'revokedOn');
    revokeConsentRow(ctx.db, input.consentId, input.revokedOn, input.reason);
    ctx.audit({ action: 'revoke', entityType: 'consent', entityId: input.consentId, before: { revokedOn: null }, after: { revokedOn: input.revokedOn }, reason: input.reason });
    return chartStatus(ctx, consent.chart_number);
  },

  'sessions.counts': (ctx, input) => sessionCounts(ctx.db, input.from, input.to, input.granularity),
  'sessions.effectiveness': (ctx, input) => effectivenessReport(ctx.db, input),
};
