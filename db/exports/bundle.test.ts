import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { extractWithUnzip, nonAsciiName, openExportClinic, pdfShownText, readBundle, sha256sumCheck, textOf, trickyNote, type ExportClinic } from './export-test-helpers';
import type { ExportRecordView } from './exports-contract';
import { keysDirFor } from './key-store';
import type { BundleManifest } from './manifest';
import { verifyBundle } from './verify-bundle';

let c: ExportClinic;
let record: ExportRecordView;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  c = await openExportClinic();
  record = await c.call('exports.createBundle', { from: '2026-03-01', to: '2026-03-02', purpose: 'State board inspection', recipient: 'Virginia Board of Physical Therapy' });
  files = readBundle(record.filePath);
});
afterAll(() => c.close());

const manifestOf = (entries: Map<string, Uint8Array>) => JSON.parse(textOf(entries, 'MANIFEST.json')) as BundleManifest;

/** Writes a bundle with the given entries (in the original order) to a new ZIP and verifies it. */
async function verifyRezipped(entries: Map<string, Uint8Array>, name: string) {
  const path = join(c.dir, name);
  writeFileSync(path, zipSync(Object.fromEntries(entries), { level: 6 }));
  return verifyBundle(path);
}

describe('an audit bundle', () => {
  it('holds a CSV per log, the audit events, the report, the docs, the key, the signed checkpoint and both manifests', () => {
    const names = [...files.keys()];
    for (const name of [
      'sessions.csv',
      'session_amendments.csv',
      'consents.csv',
      'needle_movements.csv',
      'ppe_movements.csv',
      'stock_lots.csv',
      'lot_recall_traces.csv',
      'payments.csv',
      'prices.csv',
      'packages.csv',
      'day_closes.csv',
      'staff.csv',
      'disclosures.csv',
      'audit_events.csv',
      'report.pdf',
      'DATA-DICTIONARY.md',
      'CANONICAL-ENCODING.md',
      'README.txt',
      'verify.html',
      'public-key.pem',
      'checkpoint.json',
      'checkpoint.sig',
      'MANIFEST.json',
      'MANIFEST.txt',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(record.fileName).toMatch(/^clinic-ops-audit-2026-03-01-to-2026-03-02-\d{8}T\d{6}Z\.zip$/);
    expect(statSync(record.filePath).size).toBe(record.sizeBytes);
    // Compliance tables exist in this schema, so their logs are in; the privacy-case list is not (not chosen).
    expect(names).toContain('sharps_injuries.csv');
    expect(names).not.toContain('sharps_injury_identities.csv');
  });

  it('passes verify-export: every hash, the chain slice to the signed head, both signatures', async () => {
    const result = await verifyBundle(record.filePath);
    expect(result.firstFailure).toBeNull();
    expect(result.ok).toBe(true);
    const chain = result.checks.find((check) => check.check === 'chain');
    expect(chain?.message).toMatch(/chain to the head/);
    const manifest = manifestOf(files);
    expect(manifest.auditChain.verifiedAtExport.isIntact).toBe(true);
    expect(manifest.auditChain.sliceLastSeq).toBe(manifest.checkpoint.eventCount);
  });

  it('writes CSVs that open cleanly: BOM, CRLF, header, dollars, yes/no, formulas neutralised, text exact', () => {
    const sessions = textOf(files, 'sessions.csv');
    expect(sessions.startsWith('\uFEFFid,session_date,start_time,')).toBe(true);
    expect(sessions.split('\r\n').length).toBeGreaterThan(3);
    // The note's quotes doubled, its line break kept inside the quoted field.
    expect(sessions).toContain(`"${trickyNote.replace(/"/g, '""')}"`);
    expect(sessions).toContain(",'-5 pain drop,");
    const payments = textOf(files, 'payments.csv');
    expect(payments).toMatch(/,payment,60\.00,60\.00,card,C-100,/);
    expect(payments).toMatch(/,refund,-12\.50,12\.50,card,C-100,/);
    expect(payments).toContain(",\"'@note, with comma\",");
    const staff = textOf(files, 'staff.csv');
    expect(staff).toContain(`${nonAsciiName},front_desk,"'+Reception, ""front""",no,yes`);
    expect(staff).not.toMatch(/pin_hash/);
  });

  it('carries each event body exactly as hashed, and marks readable columns so verify can compare them with it', () => {
    const audit = textOf(files, 'audit_events.csv');
    expect(audit.split('\r\n')[0]).toBe(
      '\uFEFFseq,event_id,at,actor_staff_id,actor_name,device_id,action,entity_type,entity_id,reason,body,prev_hash,hash,in_range,is_redacted',
    );
    // The void's reason begins with "-": marked with one apostrophe in its column, untouched inside the body.
    expect(audit).toContain(`,'-- wrong patient chart C-300,"{""action"":""void""`);
    expect(audit).toContain('""reason"":""-- wrong patient chart C-300""');
    const stored = c.env.db.prepare('SELECT body FROM audit_events WHERE seq = 1').pluck().get() as string;
    expect(audit).toContain(`"${stored.replace(/"/g, '""')}"`);
  });

  it('prints the report with the clinic name and "Page x of y" on every page and the chart numbers of the range', () => {
    const text = pdfShownText(files.get('report.pdf') as Uint8Array);
    const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)];
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.every((m) => m[2] === String(pages.length))).toBe(true);
    expect(text.split('Test Clinic - audit bundle 2026-03-01 to 2026-03-02').length - 1).toBe(pages.length);
    expect(text).toContain('C-100');
    expect(text).toContain('Dry-needling sessions');
  });

  it('records the export as an audit event with who, range, options and the manifest hash, and its disclosure', async () => {
    const event = c.env.db.prepare("SELECT action, actor_staff_id, after_json FROM audit_events WHERE entity_type = 'export' AND entity_id = ?").get(record.exportId) as {
      action: string;
      actor_staff_id: number;
      after_json: string;
    };
    expect(event.action).toBe('export');
    expect(event.actor_staff_id).toBe(c.managerId);
    const manifestSha = createHash('sha256').update(files.get('MANIFEST.json') as Uint8Array).digest('hex');
    expect(JSON.parse(event.after_json)).toMatchObject({ from: '2026-03-01', to: '2026-03-02', deidentify: false, manifestSha256: manifestSha, status: 'done' });
    expect(record.manifestSha256).toBe(manifestSha);
    const disclosures = await c.call('disclosures.list', { chartNumber: 'C-100' });
    expect(disclosures).toMatchObject([{ recipientName: 'Virginia Board of Physical Therapy', purpose: 'State board inspection', chartNumberCount: 3, exportId: record.exportId }]);
    expect(await c.call('disclosures.list', { chartNumber: 'C-999' })).toEqual([]);
    expect(verifyAuditChain(c.env.db).isIntact).toBe(true);
    expect((await c.call('exports.list', {}))[0]).toMatchObject({ exportId: record.exportId, status: 'done', createdByName: 'Morgan Manager' });
  });

  it('works with the common tools: unzip extracts it and sha256sum -c MANIFEST.txt says OK for every file', () => {
    const dir = join(c.dir, 'extracted');
    const extracted = extractWithUnzip(record.filePath, dir);
    if (extracted === null) return;
    expect(extracted).toEqual([...files.keys()].sort());
    const output = sha256sumCheck(dir);
    if (output === null) return;
    expect(output.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true);
    expect(output).toContain('MANIFEST.json: OK');
  });

  it('carries the public half of the clinic key kept beside the clinic file (mode 0600)', () => {
    const path = join(keysDirFor(c.dbPath), 'checkpoint-ed25519.pem');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(textOf(files, 'public-key.pem')).toContain('BEGIN PUBLIC KEY');
    expect(textOf(files, 'public-key.pem')).not.toContain('PRIVATE');
  });
});

