import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExportClinic, readBundle, textOf, type ExportClinic } from './export-test-helpers';
import type { ExportRecordView } from './exports-contract';
import { verifyBundle } from './verify-bundle';
import { verifyPageHtml } from './verify-page';
import { verifyPageScript } from './verify-page-script';

interface PageCheck {
  check: string;
  file: string;
  ok: boolean;
  message: string;
}
interface PageResult {
  ok: boolean;
  checks: PageCheck[];
  firstFailure: PageCheck | null;
}
interface PageVerifier {
  verifyZip(bytes: Uint8Array, options?: { expectedFingerprint?: string }): Promise<PageResult>;
  verifyBundleFiles(files: Map<string, Uint8Array>, options?: { expectedFingerprint?: string }): Promise<PageResult>;
}

/** The page's own script text, run in Node 20 (WebCrypto with Ed25519, DecompressionStream): no browser needed. */
const page = new Function(`${verifyPageScript}\nreturn ClinicOpsVerify;`)() as PageVerifier;

let c: ExportClinic;
let record: ExportRecordView;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  c = await openExportClinic();
  record = await c.call('exports.createBundle', { from: '2026-03-02', to: '2026-03-02', purpose: 'inspection' });
  files = readBundle(record.filePath);
});
afterAll(() => c.close());

describe('verify.html', () => {
  it('is one self-contained page: no network, no outside code, its CSP forbids both', () => {
    const html = textOf(files, 'verify.html');
    expect(html).toBe(verifyPageHtml());
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script[^>]+src=|<link|<iframe|<img|import\(|fetch\(|XMLHttpRequest|WebSocket/);
    expect(html).toContain('type="file" id="files" multiple');
    expect(html).toContain('webkitdirectory');
  });

  it('passes the genuine bundle, from the ZIP (deflated entries) and from the extracted files', async () => {
    const fromZip = await page.verifyZip(new Uint8Array(readFileSync(record.filePath)));
    expect(fromZip.firstFailure).toBeNull();
    expect(fromZip.checks.find((check) => check.check === 'chain')?.message).toMatch(/hashes recomputed/);
    const fromFiles = await page.verifyBundleFiles(files);
    expect(fromFiles.ok).toBe(true);
    expect(fromFiles.checks.length).toBe(fromZip.checks.length);
  });

  it('also reads a ZIP whose entries are stored without compression', async () => {
    const stored = zipSync(Object.fromEntries(files), { level: 0 });
    expect((await page.verifyZip(stored)).ok).toBe(true);
  });

  it('blames the same file as verify-export for one changed byte in any file', async () => {
    for (const [name, bytes] of files) {
      const changed = new Map(files);
      const copy = Uint8Array.from(bytes);
      const at = Math.floor(copy.length / 3);
      copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
      changed.set(name, copy);
      const pageResult = await page.verifyBundleFiles(changed);
      const zipPath = join(c.dir, `page-${name}.zip`);
      writeFileSync(zipPath, zipSync(Object.fromEntries(changed)));
      const nodeResult = await verifyBundle(zipPath);
      expect(pageResult.ok, name).toBe(false);
      expect(pageResult.firstFailure?.file, `${name}: ${pageResult.firstFailure?.message}`).toBe(name);
      expect(nodeResult.firstFailure?.file).toBe(name);
    }
  });

  it('fails a chain whose event was edited and re-hashed in both manifests, and a key other than the one expected', async () => {
    const audit = textOf(files, 'audit_events.csv');
    const edited = audit.replace('""after"":{""status"":""voided""}', '""after"":{""status"":""recorded""}');
    expect(edited).not.toBe(audit);
    const changed = new Map(files);
    changed.set('audit_events.csv', strToU8(edited));
    const result = await page.verifyBundleFiles(changed);
    expect(result.checks.some((check) => !check.ok && /was changed: its hash does not match its body/.test(check.message))).toBe(true);

    // A readable column that disagrees with the hashed body is caught by both verifiers.
    const relabelled = audit.replace(/,void,session,(\d+),/, ',amend,session,$1,');
    expect(relabelled).not.toBe(audit);
    changed.set('audit_events.csv', strToU8(relabelled));
    const pageRelabelled = await page.verifyBundleFiles(changed);
    expect(pageRelabelled.checks.find((check) => check.check === 'chain')?.message).toMatch(/its action column differs from its hashed body/);
    const relabelledZip = join(c.dir, 'relabelled.zip');
    writeFileSync(relabelledZip, zipSync(Object.fromEntries(changed)));
    expect((await verifyBundle(relabelledZip)).checks.find((check) => check.check === 'chain')?.message).toMatch(/its action column differs from its hashed body/);

    const wrongKey = await page.verifyBundleFiles(files, { expectedFingerprint: 'ab'.repeat(32) });
    expect(wrongKey.firstFailure?.message).toMatch(/NOT the one you expected/);
    const rightKey = JSON.parse(textOf(files, 'MANIFEST.json')).publicKeyFingerprint as string;
    expect((await page.verifyBundleFiles(files, { expectedFingerprint: rightKey })).ok).toBe(true);
  });

  it('names a file the bundle lacks', async () => {
    const changed = new Map(files);
    changed.delete('consents.csv');
    const result = await page.verifyBundleFiles(changed);
    expect(result.firstFailure).toMatchObject({ file: 'consents.csv', message: 'consents.csv is missing from the bundle' });
  });
});
