import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell, exportFileName } from './csv';

describe('csvCell', () => {
  it('writes plain text and numbers as they are', () => {
    expect(csvCell('Nov 2026')).toBe('Nov 2026');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(65.5)).toBe('65.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
  it('keeps negative numbers as numbers', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
  });
  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvCell('Riley, PT')).toBe('"Riley, PT"');
    expect(csvCell('the "J" type')).toBe('"the ""J"" type"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});

describe('buildCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    const text = buildCsv(['Period', 'Sessions'], [
      ['2026-11', 12],
      ['2026-12', 0],
    ]);
    expect(text).toBe('\uFEFFPeriod,Sessions\r\n2026-11,12\r\n2026-12,0\r\n');
  });
});

describe('exportFileName', () => {
  it('slugs the title and adds the range', () => {
    expect(exportFileName('Self-pay revenue vs. a year before', '2025-12-01', '2026-11-29', 'png')).toBe('self-pay-revenue-vs-a-year-before_2025-12-01_2026-11-29.png');
  });
});
