// The CSV stage's fast paths give exactly the bytes of the plain ones: a log's rows encoded in one pass against
// each cell through its formatter, and audit bodies read as text against bodies read as bytes.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../migrations/0003-create-audit-events';
import { writeAuditEventsCsv } from './audit-events-csv';
import { writeLogCsv, type FormatContext } from './log-csv';
import { resolveLog, type ColumnType, type ExportLog, type RangeParams } from './log-definition';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-ops-csv-fast-'));
  dirs.push(dir);
  return dir;
}

const range: RangeParams = { from: '2026-01-01', to: '2026-12-31', fromInstant: '2026-01-01T05:00:00.000Z', toInstant: '2027-01-01T05:00:00.000Z' };
const hooks = (pdfRowLimit: number) => ({ pdfRowLimit, onRows: () => undefined, pause: () => Promise.resolve() });

const types: ColumnType[] = ['int', 'real', 'staff', 'money', 'bool', 'chart', 'json', 'list', 'free_text', 'text', 'date', 'instant', 'hash'];

describe('a log written in one pass per row', () => {
  it('gives the bytes, totals and chart numbers of every cell through its formatter, whatever a column holds', async () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('', '-', '-12.50', '-3', '-1.', '-.5', '--2', '=1+1', '+1 555', '@x', '\tT', '\rR', 'a,b', 'say "hi"', 'two\r\nlines', '李', '["neck","low back"]', '[1,2]', '12', '1e3'),
    );
    // Non-STRICT columns, so any value can sit in any column: the one-pass encoder must hand what it does not
    // expect (text in a number column, a real in a money column) to the formatter. (Blobs are left out: no
    // exported column holds one, and the formatters never took them.)
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true }), text);
    const log: ExportLog = {
      name: 'fuzz',
      title: 'Fuzz',
      area: 'test',
      description: 'every column type',
      tables: ['fuzz'],
      from: 'fuzz t',
      where: '1 = 1',
      orderBy: 't.id',
      columns: types.map((type) => ({ name: `c_${type}`, type, description: type })),
      pdfColumns: ['c_text'],
      totals: [
        { label: 'rows', kind: 'count' },
        { label: 'money', kind: 'sum', column: 'c_money', when: { column: 'c_text', notEquals: 'x' } },
      ],
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { minLength: types.length, maxLength: types.length }), { maxLength: 12 }), async (rows) => {
        const dir = tempDir();
        const db = new Database(join(dir, 'fuzz.sqlite3'));
        try {
          db.exec(`CREATE TABLE fuzz (id INTEGER PRIMARY KEY, ${types.map((t) => `c_${t}`).join(', ')})`);
          const insert = db.prepare(`INSERT INTO fuzz (${types.map((t) => `c_${t}`).join(', ')}) VALUES (${types.map(() => '?').join(', ')})`);
          for (const row of rows) insert.run(...row);
          const resolved = resolveLog(db, log)!;
          const write = async (name: string, pdfRowLimit: number) => {
            const ctx: FormatContext = { pseudonymiser: null, chartNumbers: new Set() };
            const result = await writeLogCsv(db, resolved, range, join(dir, name), ctx, hooks(pdfRowLimit));
            return { bytes: readFileSync(join(dir, name)), totals: result.totals, sha256: result.sha256, charts: [...ctx.chartNumbers].sort() };
          };
          // Rows the PDF prints go through the formatters; with no PDF rows every row takes the one-pass encoder.
          const byFormatters = await write('formatters.csv', Number.MAX_SAFE_INTEGER);
          const onePass = await write('one-pass.csv', 0);
          expect(onePass.bytes.toString('utf8')).toBe(byFormatters.bytes.toString('utf8'));
          expect(onePass).toEqual(byFormatters);
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('audit_events.csv with bodies read as text', () => {
  const sha = (...parts: Array<string | Buffer>) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');

  /** A bare audit_events table with a chain over the given body bytes; returns the head. */
  function chainFile(path: string, bodies: Buffer[], at = '2026-03-02T20:00:00.000Z'): { eventCount: number; headHash: string } {
    const db = new Database(path);
    db.exec(`CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE audit_events (seq INTEGER PRIMARY KEY, event_id TEXT, at TEXT, actor_staff_id INTEGER, device_id TEXT, action TEXT,
        entity_type TEXT, entity_id TEXT, reason TEXT, body TEXT, prev_hash TEXT, hash TEXT)`);
    db.prepare('INSERT INTO staff VALUES (1, ?)').run('Dana, "DW"');
    let prev = GENESIS_HASH;
    const insert = db.prepare(`INSERT INTO audit_events VALUES (?, ?, ?, 1, 'pc-1', 'update', 'session', ?, ?, CAST(? AS TEXT), ?, ?)`);
    bodies.forEach((body, i) => {
      const hash = sha(prev, body);
      insert.run(i + 1, `e-${i + 1}`, at, String(i + 1), i === 0 ? '-- typed' : null, body, prev, hash);
      prev = hash;
    });
    db.close();
    return { eventCount: bodies.length, headHash: prev };
  }

  const bodies = [
    Buffer.from('{"a":"plain, \\"quoted\\""}', 'utf8'),
    Buffer.from('{"name":"Zoë 李"}', 'utf8'),
    // Not UTF-8 (a lone continuation byte and a cut sequence): decoded text would read U+FFFD and hash differently.
    Buffer.concat([Buffer.from('{"x":"', 'utf8'), Buffer.from([0x80, 0xe6, 0x9d]), Buffer.from('"}', 'utf8')]),
    Buffer.from('{"real":"\uFFFD"}', 'utf8'),
  ];

  it('hashes and writes every body exactly as stored, also bytes that are not UTF-8', async () => {
    const dir = tempDir();
    const head = chainFile(join(dir, 'chain.sqlite3'), bodies);
    const db = new Database(join(dir, 'chain.sqlite3'), { readonly: true });
    try {
      const result = await writeAuditEventsCsv(db, range, head, join(dir, 'audit.csv'), { pseudonymiser: null, chartNumbers: new Set() }, hooks(1));
      expect(result.chainAtExport).toEqual({ isIntact: true, eventCount: 4, problem: null });
      const file = readFileSync(join(dir, 'audit.csv'));
      for (const body of bodies) {
        const quoted = Buffer.from(body.toString('latin1').replace(/"/g, '""'), 'latin1');
        expect(file.includes(Buffer.concat([Buffer.from(',"'), quoted, Buffer.from('",')]))).toBe(true);
      }
      expect(file.toString('utf8')).toContain(`1,e-1,2026-03-02T20:00:00.000Z,1,"Dana, ""DW""",pc-1,update,session,1,'-- typed,`);
      // A range after every event: the chain is only verified (the slice is the head alone), as bytes too.
      const later: RangeParams = { ...range, fromInstant: '2027-01-01T05:00:00.000Z' };
      const tail = await writeAuditEventsCsv(db, later, head, join(dir, 'tail.csv'), { pseudonymiser: null, chartNumbers: new Set() }, hooks(1));
      expect([tail.chainAtExport.isIntact, tail.firstSeq, tail.rows]).toEqual([true, 4, 1]);
    } finally {
      db.close();
    }
  });

  it('still names a body changed after it was written', async () => {
    const dir = tempDir();
    const head = chainFile(join(dir, 'chain.sqlite3'), bodies);
    const db = new Database(join(dir, 'chain.sqlite3'));
    db.prepare('UPDATE audit_events SET body = CAST(? AS TEXT) WHERE seq = 3').run(Buffer.from([0x7b, 0x80, 0x7d]));
    try {
      const result = await writeAuditEventsCsv(db, range, head, join(dir, 'audit.csv'), { pseudonymiser: null, chartNumbers: new Set() }, hooks(1));
      expect(result.chainAtExport.isIntact).toBe(false);
      expect(result.chainAtExport.problem?.seq).toBe(3);
    } finally {
      db.close();
    }
  });
});
