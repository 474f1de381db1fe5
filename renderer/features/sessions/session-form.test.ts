import { describe, expect, it } from 'vitest';
import { sessionFields, type SessionDetail, type SessionFormDefaults } from '../../../db/sessions/sessions-contract';
import {
  applyFormDefaults,
  blankSessionForm,
  checkSessionForm,
  emptyLine,
  fefoNeedleLot,
  formValuesFromSession,
  needleCount,
  roundedTimeNow,
  sessionFormFieldNames,
  toSessionInput,
  type SessionFormValues,
} from './session-form';

const defaults: SessionFormDefaults = {
  kind: 'self_pay',
  date: '2026-11-29',
  priceCents: 6500,
  kit: [
    { sessionKind: 'self_pay', itemId: 6, itemName: 'Gloves M', itemKind: 'ppe', quantity: 2, lotId: 161, lotNumber: 'G1', problem: null },
    { sessionKind: 'self_pay', itemId: 9, itemName: 'Cotton', itemKind: 'supply', quantity: 2, lotId: null, lotNumber: null, problem: 'No usable stock of Cotton.' },
  ],
  needleItems: [
    { itemId: 4, itemName: 'Out of stock needle', lotId: null, lotNumber: null, expiryDate: null, onHand: 0 },
    { itemId: 1, itemName: 'Seirin J 0.16x30', lotId: 118, lotNumber: 'SE1', expiryDate: '2027-11-01', onHand: 212 },
  ],
  therapists: [{ id: 2, name: 'Ben Cole' }],
};

function filled(): SessionFormValues {
  const base = applyFormDefaults(blankSessionForm({ sessionDate: '2026-11-29', startTime: '09:15', therapistId: '2', kind: 'self_pay' }), defaults);
  return {
    ...base,
    chartNumber: 'CH-1',
    bodyRegions: ['neck'],
    needles: [{ ...base.needles[0]!, quantity: '6' }],
    supplies: base.supplies.filter((s) => s.lotId !== ''),
    painBefore: '7',
    painAfter: '3',
  };
}

describe('roundedTimeNow', () => {
  it('gives the clinic local time rounded to 5 minutes', () => {
    expect(roundedTimeNow(new Date('2026-11-29T14:08:00Z'), 'America/New_York')).toBe('09:10');
    expect(roundedTimeNow(new Date('2026-11-29T14:02:00Z'), 'America/New_York')).toBe('09:00');
    expect(roundedTimeNow(new Date('2026-07-01T14:13:00Z'), 'America/New_York')).toBe('10:15');
  });
  it('never rounds into the next day', () => {
    expect(roundedTimeNow(new Date('2026-11-30T04:58:00Z'), 'America/New_York')).toBe('23:55');
  });
});

describe('applyFormDefaults', () => {
  it('starts the needle line from the first product with stock and its FEFO lot', () => {
    const values = applyFormDefaults(blankSessionForm({ sessionDate: '2026-11-29', startTime: '09:00', therapistId: '' }), defaults);
    expect(values.needles).toEqual([expect.objectContaining({ itemId: '1', lotId: '118', quantity: '' })]);
  });
  it('fills the supplies from the visit kit with FEFO lots, leaving a lot blank where there is no usable stock', () => {
    const values = applyFormDefaults(blankSessionForm({ sessionDate: '2026-11-29', startTime: '09:00', therapistId: '' }), defaults);
    expect(values.supplies.map(({ itemId, lotId, quantity }) => ({ itemId, lotId, quantity }))).toEqual([
      { itemId: '6', lotId: '161', quantity: '2' },
      { itemId: '9', lotId: '', quantity: '2' },
    ]);
  });
  it('keeps supplies and chosen needles edited by hand', () => {
    const edited = { ...blankSessionForm({ sessionDate: '2026-11-29', startTime: '09:00', therapistId: '' }), needles: [emptyLine('4', '77', '3')], supplies: [], areSuppliesEdited: true };
    const values = applyFormDefaults(edited, defaults);
    expect(values.supplies).toEqual([]);
    expect(values.needles[0]).toMatchObject({ itemId: '4', lotId: '77' });
  });
  it('finds the FEFO lot of a needle product', () => {
    expect(fefoNeedleLot(defaults, '1')).toBe('118');
    expect(fefoNeedleLot(defaults, '4')).toBe('');
  });
});

describe('needleCount', () => {
  it('follows the needles opened until a number is typed', () => {
    const values = { needles: [emptyLine('1', '118', '6'), emptyLine('1', '119', '2')], needlesDisposed: null };
    expect(needleCount(values)).toEqual({ opened: 8, disposed: 8, isMismatch: false });
    expect(needleCount({ ...values, needlesDisposed: '7' })).toEqual({ opened: 8, disposed: 7, isMismatch: true });
    expect(needleCount({ ...values, needlesDisposed: '8' }).isMismatch).toBe(false);
    // Typed and then cleared: not a number yet, so no mismatch is claimed; the schema asks for the number.
    expect(needleCount({ ...values, needlesDisposed: '' })).toEqual({ opened: 8, disposed: undefined, isMismatch: false });
  });
});

