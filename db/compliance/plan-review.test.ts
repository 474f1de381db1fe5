import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { auditEvents, insertSessionRow, openComplianceClinic, recordSession, rowCounts, signInAs, type ComplianceClinic } from './compliance-test-helpers';

let clinic: ComplianceClinic;
beforeEach(async () => {
  clinic = await openComplianceClinic();
});
afterEach(() => clinic.close());

function review(overrides: Partial<MethodInput<'compliance.recordPlanReview'>> = {}): MethodInput<'compliance.recordPlanReview'> {
  return {
    reviewedOn: '2026-02-20',
    reviewer: 'Morgan Manager',
    changes: 'Added point-of-use containers on the treatment carts; updated the exposure determination for the new aide position.',
    saferDevicesConsidered: 'Single-needle guide-tube packs (adopted); one-handed closing containers (adopted); no engineered-safety filiform needle is on the market.',
    isFrontlineConsulted: true,
    frontlineNames: 'Priya Raman (PT), Marcus Lee (PT)',
    ...overrides,
  };
}

describe('exposure control plan reviews', () => {
  it('refuses a review that says frontline staff were consulted without naming them, writing nothing', async () => {
    const before = rowCounts(clinic.env.db, ['ecp_reviews', 'audit_events']);
    expect(await dispatch(clinic.env, 'compliance.recordPlanReview', review({ frontlineNames: '' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'frontlineNames' },
    });
    expect(await dispatch(clinic.env, 'compliance.recordPlanReview', review({ saferDevicesConsidered: ' ' }))).toMatchObject({ ok: false, error: { field: 'saferDevicesConsidered' } });
    expect(rowCounts(clinic.env.db, ['ecp_reviews', 'audit_events'])).toEqual(before);
  });

  it("shows the year's sharps injuries per 1,000 recorded needling sessions beside the review", async () => {
    for (const sessionDate of ['2026-02-02', '2026-02-03', '2026-02-04']) await recordSession(clinic, { sessionDate });
    const voided = await recordSession(clinic, { sessionDate: '2026-02-05' });
    await clinic.call('sessions.void', { id: voided.id, reason: 'duplicate entry' });
    // Before the fixture's stock and consents existed: written directly.
    insertSessionRow(clinic.env.db, { date: '2025-12-30', therapistId: clinic.therapistId });
    await clinic.call('compliance.recordInjury', {
      occurredOn: '2026-02-03',
      occurredTime: '11:00',
      deviceType: 'filiform_dry_needle',
      workArea: 'Room 1',
      howItHappened: 'Recapping a guide tube.',
      employeeStaffId: clinic.therapistId,
    });
    const recorded = await clinic.call('compliance.recordPlanReview', review());
    expect(recorded.rate).toEqual({ year: 2026, injuries: 1, sessions: 3, per1000Sessions: 333.33 });
    expect(recorded).toMatchObject({ retainUntil: '2032-02-20', flags: [] });
    const overview = await clinic.call('compliance.listPlanReviews', {});
    expect(overview).toMatchObject({ lastReviewedOn: '2026-02-20', nextDueOn: '2027-02-20', currentYear: { year: 2026, sessions: 3 } });
    const last = await clinic.call('compliance.recordPlanReview', review({ reviewedOn: '2025-02-20', isFrontlineConsulted: false }));
    expect(last.rate).toEqual({ year: 2025, injuries: 0, sessions: 1, per1000Sessions: 0 });
    expect(last.flags[0]).toMatch(/Frontline staff were not consulted/);
  });

  it('is due a year after the last review: overdue with none, due soon within 30 days, and voided reviews do not count', async () => {
    const planItems = async () => (await clinic.call('compliance.calendar', {})).items.filter((i) => i.kind === 'plan_review_due');
    expect(await planItems()).toMatchObject([{ severity: 'overdue', title: 'Exposure control plan review: none on record', link: { area: 'plan-reviews' } }]);
    const old = await clinic.call('compliance.recordPlanReview', review({ reviewedOn: '2025-03-15' }));
    expect(await planItems()).toMatchObject([{ severity: 'due_soon', dueOn: '2026-03-15' }]);
    const fresh = await clinic.call('compliance.recordPlanReview', review({ reviewedOn: '2026-03-01' }));
    expect(await planItems()).toEqual([]);
    await clinic.call('compliance.voidPlanReview', { id: fresh.id, reason: 'draft saved by mistake' });
    expect(await planItems()).toMatchObject([{ dueOn: '2026-03-15' }]);
    expect(auditEvents(clinic.env.db, 'ecp_review').map((e) => e.action)).toEqual(['create', 'create', 'void']);
    expect(old.isVoided).toBe(false);
  });

  it('is readable by all staff (the plan is accessible to employees) but written by managers only', async () => {
    await clinic.call('compliance.recordPlanReview', review());
    await signInAs(clinic, 'front_desk');
    expect((await clinic.call('compliance.listPlanReviews', {})).reviews).toHaveLength(1);
    expect(await dispatch(clinic.env, 'compliance.recordPlanReview', review())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
