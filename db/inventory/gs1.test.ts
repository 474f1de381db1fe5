import { describe, expect, it } from 'vitest';
import { Gs1ParseError, gs1Date, hasValidCheckDigit, parseGs1 } from './gs1';

const GS = '\u001d';

describe('parseGs1', () => {
  it('reads GTIN, expiry, lot and serial from a scanner string with group separators', () => {
    expect(parseGs1(`]d201095060001343521728013110ABC123${GS}21SN0042`)).toEqual({
      gtin: '09506000134352',
      expiryDate: '2028-01-31',
      lotNumber: 'ABC123',
      serial: 'SN0042',
    });
  });

  it('ends a lot at the group separator when more fields follow it', () => {
    expect(parseGs1(`010950600013435210LOT-7/B${GS}1727063021X1`)).toEqual({
      gtin: '09506000134352',
      lotNumber: 'LOT-7/B',
      expiryDate: '2027-06-30',
      serial: 'X1',
    });
  });

  it('reads a lot that ends the string without a separator', () => {
    expect(parseGs1('01095060001343521126010117270100102609A')).toMatchObject({
      productionDate: '2026-01-01',
      expiryDate: '2027-01-31',
      lotNumber: '2609A',
    });
  });

  it('reads the bracketed human-readable form', () => {
    expect(parseGs1('(01)09506000134352(17)291100(10)K-55(21)0001')).toEqual({
      gtin: '09506000134352',
      expiryDate: '2029-11-30',
      lotNumber: 'K-55',
      serial: '0001',
    });
  });

  it('treats day 00 as the last day of the month, leap years included', () => {
    expect(gs1Date('280200')).toBe('2028-02-29');
    expect(gs1Date('270200')).toBe('2027-02-28');
    expect(() => gs1Date('271301')).toThrow(Gs1ParseError);
    expect(() => gs1Date('270231')).toThrow(/not a real date/);
  });

  it('refuses a GTIN with a wrong check digit, and text that is not GS1', () => {
    expect(hasValidCheckDigit('09506000134352')).toBe(true);
    expect(() => parseGs1('0109506000134353')).toThrow(/check digit/);
    expect(() => parseGs1('hello')).toThrow(Gs1ParseError);
    expect(() => parseGs1(`10${'x'.repeat(21)}`)).toThrow(/1 to 20/);
  });
});