describe('verify-export on a changed bundle', () => {
  it('fails naming the file whenever one byte of any file in the bundle changes', async () => {
    for (const [name, bytes] of files) {
      const changed = new Map(files);
      const copy = Uint8Array.from(bytes);
      // A byte in the middle, changed to something still printable so the file stays readable.
      const at = Math.floor(copy.length / 2);
      copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
      changed.set(name, copy);
      const result = await verifyRezipped(changed, `changed-${name}.zip`);
      expect(result.ok, name).toBe(false);
      expect(result.firstFailure?.file, `${name}: ${result.firstFailure?.message}`).toBe(name);
      expect(result.firstFailure?.message).toContain(name);
    }
  });

  it('fails on a changed byte inside the ZIP itself, naming the damaged entry', async () => {
    const zip = Buffer.from(readFileSync(record.filePath));
    const offset = zip.indexOf(Buffer.from('sessions.csv')) + 200;
    zip[offset] = (zip[offset] as number) ^ 0xff;
    const path = join(c.dir, 'damaged.zip');
    writeFileSync(path, zip);
    const result = await verifyBundle(path);
    expect(result.ok).toBe(false);
    expect(result.firstFailure?.file).toBe('sessions.csv');
  });

  it('fails on a tampered signature, even with the manifests made to agree', async () => {
    const manifest = manifestOf(files);
    const signature = Buffer.from(manifest.checkpointSignature, 'base64');
    signature[10] = (signature[10] as number) ^ 1;
    const changed = new Map(files);
    changed.set('checkpoint.sig', signature);
    const result = await verifyRezipped(changed, 'bad-signature.zip');
    expect(result.ok).toBe(false);
    expect(result.firstFailure?.file).toBe('checkpoint.sig');
  });

  it('fails on a truncated audit CSV whose manifests were rewritten to match', async () => {
    const audit = textOf(files, 'audit_events.csv');
    const lines = audit.split('\r\n');
    const truncated = `${lines.slice(0, -3).join('\r\n')}\r\n`;
    const changed = new Map(files);
    changed.set('audit_events.csv', strToU8(truncated));
    const manifest = manifestOf(files);
    const sha = createHash('sha256').update(truncated).digest('hex');
    const edited = { ...manifest, files: manifest.files.map((f) => (f.name === 'audit_events.csv' ? { ...f, sha256: sha, sizeBytes: Buffer.byteLength(truncated) } : f)) };
    const json = `${JSON.stringify(edited, null, 2)}\n`;
    changed.set('MANIFEST.json', strToU8(json));
    const jsonSha = createHash('sha256').update(json).digest('hex');
    changed.set(
      'MANIFEST.txt',
      strToU8(
        textOf(files, 'MANIFEST.txt')
          .split('\n')
          .map((line) => (line.endsWith('  audit_events.csv') ? `${sha}  audit_events.csv` : line.endsWith('  MANIFEST.json') ? `${jsonSha}  MANIFEST.json` : line))
          .join('\n'),
      ),
    );
    const result = await verifyRezipped(changed, 'truncated.zip');
    expect(result.ok).toBe(false);
    const failures = result.checks.filter((check) => !check.ok).map((check) => check.message);
    expect(failures.join('\n')).toMatch(/signature does not match/);
    expect(failures.join('\n')).toMatch(/audit_events\.csv ends at event #\d+, not at the head/);
  });

  it('refuses a bundle with an added file', async () => {
    const changed = new Map(files);
    changed.set('extra.csv', strToU8('a,b\r\n'));
    const result = await verifyRezipped(changed, 'extra.zip');
    expect(result.firstFailure?.file).toBe('extra.csv');
  });
});

describe('exports.createBundle input', () => {
  it('refuses a range whose start is after its end, and injury identities from an auditor', async () => {
    const result = await dispatch(c.env, 'exports.createBundle', { from: '2026-03-03', to: '2026-03-02', purpose: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } });
    const auditor = await c.call('staff.create', { name: 'Avery Auditor', role: 'auditor', jobTitle: 'Inspector' });
    c.env.session.signIn(auditor.id, Date.parse('2026-03-02T20:00:00.000Z'));
    try {
      const refused = await dispatch(c.env, 'exports.createBundle', { from: '2026-03-01', to: '2026-03-02', purpose: 'audit', includeInjuryIdentities: true });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'includeInjuryIdentities' } });
    } finally {
      c.env.session.signIn(c.managerId, Date.parse('2026-03-02T20:00:00.000Z'));
    }
  });
});
