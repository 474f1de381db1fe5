import { describe, expect, it } from 'vitest';
import { newDisclosureValues, parseChartNumbers, toDisclosureInput } from './disclosure-form';

describe('parseChartNumbers', () => {
  it('splits on commas, semicolons and new lines and drops duplicates', () => {
    expect(parseChartNumbers('C-1, C-2\nC-3;C-1  ')).toEqual(['C-1', 'C-2', 'C-3']);
    expect(parseChartNumbers('  ')).toEqual([]);
  });
});

describe('toDisclosureInput', () => {
  const filled = {
    ...newDisclosureValues('2025-03-10'),
    recipientName: 'Seirin America',
    purpose: 'Recall of lot 7B',
    phiDescription: 'Chart numbers and session dates',
    chartNumbers: 'C-1001, C-1002',
  };
  it('builds disclosures.record input', () => {
    expect(toDisclosureInput(filled)).toMatchObject({ ok: true, input: { disclosedOn: '2025-03-10', chartNumbers: ['C-1001', 'C-1002'], legalBasis: 'public_health_164_512b' } });
  });
  it('asks for at least one chart number beside that field', () => {
    const check = toDisclosureInput({ ...filled, chartNumbers: '' });
    expect(check).toEqual({ ok: false, fieldErrors: { chartNumbers: 'must name at least one chart number' } });
  });
});
