import { describe, expect, it } from 'vitest';
import { newBundleValues, presetRange, toBundleRequest } from './export-form';

describe('presetRange', () => {
  it('counts the last 30 days including today, across a month end', () => {
    expect(presetRange('last30Days', '2025-03-10')).toEqual({ from: '2025-02-09', to: '2025-03-10' });
  });
  it('gives last month, including a leap February', () => {
    expect(presetRange('lastMonth', '2024-03-15')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('lastMonth', '2025-01-05')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });
  it('gives the last full quarter, across a year end', () => {
    expect(presetRange('lastQuarter', '2025-02-10')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(presetRange('lastQuarter', '2025-08-31')).toEqual({ from: '2025-04-01', to: '2025-06-30' });
  });
  it('gives this month, this year and last year', () => {
    expect(presetRange('thisMonth', '2025-08-31')).toEqual({ from: '2025-08-01', to: '2025-08-31' });
    expect(presetRange('thisYear', '2025-08-31')).toEqual({ from: '2025-01-01', to: '2025-08-31' });
    expect(presetRange('lastYear', '2025-08-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});

describe('toBundleRequest', () => {
  const values = { ...newBundleValues('2025-03-10'), purpose: 'OSHA inspection' };

  it('turns the form into exports.start input, leaving out an empty recipient', () => {
    expect(toBundleRequest(values)).toEqual({
      ok: true,
      input: { from: '2025-02-09', to: '2025-03-10', deidentify: false, includeInjuryIdentities: false, purpose: 'OSHA inspection', legalBasis: 'other' },
    });
  });
  it('keeps a named recipient and the options', () => {
    const check = toBundleRequest({ ...values, recipient: ' State inspector ', deidentify: 'true', legalBasis: 'health_oversight' });
    expect(check).toMatchObject({ ok: true, input: { recipient: 'State inspector', deidentify: true, legalBasis: 'health_oversight' } });
  });
  it('puts the schema messages beside the fields', () => {
    const check = toBundleRequest({ ...values, from: '2025-04-01', purpose: '' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fieldErrors.from).toBe('must not be after the end date');
    expect(check.fieldErrors.purpose).toBeDefined();
  });
});
