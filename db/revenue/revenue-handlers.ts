// Handlers for prices, good-faith estimates, payments, packages, the daily close and revenue reports.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { readChainHead } from '../audit/audit-log';
import { addDays } from '../clinic/business-time';
import { clinicToday, readClinicProfile } from '../clinic/clinic-store';
import { clinicKeyStores, publicKeyFingerprint } from '../exports/key-store';
import { checkpointText, signText } from '../exports/manifest';
import { assertNotFuture } from '../inventory/stock-ledger';
import { findSessionRow, toSessionView } from '../sessions/sessions-store';
import { payWithPackage, recordPayment, refundPayment, sellPackage, voidPayment } from './payment-records';
import type { DayCloseSummary, DayCloseView, revenueMethods } from './revenue-contract';
import { dayCloseSummary, listPackages, listPayments, listPrices, outstanding, revenueSeries } from './revenue-queries';

function readDayClose(ctx: HandlerContext, date: string): DayCloseView {
  const closed = ctx.db
    .prepare(
      `SELECT d.closed_at, s.name AS closed_by_name, d.cash_counted_cents, d.cash_expected_cents, d.note, d.summary_json,
              d.chain_event_count, d.chain_head_hash, d.checkpoint_json, d.checkpoint_signature, d.signing_key_fingerprint
       FROM day_closes d JOIN staff s ON s.id = d.closed_by WHERE d.business_date = ?`,
    )
    .get(date) as
    | {
        closed_at: string;
        closed_by_name: string;
        cash_counted_cents: number;
        cash_expected_cents: number;
        note: string;
        summary_json: string;
        chain_event_count: number;
        chain_head_hash: string;
        checkpoint_json: string;
        checkpoint_signature: string;
        signing_key_fingerprint: string;
      }
    | undefined;
  return {
    summary: dayCloseSummary(ctx.db, date),
    closed: closed
      ? {
          closedAt: closed.closed_at,
          closedByName: closed.closed_by_name,
          cashCountedCents: closed.cash_counted_cents,
          cashExpectedCents: closed.cash_expected_cents,
          note: closed.note,
          chainEventCount: closed.chain_event_count,
          chainHeadHash: closed.chain_head_hash,
          checkpointJson: closed.checkpoint_json,
          checkpointSignature: closed.checkpoint_signature,
          signingKeyFingerprint: closed.signing_key_fingerprint,
          summaryAtClose: JSON.parse(closed.summary_json) as DayCloseSummary,
        }
      : null,
  };
}

export const revenueHandlers: HandlersFor<typeof revenueMethods> = {
  'revenue.listPrices': (ctx) => listPrices(ctx.db),

  'revenue.setPrice': (ctx, input) => {
    const actor = requireActor(ctx);
    const existing = listPrices(ctx.db).find((p) => p.effectiveFrom === input.effectiveFrom);
    if (existing) throw new ApiError('conflict', `A price already starts on ${input.effectiveFrom}; choose another date.`, 'effectiveFrom');
    const id = Number(
      ctx.db
        .prepare("INSERT INTO prices (session_kind, effective_from, price_cents, recorded_at, recorded_by) VALUES ('self_pay', ?, ?, ?, ?)")
        .run(input.effectiveFrom, input.priceCents, ctx.nowIso, actor.staffId).lastInsertRowid,
    );
    ctx.audit({ action: 'create', entityType: 'price', entityId: id, after: input });
    return listPrices(ctx.db);
  },

  'revenue.recordGoodFaithEstimate': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.givenOn, 'givenOn');
    const validUntil = input.validUntil ?? addDays(input.givenOn, 365);
    if (validUntil < input.givenOn) throw ruleViolation('The estimate cannot end before it was given.', 'validUntil');
    const id = Number(
      ctx.db
        .prepare('INSERT INTO good_faith_estimates (chart_number, given_on, amount_cents, valid_until, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.chartNumber, input.givenOn, input.amountCents, validUntil, ctx.nowIso, actor.staffId).lastInsertRowid,
    );
    ctx.audit({ action: 'create', entityType: 'good_faith_estimate', entityId: id, after: { ...input, validUntil } });
    return { id };
  },

  'revenue.recordPayment': (ctx, input) => recordPayment(ctx, input),

  'revenue.payWithPackage': (ctx, input) => {
    payWithPackage(ctx, input.sessionId, input.packageId);
    const row = findSessionRow(ctx.db, input.sessionId);
    if (!row) throw notFound(`There is no session #${input.sessionId}.`, 'sessionId');
    return toSessionView(row);
  },

  'revenue.sellPackage': (ctx, input) => sellPackage(ctx, input),
  'revenue.refund': (ctx, input) => refundPayment(ctx, input),
  'revenue.voidPayment': (ctx, input) => voidPayment(ctx, input.paymentId, input.reason),
  'revenue.listPayments': (ctx, input) => listPayments(ctx.db, input.from, input.to),
  'revenue.listPackages': (ctx, input) => listPackages(ctx.db, input.chartNumber),
  'revenue.outstanding': (ctx) => outstanding(ctx.db),
  'revenue.dayClose': (ctx, input) => readDayClose(ctx, input.date),

  'revenue.closeDay': (ctx, input) => {
    const actor = requireActor(ctx);
    if (input.date > clinicToday(ctx.db, ctx.now)) throw ruleViolation(`${input.date} has not happened yet; it cannot be closed.`, 'date');
    if (readDayClose(ctx, input.date).closed) throw new ApiError('conflict', `${input.date} is already closed.`, 'date');
    const summary = dayCloseSummary(ctx.db, input.date);
    // The witness is the chain as it stands before this close's own event, signed like an export's checkpoint.
    const head = readChainHead(ctx.db);
    const clinic = readClinicProfile(ctx.db);
    const keys = clinicKeyStores(ctx.env).signing.loadOrCreate();
    const checkpoint = checkpointText({ clinicId: clinic?.clinicId ?? '', eventCount: head.eventCount, headHash: head.headHash, at: ctx.nowIso });
    ctx.db
      .prepare(
        `INSERT INTO day_closes (business_date, closed_at, closed_by, cash_counted_cents, cash_expected_cents, note, summary_json,
           chain_event_count, chain_head_hash, checkpoint_json, checkpoint_signature, signing_key_fingerprint)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.date,
        ctx.nowIso,
        actor.staffId,
        input.cashCountedCents,
        summary.cashExpectedCents,
        input.note,
        JSON.stringify(summary),
        head.eventCount,
        head.headHash,
        checkpoint,
        signText(keys, checkpoint),
        publicKeyFingerprint(keys.publicKeyPem),
      );
    ctx.audit({
      action: 'close_day',
      entityType: 'day_close',
      entityId: input.date,
      after: { cashCountedCents: input.cashCountedCents, cashExpectedCents: summary.cashExpectedCents, chainEventCount: head.eventCount, chainHeadHash: head.headHash },
    });
    return readDayClose(ctx, input.date);
  },

  'revenue.series': (ctx, input) => revenueSeries(ctx.db, input.from, input.to, input.granularity),
};