describe('toSessionInput and checkSessionForm', () => {
  it('maps a filled form to an input the API accepts', () => {
    const check = checkSessionForm(filled(), { needsConsentReason: false, needsAfterCloseReason: false });
    expect(check.ok).toBe(true);
    const input = toSessionInput(filled());
    expect(input).toMatchObject({ therapistId: 2, needles: [{ itemId: 1, lotId: 118, quantity: 6 }], needlesDisposed: 6, painBefore: 7, painAfter: 3, countMismatchReason: '' });
    expect(sessionFields.safeParse(input).success).toBe(true);
  });

  it('names each field at fault, by its path, in words a person can act on', () => {
    const values = { ...filled(), therapistId: '', needles: [emptyLine('1', '', '2.5')], painBefore: '11', painAfter: '', needlesDisposed: '' };
    const check = checkSessionForm(values, { needsConsentReason: false, needsAfterCloseReason: false });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fieldErrors).toMatchObject({
      therapistId: 'choose the therapist',
      'needles.0.lotId': 'choose the lot',
      'needles.0.quantity': 'must be a whole number',
      painBefore: 'must be from 0 to 10',
      painAfter: 'enter a score from 0 to 10',
      needlesDisposed: 'enter how many went into the sharps container',
    });
  });

  it('requires a reason for a needle count mismatch, a note for an adverse event, and the override and late reasons when needed', () => {
    const values = { ...filled(), needlesDisposed: '5', adverseEvent: 'bruising' as const };
    const check = checkSessionForm(values, { needsConsentReason: true, needsAfterCloseReason: true });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.fieldErrors).sort()).toEqual(['adverseEventNote', 'afterCloseReason', 'consentOverrideReason', 'countMismatchReason']);
  });

  it('sends the mismatch reason only with a mismatch, and an adverse note only with an event', () => {
    const input = toSessionInput({ ...filled(), countMismatchReason: 'left over', adverseEventNote: 'stale' });
    expect(input.countMismatchReason).toBe('');
    expect(input.adverseEventNote).toBe('');
    const mismatched = toSessionInput({ ...filled(), needlesDisposed: '5', countMismatchReason: 'one dropped, found later' });
    expect(mismatched).toMatchObject({ needlesDisposed: 5, countMismatchReason: 'one dropped, found later' });
  });
});

describe('formValuesFromSession', () => {
  it('fills the amendment form from a recorded session, round-tripping to the same input', () => {
    const session = {
      id: 5,
      sessionDate: '2026-11-20',
      startTime: '10:30',
      therapistId: 2,
      chartNumber: 'CH-9',
      kind: 'self_pay',
      room: 'Room 1',
      bodyRegions: ['knee'],
      handHygiene: true,
      glovesWorn: true,
      skinPrep: false,
      needlesToSharps: true,
      needlesOpened: 4,
      needlesDisposed: 3,
      countMismatchReason: 'one found later',
      painBefore: 6,
      painAfter: 2,
      adverseEvent: 'none',
      adverseEventNote: '',
      notes: 'ok',
      consentOverrideReason: null,
      afterCloseReason: null,
      needles: [{ movementId: 1, itemId: 1, itemName: 'N', itemKind: 'needle', lotId: 118, lotNumber: 'SE1', expiryDate: null, quantity: 4 }],
      supplies: [],
    } as unknown as SessionDetail;
    const values = formValuesFromSession(session);
    expect(toSessionInput(values)).toMatchObject({
      sessionDate: '2026-11-20',
      therapistId: 2,
      needles: [{ itemId: 1, lotId: 118, quantity: 4 }],
      needlesDisposed: 3,
      countMismatchReason: 'one found later',
      skinPrep: false,
      painAfter: 2,
    });
    // A count that matched follows the needles opened when they are corrected.
    const matched = formValuesFromSession({ ...session, needlesDisposed: 4 } as SessionDetail);
    expect(matched.needlesDisposed).toBeNull();
    expect(toSessionInput({ ...matched, needles: [{ ...matched.needles[0]!, quantity: '5' }] }).needlesDisposed).toBe(5);
  });
});

describe('sessionFormFieldNames', () => {
  it('lists the line fields the API names', () => {
    const names = sessionFormFieldNames({ needles: [emptyLine(), emptyLine()], supplies: [emptyLine()] });
    expect(names).toContain('needles.1.lotId');
    expect(names).toContain('supplies.0.quantity');
    expect(names).not.toContain('needles.2.lotId');
  });
});
