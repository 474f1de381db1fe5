import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migration0009 } from '../migrations/0009-create-audit-flags';
import { auditEventColumns } from './audit-events-csv';
import { dataDictionary } from './bundle-docs';
import { openExportClinic, readBundle, textOf, type ExportClinic } from './export-test-helpers';
import { rangeParams } from './export-bundle';
import { exportLogs, resolveExportLogs } from './log-registry';

let c: ExportClinic;
beforeAll(async () => {
  c = await openExportClinic();
});
afterAll(() => c.close());

describe('the export log registry', () => {
  const options = { isDeidentified: false, includeInjuryIdentities: true };

  it('has unique file names, PDF columns that exist, and totals over columns that exist', () => {
    const names = exportLogs.map((log) => log.name);
    expect(new Set(names).size).toBe(names.length);
    for (const log of exportLogs) {
      const columns = new Set(log.columns.map((col) => col.name));
      for (const name of log.pdfColumns) expect(columns.has(name), `${log.name}.${name}`).toBe(true);
      for (const total of log.totals ?? []) {
        if (total.column) expect(columns.has(total.column), `${log.name} total ${total.label}`).toBe(true);
        if (total.when) expect(columns.has(total.when.column), `${log.name} total ${total.label}`).toBe(true);
      }
    }
  });

  it('runs every log on the current schema, every column described (a new column shows up here first)', () => {
    const logs = resolveExportLogs(c.env.db, options);
    // Areas whose migration is not registered yet are simply absent.
    const present = new Set((c.env.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]));
    expect(logs.map((log) => log.name)).toEqual(exportLogs.filter((log) => log.tables.every((t) => present.has(t))).map((log) => log.name));
    expect(logs.map((log) => log.name)).toContain('sharps_container_checks');
    const range = rangeParams('2026-03-01', '2026-03-02', 'America/New_York');
    for (const log of logs) {
      const undescribed = log.columns.filter((col) => col.description.startsWith('(not yet described'));
      expect(undescribed.map((col) => `${log.name}.${col.name}`)).toEqual([]);
      expect(() => c.env.db.prepare(log.sql).all(range), log.name).not.toThrow();
      expect(c.env.db.prepare(log.countSql).pluck().get(range), log.name).toBe(c.env.db.prepare(log.sql).all(range).length);
    }
    // Columns of the main table that no log exports on purpose: secrets only.
    const staff = logs.find((log) => log.name === 'staff');
    expect(staff?.columns.map((col) => col.name)).not.toContain('pin_hash');
  });

  it('exports the audit event flags once their table exists (migration 0009)', () => {
    const hasTable = c.env.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'audit_event_flags'").get();
    if (!hasTable) migration0009.up(c.env.db);
    c.env.db.prepare("INSERT INTO audit_event_flags (seq, kind, detail, flagged_at) VALUES (3, 'clock_rollback', 'the clock read earlier', '2026-03-02T20:00:00.000Z')").run();
    const flags = resolveExportLogs(c.env.db, options).find((log) => log.name === 'audit_event_flags');
    const range = rangeParams('2026-03-01', '2026-03-02', 'America/New_York');
    expect(c.env.db.prepare(flags?.sql as string).all(range)).toMatchObject([{ seq: 3, kind: 'clock_rollback' }]);
  });

  it('leaves a log out when its tables are missing, and the privacy-case list out unless chosen', () => {
    const names = resolveExportLogs(c.env.db, { isDeidentified: false, includeInjuryIdentities: false }).map((log) => log.name);
    expect(names).not.toContain('sharps_injury_identities');
    c.env.db.exec('CREATE TEMP VIEW probe AS SELECT 1');
    const missing = resolveExportLogs(c.env.db, options, [{ ...exportLogs[0]!, name: 'ghost', tables: ['no_such_table'] }]);
    expect(missing).toEqual([]);
  });

  it('describes every column of every CSV of a bundle in DATA-DICTIONARY.md', async () => {
    const record = await c.call('exports.createBundle', { from: '2026-03-01', to: '2026-03-02', purpose: 'dictionary check' });
    const files = readBundle(record.filePath);
    const dictionary = textOf(files, 'DATA-DICTIONARY.md');
    for (const [name] of files) {
      if (!name.endsWith('.csv')) continue;
      expect(dictionary, name).toContain(`## ${name}:`);
      const header = textOf(files, name).replace(/^\uFEFF/, '').split('\r\n')[0]?.split(',') ?? [];
      const section = dictionary.slice(dictionary.indexOf(`## ${name}:`)).split('\n## ')[0] ?? '';
      for (const column of header) expect(section, `${name}.${column}`).toContain(`| \`${column}\` |`);
    }
    expect(dataDictionary([], false)).toContain(auditEventColumns.map((col) => `| \`${col.name}\` |`)[12]);
  });
});
