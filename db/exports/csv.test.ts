import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markAuditText, unmarkAuditText } from './audit-events-csv';
import { csvRecord, dollars, neutralisedText, neutraliseCell, toCsv } from './csv';
import { CsvStreamParser } from './verify-bundle';

function parseAll(text: string, chunkSize = 7): string[][] {
  const records: string[][] = [];
  const parser = new CsvStreamParser((r) => records.push(r));
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  parser.end();
  return records;
}

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['has, comma', '"has, comma"'],
    ['has "quotes"', '"has ""quotes"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['lone\nLF', '"lone\nLF"'],
    ['Zoë Łukasiewicz-李', 'Zoë Łukasiewicz-李'],
    ['', ''],
  ])('quotes %j as RFC 4180 wants', (cell, expected) => {
    expect(csvRecord([cell, 'x'])).toBe(`${expected},x\r\n`);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-- wrong patient', "'-- wrong patient"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['-12.50', '-12.50'],
    ['-3', '-3'],
    ['a=b', 'a=b'],
  ])('neutralises %j against formula injection (numbers stay numbers)', (cell, expected) => {
    expect(neutralisedText(cell)).toBe(expected);
  });

  it('writes money as decimal dollars, negative for money out, and booleans as yes/no', () => {
    expect([dollars(6000), dollars(-1250), dollars(5), dollars(-5), dollars(0), dollars(null)]).toEqual(['60.00', '-12.50', '0.05', '-0.05', '0.00', '']);
    expect([neutraliseCell(true), neutraliseCell(false), neutraliseCell(null), neutraliseCell(-4)]).toEqual(['yes', 'no', '', -4]);
  });

  it('gives exactly what csv-stringify gives with toCsv options, for any cells (the library defines the format)', () => {
    const cellText = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '\r\n', '\n', '\r', '""', 'a,"b"\r\nc', '=1+1', '-', '李', '\uFEFF'));
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 2, maxLength: 8 }), (cells) => {
        const library = stringify([cells], { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
        expect(csvRecord(cells)).toBe(library);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any record through the verifier parser, however the text is chunked', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 13 }), (records, chunk) => {
        const text = records.map((r) => csvRecord(r)).join('');
        expect(parseAll(text, chunk)).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });

  it('starts a file with the BOM and the header (toCsv)', () => {
    expect(toCsv(['a', 'b'], [[1, '=x']])).toBe('\uFEFFa,b\r\n1,\'=x\r\n');
  });
});

describe('audit text marks', () => {
  it('adds one apostrophe where a spreadsheet would see a formula, an apostrophe or nothing, and removing it restores the text', () => {
    expect(markAuditText('-- wrong patient')).toBe("'-- wrong patient");
    expect(markAuditText("'quoted")).toBe("''quoted");
    expect(markAuditText('')).toBe("'");
    expect(markAuditText('{"a":1}')).toBe('{"a":1}');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const marked = markAuditText(text);
        expect(unmarkAuditText(marked)).toBe(text);
        expect(/^[=+\-@\t\r]/.test(marked)).toBe(false);
        expect(marked).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});
