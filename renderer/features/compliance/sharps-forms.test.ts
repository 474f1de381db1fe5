import { describe, expect, it } from 'vitest';
import { newContainerValues, newFillCheckValues, newPickupValues, newSealValues, toCertificateInput, toFillCheckInput, toPickupInput, toRegisterContainerInput, toSealInput } from './sharps-forms';

describe('register container', () => {
  it('maps the form to the API input', () => {
    const values = { ...newContainerValues('2026-03-02'), label: 'R1-004', size: '2 gal', room: 'Room 1', capacityNeedles: '2,500' };
    expect(toRegisterContainerInput(values)).toEqual({
      ok: true,
      input: { label: 'R1-004', size: '2 gal', make: '', room: 'Room 1', capacityNeedles: 2500, placedInServiceOn: '2026-03-02', note: '' },
    });
  });

  it('names every field at fault', () => {
    const check = toRegisterContainerInput({ ...newContainerValues('2026-02-30'), capacityNeedles: 'lots' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fieldErrors).toEqual({
      capacityNeedles: 'must be a number',
      label: 'must not be empty',
      size: 'must not be empty',
      room: 'must not be empty',
      placedInServiceOn: 'is not a real calendar date',
    });
  });
});

describe('fill check and seal', () => {
  it('maps level and upright-and-closed', () => {
    const values = { ...newFillCheckValues('2026-03-02'), level: 'three_quarter', isUprightAndClosed: 'false' };
    expect(toFillCheckInput(4, values)).toEqual({ ok: true, input: { containerId: 4, checkedOn: '2026-03-02', level: 'three_quarter', isUprightAndClosed: false, note: '' } });
  });

  it('asks for a level rather than listing codes, and refuses one not in the list', () => {
    const blank = toFillCheckInput(4, newFillCheckValues('2026-03-02'));
    expect(blank.ok ? null : blank.fieldErrors.level).toBe('choose the fill level');
    const odd = toFillCheckInput(4, { ...newFillCheckValues('2026-03-02'), level: 'brim' });
    expect(odd.ok ? null : odd.fieldErrors.level).toBe('must be one of: quarter, half, three_quarter, over_full');
  });

  it('starts a seal at the last check’s level', () => {
    const lastCheck = { id: 1, containerId: 4, checkedOn: '2026-03-01', level: 'three_quarter' as const, isUprightAndClosed: true, note: '', checkedByName: '', recordedAt: '', isVoided: false, voidReason: null };
    const values = newSealValues('2026-03-02', { lastCheck });
    expect(values.level).toBe('three_quarter');
    expect(toSealInput(4, values)).toEqual({ ok: true, input: { containerId: 4, sealedOn: '2026-03-02', level: 'three_quarter', note: '' } });
    expect(newSealValues('2026-03-02', { lastCheck: null }).level).toBe('');
  });
});

describe('pickup and certificate', () => {
  it('takes the selected containers, and the unit only with a weight', () => {
    const values = { ...newPickupValues('2026-03-02', [3, 5]), hauler: 'Stericycle', manifestNumber: 'M-1' };
    expect(toPickupInput(values)).toEqual({
      ok: true,
      input: { pickedUpOn: '2026-03-02', hauler: 'Stericycle', manifestNumber: 'M-1', containerIds: [3, 5], weight: null, weightUnit: null, note: '' },
    });
    const weighed = toPickupInput({ ...values, weight: '3.9', weightUnit: 'kg' });
    expect(weighed.ok && weighed.input.weight === 3.9 && weighed.input.weightUnit === 'kg').toBe(true);
  });

  it('refuses a pickup with no container and a weight with no unit', () => {
    const check = toPickupInput({ ...newPickupValues('2026-03-02'), hauler: 'H', manifestNumber: 'M', weight: '2', weightUnit: '' });
    expect(check.ok ? null : check.fieldErrors).toEqual({ containerIds: 'a pickup takes at least one sealed container', weightUnit: 'must say lb or kg when a weight is given' });
  });

  it('maps the certificate', () => {
    expect(toCertificateInput(2, { certificateReference: 'COD-1', receivedOn: '2026-03-02' })).toEqual({
      ok: true,
      input: { pickupId: 2, certificateReference: 'COD-1', receivedOn: '2026-03-02' },
    });
  });
});
