import { describe, expect, it } from 'vitest';
import { cashDifference, checkPayNow, toCloseDayInput, toPaymentInput, toRefundInput, toSellPackageInput, toSetPriceInput } from './revenue-forms';

describe('checkPayNow', () => {
  it('plans a card payment of the price', () => {
    expect(checkPayNow({ mode: 'pay', method: 'card', amount: '65.00', packageId: '' }, 6500)).toEqual({ ok: true, plan: { kind: 'pay', method: 'card', amountCents: 6500 } });
  });
  it('refuses more than the price, a blank amount and a missing package', () => {
    expect(checkPayNow({ mode: 'pay', method: 'cash', amount: '70', packageId: '' }, 6500)).toEqual({ ok: false, fieldErrors: { 'payment.amountCents': 'must not be more than the price of the visit ($65.00)' } });
    expect(checkPayNow({ mode: 'pay', method: 'cash', amount: '', packageId: '' }, 6500)).toMatchObject({ ok: false, fieldErrors: { 'payment.amountCents': expect.any(String) } });
    expect(checkPayNow({ mode: 'package', method: 'cash', amount: '', packageId: '' }, 6500)).toEqual({ ok: false, fieldErrors: { packageId: 'choose the package' } });
  });
  it('allows a partial payment, a package visit, or paying later', () => {
    expect(checkPayNow({ mode: 'pay', method: 'hsa_fsa', amount: '20', packageId: '' }, 6500)).toMatchObject({ ok: true, plan: { amountCents: 2000 } });
    expect(checkPayNow({ mode: 'package', method: 'card', amount: '', packageId: '7' }, 6500)).toEqual({ ok: true, plan: { kind: 'package', packageId: 7 } });
    expect(checkPayNow({ mode: 'later', method: 'card', amount: 'x', packageId: '' }, 6500)).toEqual({ ok: true, plan: { kind: 'later' } });
  });
});

describe('toPaymentInput and toRefundInput', () => {
  it('maps typed dollars to cents within the balance', () => {
    expect(toPaymentInput({ sessionId: 3, method: 'check', amount: '40', paidOn: '2026-11-29', note: '', afterCloseReason: '' }, 6500)).toEqual({
      ok: true,
      input: { sessionId: 3, method: 'check', amountCents: 4000, paidOn: '2026-11-29', note: '', afterCloseReason: '' },
    });
    expect(toPaymentInput({ sessionId: 3, method: 'check', amount: '66', paidOn: '2026-11-29', note: '', afterCloseReason: '' }, 6500)).toMatchObject({ ok: false, fieldErrors: { amountCents: expect.stringContaining('$65.00') } });
  });
  it('limits a refund to what is left of the payment and requires a reason', () => {
    expect(toRefundInput({ paymentId: 9, amount: '30', paidOn: '2026-11-29', reason: 'cut short' }, 2500)).toMatchObject({ ok: false, fieldErrors: { amountCents: 'must not be more than what is left to refund ($25.00)' } });
    expect(toRefundInput({ paymentId: 9, amount: '25', paidOn: '2026-11-29', reason: '' }, 2500)).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(toRefundInput({ paymentId: 9, amount: '25', paidOn: '2026-11-29', reason: 'cut short' }, 2500)).toMatchObject({ ok: true, input: { amountCents: 2500 } });
  });
});

describe('prices, packages and the daily close', () => {
  it('maps a new price', () => {
    expect(toSetPriceInput({ effectiveFrom: '2027-01-01', price: '70' })).toEqual({ ok: true, input: { effectiveFrom: '2027-01-01', priceCents: 7000 } });
    expect(toSetPriceInput({ effectiveFrom: '2027-13-01', price: '70' })).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: expect.any(String) } });
  });
  it('maps a package sale with its first payment, never more than the price', () => {
    const values = { chartNumber: 'CH-1', name: '5 visits', visitsTotal: '5', price: '275', soldOn: '2026-11-29', isPaidNow: true, paymentMethod: 'card' as const, paymentAmount: '275' };
    expect(toSellPackageInput(values)).toEqual({
      ok: true,
      input: { chartNumber: 'CH-1', name: '5 visits', visitsTotal: 5, priceCents: 27500, soldOn: '2026-11-29', payment: { method: 'card', amountCents: 27500 } },
    });
    expect(toSellPackageInput({ ...values, paymentAmount: '300' })).toMatchObject({ ok: false, fieldErrors: { 'payment.amountCents': expect.any(String) } });
    expect(toSellPackageInput({ ...values, visitsTotal: '1' })).toMatchObject({ ok: false, fieldErrors: { visitsTotal: 'a package holds at least 2 visits' } });
    expect(toSellPackageInput({ ...values, isPaidNow: false })).toMatchObject({ ok: true, input: { payment: null } });
  });
  it('detects a cash drawer mismatch', () => {
    expect(cashDifference(12000, '120')).toEqual({ countedCents: 12000, differenceCents: 0, isMismatch: false });
    expect(cashDifference(12000, '115.50')).toEqual({ countedCents: 11550, differenceCents: -450, isMismatch: true });
    expect(cashDifference(12000, 'abc')).toBeNull();
  });
  it('maps the close with the cash counted, 0 allowed', () => {
    expect(toCloseDayInput({ date: '2026-11-29', cashCounted: '0', note: '' })).toEqual({ ok: true, input: { date: '2026-11-29', cashCountedCents: 0, note: '' } });
    expect(toCloseDayInput({ date: '2026-11-29', cashCounted: '', note: '' })).toMatchObject({ ok: false, fieldErrors: { cashCountedCents: expect.any(String) } });
  });
});
