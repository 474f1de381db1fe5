import { describe, expect, it } from 'vitest';
import { contract } from '../../db/api/contract';
import { ApiCallFailed } from '../api/client';
import { blankToUndefined, checkWithSchema, messageForField, placeSubmitError } from './form-errors';

describe('checkWithSchema', () => {
  it('gives the API schema messages keyed by dotted field path', () => {
    const check = checkWithSchema(contract['clinic.setup'].input, {
      name: '  ',
      address: '',
      timeZone: 'America/New_York',
      firstManager: { name: 'Dana', jobTitle: '', pin: '12' },
    });
    expect(check).toEqual({ ok: false, fieldErrors: { name: 'must not be empty', 'firstManager.pin': 'must be 4 to 8 digits' } });
  });

  it('returns the parsed data (trimmed, defaults filled) when valid', () => {
    const check = checkWithSchema(contract['staff.create'].input, { name: ' Riley ', role: 'therapist' });
    expect(check).toEqual({ ok: true, data: { name: 'Riley', role: 'therapist', jobTitle: '' } });
  });
});

describe('placeSubmitError', () => {
  it('puts a field error beside the field the form has, without the field prefix', () => {
    const error = new ApiCallFailed({ code: 'invalid_input', message: 'name: must not be empty', field: 'name' });
    expect(placeSubmitError(error, ['name', 'role'])).toEqual({ fieldErrors: { name: 'must not be empty' }, alert: null });
  });

  it('shows an alert when the form has no such field', () => {
    const error = new ApiCallFailed({ code: 'forbidden', message: 'A therapist may not call staff.create.' });
    expect(placeSubmitError(error, ['name'])).toEqual({ fieldErrors: {}, alert: 'A therapist may not call staff.create.' });
    const elsewhere = new ApiCallFailed({ code: 'conflict', message: 'Riley is already inactive.', field: 'id' });
    expect(placeSubmitError(elsewhere, ['reason']).alert).toBe('Riley is already inactive.');
  });

  it('keeps a message that has no prefix as it is', () => {
    expect(messageForField('That PIN is not correct.', 'pin')).toBe('That PIN is not correct.');
  });
});

describe('blankToUndefined', () => {
  it('treats whitespace as not given', () => {
    expect(blankToUndefined('  ')).toBeUndefined();
    expect(blankToUndefined('1234')).toBe('1234');
  });
});
