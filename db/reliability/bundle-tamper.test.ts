// Tamper detection for exported audit bundles: a single changed byte in any file of a bundle is caught by
// verify-export (verifyBundle) and blamed on that file; a changed byte anywhere in the ZIP itself either fails
// verification or changed no file's content (ZIP bookkeeping such as a timestamp).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRandom } from '../demo/demo-random';
import { openExportClinic, readBundle, type ExportClinic } from '../exports/export-test-helpers';
import { verifyBundle, type BundleVerification } from '../exports/verify-bundle';
import { bySize, reportFigures, seedShift, timeoutMs } from './reliability-size';

const randomCases = bySize(60, 1000);
const rawCases = bySize(30, 300);
let clinic: ExportClinic;
let bundlePath: string;
let files: Map<string, Uint8Array>;
const figures = { filesInBundle: 0, everyFileCaught: 0, randomCases: 0, randomCaught: 0, randomBlamedOnFile: 0, rawCases: 0, rawCaught: 0, rawRefusedUnreadable: 0, rawMetadataOnly: 0 };

beforeAll(async () => {
  clinic = await openExportClinic();
  const record = await clinic.call('exports.createBundle', { from: '2026-03-01', to: '2026-03-02', purpose: 'Tamper test', recipient: 'Reliability suite' });
  bundlePath = record.filePath;
  files = readBundle(bundlePath);
  figures.filesInBundle = files.size;
}, 60_000);
afterAll(() => {
  clinic.close();
  reportFigures('bundle-tamper', figures);
});

async function verifyWithChange(name: string, offset: number, bit: number): Promise<BundleVerification> {
  const changed = Uint8Array.from(files.get(name) as Uint8Array);
  changed[offset] = (changed[offset] as number) ^ (1 << bit);
  const entries = new Map(files);
  entries.set(name, changed);
  const path = join(clinic.dir, 'tampered.zip');
  writeFileSync(path, zipSync(Object.fromEntries(entries), { level: 0 }));
  return verifyBundle(path);
}

/** Blamed on the file: some failing check names it (the manifest's own edits can fail a check on a file it lists first). */
function blames(result: BundleVerification, name: string): boolean {
  return result.checks.some((c) => !c.ok && c.file === name);
}

describe('exported bundle tamper detection', () => {
  it('the untouched bundle verifies', async () => {
    expect((await verifyBundle(bundlePath)).ok).toBe(true);
  });

  it('one changed byte in each file of the bundle is caught and blamed on that file', async () => {
    const missed: string[] = [];
    for (const [name, bytes] of files) {
      const result = await verifyWithChange(name, Math.floor(bytes.length / 2), 0);
      if (!result.ok && blames(result, name)) figures.everyFileCaught += 1;
      else missed.push(`${name}: ${result.ok ? 'passed' : `blamed ${result.firstFailure?.file}`}`);
    }
    expect(missed).toEqual([]);
    expect(files.size).toBeGreaterThan(20);
  }, timeoutMs(30_000, 120_000));

  it(`${randomCases} random single-byte changes in random files are all caught`, async () => {
    const random = demoRandom(20260302 + seedShift);
    const names = [...files.keys()];
    const missed: string[] = [];
    for (let i = 0; i < randomCases; i += 1) {
      const name = random.pick(names);
      const length = (files.get(name) as Uint8Array).length;
      const offset = random.int(0, length - 1);
      const result = await verifyWithChange(name, offset, random.int(0, 7));
      figures.randomCases += 1;
      if (!result.ok) figures.randomCaught += 1;
      if (blames(result, name)) figures.randomBlamedOnFile += 1;
      if (result.ok) missed.push(`${name} byte ${offset}`);
    }
    expect(missed).toEqual([]);
  }, timeoutMs(30_000, 600_000));

  it(`${rawCases} changed bytes in the ZIP itself: caught, or no file's content changed`, async () => {
    const random = demoRandom(7 + seedShift);
    const raw = readFileSync(bundlePath);
    const undetected: string[] = [];
    for (let i = 0; i < rawCases; i += 1) {
      const at = random.int(0, raw.length - 1);
      const changed = Buffer.from(raw);
      changed[at] = (changed[at] as number) ^ (1 << random.int(0, 7));
      const path = join(clinic.dir, 'raw.zip');
      writeFileSync(path, changed);
      figures.rawCases += 1;
      // A ZIP too broken to read is refused by throwing (verify-export prints it as "Bundle check FAILED").
      const result = await verifyBundle(path).catch((error: unknown) => (error instanceof Error ? null : Promise.reject(error)));
      if (result === null) figures.rawRefusedUnreadable += 1;
      if (result === null || !result.ok) {
        figures.rawCaught += 1;
        continue;
      }
      // It verified: then every file must read back exactly as exported (the byte was ZIP bookkeeping).
      const contents = unzipSync(new Uint8Array(changed));
      const same = [...files].every(([name, bytes]) => Buffer.compare(Buffer.from(contents[name] ?? []), Buffer.from(bytes)) === 0) && Object.keys(contents).length === files.size;
      if (same) figures.rawMetadataOnly += 1;
      else undetected.push(`byte ${at}`);
    }
    expect(undetected).toEqual([]);
  }, timeoutMs(30_000, 600_000));
});
