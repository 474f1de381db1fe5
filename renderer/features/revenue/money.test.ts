import { describe, expect, it } from 'vitest';
import { centsToDollars, centsToInputText, formatCents, formatCentsCompact, parseDollarsToCents } from './money';

describe('formatCents', () => {
  it('writes dollars with separators and two decimals', () => {
    expect(formatCents(6500)).toBe('$65.00');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(123456789)).toBe('$1,234,567.89');
    expect(formatCents(0)).toBe('$0.00');
  });
  it('leads negative amounts (credits) with a minus', () => {
    expect(formatCents(-6500)).toBe('-$65.00');
  });
});

describe('formatCentsCompact', () => {
  it('shortens large amounts for axes', () => {
    expect(formatCentsCompact(95000)).toBe('$950');
    expect(formatCentsCompact(1250000)).toBe('$12.5k');
    expect(formatCentsCompact(100000)).toBe('$1k');
    expect(formatCentsCompact(123456789)).toBe('$1.2M');
    expect(formatCentsCompact(650)).toBe('$6.50');
    expect(formatCentsCompact(0)).toBe('$0');
  });
});

describe('parseDollarsToCents', () => {
  it('reads what people type', () => {
    expect(parseDollarsToCents('65')).toBe(6500);
    expect(parseDollarsToCents('65.5')).toBe(6550);
    expect(parseDollarsToCents('$1,234.56')).toBe(123456);
    expect(parseDollarsToCents(' 12.30 ')).toBe(1230);
    expect(parseDollarsToCents('.75')).toBe(75);
    expect(parseDollarsToCents('0')).toBe(0);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '1.2.3', '-5', '5e3', '$']) expect(parseDollarsToCents(bad)).toBeNull();
  });
  it('round-trips the input text it offers', () => {
    expect(parseDollarsToCents(centsToInputText(6500))).toBe(6500);
    expect(parseDollarsToCents(centsToInputText(27501))).toBe(27501);
  });
});

describe('centsToDollars', () => {
  it('keeps a number for exports', () => {
    expect(centsToDollars(6550)).toBe(65.5);
    expect(centsToDollars(-100)).toBe(-1);
  });
});
