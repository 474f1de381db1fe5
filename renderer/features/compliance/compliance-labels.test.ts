import { describe, expect, it } from 'vitest';
import type { MdrEvaluationView } from '../../../db/compliance/mdr-contract';
import type { TaskOccurrenceView } from '../../../db/compliance/tasks-contract';
import {
  containerFlagStyles,
  daysFromTo,
  describeDue,
  describeFill,
  describeMdrSubject,
  describeOwner,
  describeWindow,
  formatEvidenceValue,
  formatInjuryRate,
  humanizeEvidenceKey,
  lastDoneOn,
  mdrStatusStyle,
} from './compliance-labels';

describe('container flags and fill', () => {
  it('gives every flag words as well as a tone', () => {
    for (const style of Object.values(containerFlagStyles)) expect(style.label.length).toBeGreaterThan(5);
    expect(containerFlagStyles.fill_line_reached).toEqual({ tone: 'bad', label: 'Fill line reached: seal it' });
  });

  it('describes the last check and the needle estimate', () => {
    const check = { id: 1, containerId: 1, checkedOn: '2026-03-02', level: 'three_quarter' as const, isUprightAndClosed: true, note: '', checkedByName: 'A', recordedAt: '', isVoided: false, voidReason: null };
    expect(describeFill({ lastCheck: check, needlesIn: 1200, capacityNeedles: 2500, percentOfFillLine: 48 })).toEqual({
      level: '¾ (fill line) on 2026-03-02',
      percent: '48% of fill line',
      needles: '1,200 of 2,500 needles',
      estimate: '48% of fill line (1,200 of 2,500 needles)',
    });
    expect(describeFill({ lastCheck: null, needlesIn: 0, capacityNeedles: 100, percentOfFillLine: 0 }).level).toBe('Not checked yet');
  });
});

describe('due dates', () => {
  it('counts whole days across months and years', () => {
    expect(daysFromTo('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysFromTo('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysFromTo('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('reads as overdue, today, tomorrow or in n days', () => {
    expect(describeDue('2026-03-01', '2026-03-02')).toBe('1 day overdue');
    expect(describeDue('2026-02-20', '2026-03-02')).toBe('10 days overdue');
    expect(describeDue('2026-03-02', '2026-03-02')).toBe('due today');
    expect(describeDue('2026-03-03', '2026-03-02')).toBe('due tomorrow');
    expect(describeDue('2026-03-14', '2026-03-02')).toBe('due in 12 days');
  });
});

describe('MDR', () => {
  const base: Pick<MdrEvaluationView, 'isVoided' | 'status' | 'reportable' | 'isOverdue' | 'needsAction'> = {
    isVoided: false,
    status: 'open',
    reportable: 'undecided',
    isOverdue: false,
    needsAction: true,
  };
  it('says what is left to do', () => {
    expect(mdrStatusStyle(base)).toEqual({ tone: 'warning', label: 'To decide' });
    expect(mdrStatusStyle({ ...base, isOverdue: true })).toEqual({ tone: 'bad', label: 'Decision overdue' });
    expect(mdrStatusStyle({ ...base, status: 'decided', reportable: 'yes' })).toEqual({ tone: 'warning', label: 'Report to submit' });
    expect(mdrStatusStyle({ ...base, status: 'decided', reportable: 'no', needsAction: false })).toEqual({ tone: 'good', label: 'Not reportable' });
    expect(mdrStatusStyle({ ...base, status: 'reported', reportable: 'yes', needsAction: false })).toEqual({ tone: 'good', label: 'Reported' });
    expect(mdrStatusStyle({ ...base, isVoided: true }).label).toBe('Voided');
  });

  it('names the subject', () => {
    expect(describeMdrSubject({ source: 'adverse_event', sessionId: 12, adverseEvent: 'excess_bleeding', defect: null, lotNumber: null, itemName: null })).toBe(
      'Adverse event (excess bleeding) on session #12',
    );
    expect(describeMdrSubject({ source: 'needle_defect', sessionId: null, adverseEvent: null, defect: 'broken_needle', lotNumber: 'L1', itemName: 'Seirin' })).toBe(
      'Broken needle: lot L1 (Seirin)',
    );
  });
});

describe('inspector evidence', () => {
  it('turns keys and values into words', () => {
    expect(humanizeEvidenceKey('checksLast90Days')).toBe('Checks last 90 days');
    expect(humanizeEvidenceKey('lastReviewConsultedFrontline')).toBe('Last review consulted frontline');
    expect(formatEvidenceValue(null)).toBe('—');
    expect(formatEvidenceValue(true)).toBe('Yes');
    expect(formatEvidenceValue(2519)).toBe('2,519');
    expect(formatEvidenceValue('2026-09-15')).toBe('2026-09-15');
  });
});

describe('injury rate', () => {
  it('shows the rate with the counts behind it', () => {
    expect(formatInjuryRate({ year: 2026, injuries: 1, sessions: 2299, per1000Sessions: 0.43 })).toBe('0.43 per 1,000 sessions in 2026 (1 injury in 2,299 sessions)');
    expect(formatInjuryRate({ year: 2025, injuries: 0, sessions: 0, per1000Sessions: null })).toBe('No needling sessions recorded in 2025 (0 injuries in 0 sessions)');
  });
});

describe('tasks', () => {
  const occurrence = (o: Partial<TaskOccurrenceView>): TaskOccurrenceView => ({
    id: 1,
    taskId: 1,
    periodStart: '2026-01-01',
    dueOn: '2026-01-31',
    status: 'done',
    doneOn: null,
    doneByName: null,
    evidence: '',
    note: '',
    lateDoneOn: null,
    lateNote: null,
    ...o,
  });

  it('finds the last day done, late completions included', () => {
    expect(lastDoneOn({ current: null, recent: [] })).toBeNull();
    expect(
      lastDoneOn({
        current: occurrence({ status: 'open' }),
        recent: [occurrence({ doneOn: '2026-01-10' }), occurrence({ status: 'missed', lateDoneOn: '2026-02-03' })],
      }),
    ).toBe('2026-02-03');
  });

  it('describes window and owner', () => {
    expect(describeWindow({ windowDays: null, cadence: 'monthly' })).toBe('Any time in the month');
    expect(describeWindow({ windowDays: 3, cadence: 'weekly' })).toBe('First 3 days of the week');
    expect(describeOwner({ ownerName: 'Priya Raman', ownerRole: null })).toBe('Priya Raman');
    expect(describeOwner({ ownerName: null, ownerRole: 'front_desk' })).toBe('Any front desk');
    expect(describeOwner({ ownerName: null, ownerRole: null })).toBe('Anyone');
  });
});
