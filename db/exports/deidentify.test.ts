import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExportClinic, pdfShownText, readBundle, textOf, type ExportClinic } from './export-test-helpers';
import type { ExportRecordView } from './exports-contract';
import { keysDirFor } from './key-store';
import type { BundleManifest } from './manifest';
import { Pseudonymiser } from './pseudonyms';
import { verifyBundle } from './verify-bundle';
import { verifyPageScript } from './verify-page-script';

const charts = ['C-100', 'C-200', 'C-300'];
let c: ExportClinic;
let record: ExportRecordView;
let files: Map<string, Uint8Array>;
let key: Buffer;

beforeAll(async () => {
  c = await openExportClinic();
  record = await c.call('exports.createBundle', { from: '2026-03-01', to: '2026-03-02', deidentify: true, purpose: 'research', recipient: 'University study' });
  files = readBundle(record.filePath);
  key = Buffer.from(readFileSync(join(keysDirFor(c.dbPath), 'pseudonym-hmac.key'), 'utf8').trim(), 'hex');
});
afterAll(() => c.close());

const pseudonym = (chart: string) => `P-${createHmac('sha256', key).update(chart).digest('hex').slice(0, 12)}`;

describe('a de-identified bundle', () => {
  it('holds no original chart number in any file, the PDF text included', () => {
    for (const [name, bytes] of files) {
      const text = name === 'report.pdf' ? pdfShownText(bytes) : Buffer.from(bytes).toString('utf8');
      for (const chart of charts) expect(text.includes(chart), `${chart} in ${name}`).toBe(false);
    }
  });

  it('gives each patient one pseudonym, P- and 12 hex digits of HMAC-SHA256 under the clinic key, in every log', () => {
    expect(statSync(join(keysDirFor(c.dbPath), 'pseudonym-hmac.key')).mode & 0o777).toBe(0o600);
    const sessions = textOf(files, 'sessions.csv');
    const payments = textOf(files, 'payments.csv');
    const consents = textOf(files, 'consents.csv');
    const audit = textOf(files, 'audit_events.csv');
    expect(sessions).toContain(pseudonym('C-100'));
    expect(payments).toContain(pseudonym('C-100'));
    expect(consents).toContain(pseudonym('C-300'));
    // Inside free text and JSON too: the note names C-100, the void reason C-300.
    expect(sessions).toContain(`then =HYPERLINK(""http://x"") check, ${pseudonym('C-100')} felt better`);
    expect(audit).toContain(`'-- wrong patient chart ${pseudonym('C-300')}`);
    expect(audit).toContain(`""chartNumber"":""${pseudonym('C-200')}""`);
    expect(pdfShownText(files.get('report.pdf') as Uint8Array)).toContain(pseudonym('C-200'));
  });

  it('still verifies: hashes and signatures fully, the chain by links where events were redacted, as the manifest says', async () => {
    const manifest = JSON.parse(textOf(files, 'MANIFEST.json')) as BundleManifest;
    expect(manifest.options.isDeidentified).toBe(true);
    expect(manifest.auditChain.redactedEvents).toBeGreaterThan(3);
    expect(manifest.auditChain.isRecomputable).toBe(false);
    const result = await verifyBundle(record.filePath);
    expect(result.firstFailure).toBeNull();
    expect(result.checks.find((check) => check.check === 'chain')?.message).toMatch(/de-identified events checked by their links only/);
    const page = new Function(`${verifyPageScript}\nreturn ClinicOpsVerify;`)() as { verifyBundleFiles(f: Map<string, Uint8Array>): Promise<{ ok: boolean }> };
    expect((await page.verifyBundleFiles(files)).ok).toBe(true);
    expect(textOf(files, 'README.txt')).toMatch(/de-identified/);
    expect(textOf(files, 'DATA-DICTIONARY.md')).toMatch(/DE-IDENTIFIED/);
  });

  it('is not a disclosure of PHI (no accounting entry), yet the export is audited', async () => {
    expect(record.containsPhi).toBe(false);
    expect(await c.call('disclosures.list', {})).toEqual([]);
    const event = c.env.db.prepare("SELECT after_json FROM audit_events WHERE entity_type = 'export'").get() as { after_json: string };
    expect(JSON.parse(event.after_json)).toMatchObject({ deidentify: true, recipient: 'University study' });
  });

  it('uses the same pseudonyms in the next de-identified bundle', async () => {
    c.setNow('2026-03-02T20:05:00.000Z');
    const second = await c.call('exports.createBundle', { from: '2026-03-02', to: '2026-03-02', deidentify: true, purpose: 'research' });
    expect(textOf(readBundle(second.filePath), 'sessions.csv')).toContain(pseudonym('C-100'));
  });
});

describe('the pseudonymiser', () => {
  const ps = new Pseudonymiser(Buffer.alloc(32, 7), ['C-100', 'Smith John', '12']);
  it('replaces whole words and JSON values, leaves other text alone, and re-encodes JSON canonically', () => {
    expect(ps.text('C-100')).toBe(ps.chart('C-100'));
    expect(ps.text('(C-100), then C-1000 and xC-100')).toBe(`(${ps.chart('C-100')}), then C-1000 and xC-100`);
    expect(ps.text('seen with Smith John today')).toBe(`seen with ${ps.chart('Smith John')} today`);
    expect(ps.json('{"a":1,"chartNumber":"C-100"}')).toEqual({ text: `{"a":1,"chartNumber":"${ps.chart('C-100')}"}`, isChanged: true });
    expect(ps.json('{"note":"nothing here","n":12}')).toEqual({ text: '{"note":"nothing here","n":12}', isChanged: false });
    expect(ps.json('{"byChart":{"C-100":3}}').text).toBe(`{"byChart":{"${ps.chart('C-100')}":3}}`);
  });
});
