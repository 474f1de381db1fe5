// MANIFEST.json and MANIFEST.txt of a bundle, and the signed checkpoint: the clinic's Ed25519 signature over
// {clinicId, eventCount, headHash, at}, so a rebuilt or truncated log no longer matches what an auditor holds.
import { sign, verify, createPublicKey } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';
import type { ChainAtExport } from './audit-events-csv';
import type { SigningKeys } from './key-store';

export const bundleFormat = 'clinic-ops-audit-bundle/1';
export const manifestJsonName = 'MANIFEST.json';
export const manifestTxtName = 'MANIFEST.txt';

export interface Checkpoint {
  clinicId: string;
  eventCount: number;
  headHash: string;
  /** UTC instant the head was read. */
  at: string;
}

export interface ManifestFile {
  name: string;
  sha256: string;
  sizeBytes: number;
  /** Data rows of a CSV. */
  rows?: number;
  description: string;
}

export interface BundleManifest {
  format: typeof bundleFormat;
  exportId: string;
  clinic: { clinicId: string; name: string; address: string; timeZone: string };
  range: { from: string; to: string; fromInstant: string; toInstant: string };
  generatedAt: string;
  generatedBy: { staffId: number | null; name: string; role: string; via: 'app' | 'cli' };
  appVersion: string;
  options: { isDeidentified: boolean; includeInjuryIdentities: boolean; purpose: string; recipient: string | null };
  auditChain: {
    eventCount: number;
    headHash: string;
    /** First and last seq of audit_events.csv: the slice runs from the first event of the range to the head. */
    sliceFirstSeq: number | null;
    sliceLastSeq: number | null;
    eventsInRange: number;
    /** Events whose chart numbers were replaced (de-identified bundles): links checked, hash not recomputable. */
    redactedEvents: number;
    isRecomputable: boolean;
    verifiedAtExport: ChainAtExport;
  };
  patientCount: number;
  checkpoint: Checkpoint;
  /** Base64 Ed25519 signature over the UTF-8 canonical JSON of `checkpoint` (also checkpoint.json / checkpoint.sig). */
  checkpointSignature: string;
  publicKeyFingerprint: string;
  files: ManifestFile[];
  /** Base64 Ed25519 signature over the canonical JSON of this manifest without this field. */
  manifestSignature: string;
}

export function checkpointText(checkpoint: Checkpoint): string {
  return canonicalJson(checkpoint);
}

export function signText(keys: SigningKeys, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), keys.privateKey).toString('base64');
}

export function isSignatureValid(publicKeyPem: string, text: string, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** What the manifest signature covers: everything but the signature itself, canonically encoded. */
export function manifestSigningText(manifest: Omit<BundleManifest, 'manifestSignature'> & { manifestSignature?: string }): string {
  const { manifestSignature: _ignored, ...signed } = manifest;
  return canonicalJson(signed);
}

export function signManifest(keys: SigningKeys, unsigned: Omit<BundleManifest, 'manifestSignature'>): BundleManifest {
  return { ...unsigned, manifestSignature: signText(keys, manifestSigningText(unsigned)) };
}

/** Pretty-printed exactly so: verify compares the file with this form, so even a changed space is noticed. */
export function manifestJsonText(manifest: BundleManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `sha256sum` format (two spaces, then the name), so `sha256sum -c MANIFEST.txt` checks the extracted bundle. */
export function manifestTxtText(files: ReadonlyArray<{ name: string; sha256: string }>): string {
  return files.map((f) => `${f.sha256}  ${f.name}\n`).join('');
}
