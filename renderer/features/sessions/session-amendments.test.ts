import { describe, expect, it } from 'vitest';
import { amendmentChanges, snapshotRows } from './session-amendments';

const original = {
  sessionDate: '2026-11-20',
  startTime: '10:30',
  therapistName: 'Ben Cole',
  chartNumber: 'CH-9',
  kind: 'self_pay',
  bodyRegions: ['neck', 'knee'],
  needles: [{ lotId: 118, lotNumber: 'SE1', quantity: 6, movementId: 10 }],
  supplies: [],
  handHygiene: true,
  painBefore: 7,
  painAfter: 3,
  adverseEvent: 'none',
  priceCents: 6500,
  notes: '',
};

describe('amendmentChanges', () => {
  it('lists only what changed, in words', () => {
    const amended = { ...original, painAfter: 2, needles: [{ lotId: 118, lotNumber: 'SE1', quantity: 5, movementId: 22 }], adverseEvent: 'bruising', handHygiene: false };
    expect(amendmentChanges(original, amended)).toEqual([
      { label: 'Needles (lot × count)', before: 'SE1 × 6', after: 'SE1 × 5' },
      { label: 'Hand hygiene', before: 'yes', after: 'no' },
      { label: 'Pain after', before: '3', after: '2' },
      { label: 'Adverse event', before: 'None', after: 'Bruising' },
    ]);
  });

  it('ignores new movement ids when the stock used is the same', () => {
    expect(amendmentChanges(original, { ...original, needles: [{ lotId: 118, lotNumber: 'SE1', quantity: 6, movementId: 99 }] })).toEqual([]);
  });

  it('copes with a snapshot that is not a record', () => {
    expect(amendmentChanges(null, original).length).toBeGreaterThan(0);
  });
});

describe('snapshotRows', () => {
  it('reads the original in full', () => {
    const rows = snapshotRows(original);
    expect(rows.find((r) => r.label === 'Body regions')?.value).toBe('Neck, Knee');
    expect(rows.find((r) => r.label === 'Price')?.value).toBe('$65.00');
    expect(rows.find((r) => r.label === 'Notes')?.value).toBe('—');
  });
});
