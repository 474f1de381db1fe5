import { describe, expect, it } from 'vitest';
import { canCall, centsFromText, centsToText, numberFromText } from './form-numbers';

describe('numberFromText', () => {
  it('reads whole, fractional, negative and grouped numbers for the schema to judge', () => {
    expect(numberFromText(' 12 ')).toBe(12);
    expect(numberFromText('1,200')).toBe(1200);
    expect(numberFromText('1.5')).toBe(1.5);
    expect(numberFromText('-3')).toBe(-3);
  });
  it('gives null for blank and for words', () => {
    expect(numberFromText('')).toBeNull();
    expect(numberFromText('twelve')).toBeNull();
    expect(numberFromText('12abc')).toBeNull();
  });
});

describe('centsFromText', () => {
  it('turns dollars into exact cents', () => {
    expect(centsFromText('12.50')).toBe(1250);
    expect(centsFromText('$1,200')).toBe(120000);
    expect(centsFromText('0.1')).toBe(10);
    expect(centsFromText('.05')).toBe(5);
    expect(centsFromText('19.99')).toBe(1999);
  });
  it('keeps a negative amount negative so the schema can refuse it', () => {
    expect(centsFromText('-3')).toBe(-300);
  });
  it('refuses fractions of a cent and words', () => {
    expect(centsFromText('1.234')).toBeNull();
    expect(centsFromText('ten')).toBeNull();
    expect(centsFromText('')).toBeNull();
  });
  it('writes cents back as dollars', () => {
    expect(centsToText(1250)).toBe('12.50');
  });
});

describe('canCall', () => {
  it('follows the roles of the contract', () => {
    expect(canCall('inventory.receiveDelivery', 'therapist')).toBe(true);
    expect(canCall('inventory.recall', 'therapist')).toBe(false);
    expect(canCall('inventory.recall', 'manager')).toBe(true);
    expect(canCall('inventory.waste', 'auditor')).toBe(false);
  });
});
