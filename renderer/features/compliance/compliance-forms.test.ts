import { describe, expect, it } from 'vitest';
import { ApiCallFailed } from '../../api/client';
import { canCall, checkMethodInput, FormReader, idsFromText, idsToText, placeComplianceError, toFormField, toVoidInput, unplacedErrors } from './compliance-forms';

describe('toFormField', () => {
  it('maps list items and nested amend paths to the form field', () => {
    expect(toFormField('containerIds.0', ['containerIds', 'hauler'])).toBe('containerIds');
    expect(toFormField('followUps.1.on', ['followUps'])).toBe('followUps');
    expect(toFormField('injury.occurredOn', ['occurredOn', 'reason'])).toBe('occurredOn');
    expect(toFormField('injury.followUps.0.what', ['followUps'])).toBe('followUps');
    expect(toFormField('hauler', ['hauler'])).toBe('hauler');
  });

  it('gives null when the form has no such field', () => {
    expect(toFormField('id', ['reason'])).toBeNull();
  });
});

describe('checkMethodInput', () => {
  it('keeps the form’s own message first and adds the schema’s', () => {
    const check = checkMethodInput('compliance.voidContainer', { id: 1, reason: 'x' }, ['reason'], { other: 'first' });
    expect(check).toEqual({ ok: false, fieldErrors: { other: 'first', reason: 'must say why (at least 3 characters)' } });
  });

  it('passes valid input through unchanged', () => {
    expect(toVoidInput('compliance.voidPickup', 3, { reason: 'entered twice' })).toEqual({ ok: true, input: { id: 3, reason: 'entered twice' } });
  });
});

describe('placeComplianceError', () => {
  it('puts an API error about a list item beside the list, without the path prefix', () => {
    const error = new ApiCallFailed({ code: 'rule_violation', message: 'Sharps container R1 is not sealed; seal it before it is picked up.', field: 'containerIds.0' });
    expect(placeComplianceError(error, ['containerIds', 'hauler'])).toEqual({
      fieldErrors: { containerIds: 'Sharps container R1 is not sealed; seal it before it is picked up.' },
      alert: null,
    });
  });

  it('strips a nested field prefix', () => {
    const error = new ApiCallFailed({ code: 'rule_violation', message: 'injury.occurredOn: 2099-01-01 is after today', field: 'injury.occurredOn' });
    expect(placeComplianceError(error, ['occurredOn']).fieldErrors).toEqual({ occurredOn: '2099-01-01 is after today' });
  });

  it('falls back to an alert', () => {
    const error = new ApiCallFailed({ code: 'forbidden', message: 'Only a manager may.' });
    expect(placeComplianceError(error, ['reason'])).toEqual({ fieldErrors: {}, alert: 'Only a manager may.' });
  });
});

describe('unplacedErrors', () => {
  it('lists messages no field on the form can show', () => {
    expect(unplacedErrors({ reason: 'x', id: 'must be a positive id', input: 'bad' }, ['reason'])).toEqual(['id: must be a positive id', 'bad']);
  });
});

describe('FormReader', () => {
  it('reads numbers, ids, flags and choices, naming what is missing', () => {
    const read = new FormReader({ n: '1,200', bad: 'ten', blank: '', id: '', flag: 'true', choice: '' });
    expect(read.number('n')).toBe(1200);
    expect(read.number('bad')).toBeNaN();
    expect(read.optionalNumber('blank')).toBeNull();
    expect(read.id('id', 'the lot')).toBeNaN();
    expect(read.flag('flag')).toBe(true);
    read.choice('choice', 'the level');
    expect(read.errors).toEqual({ bad: 'must be a number', id: 'choose the lot', choice: 'choose the level' });
  });

  it('keeps multi-selects as comma-separated ids', () => {
    expect(idsFromText('3,1, 2,')).toEqual([3, 1, 2]);
    expect(idsFromText('')).toEqual([]);
    expect(idsToText([4, 5])).toBe('4,5');
  });
});

describe('canCall', () => {
  it('follows the contract roles', () => {
    expect(canCall('compliance.recordPickup', 'manager')).toBe(true);
    expect(canCall('compliance.recordPickup', 'therapist')).toBe(false);
    expect(canCall('compliance.listInjuries', 'auditor')).toBe(true);
    expect(canCall('compliance.listInjuries', 'front_desk')).toBe(false);
  });
});
