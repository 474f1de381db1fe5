// Checks an audit bundle ZIP in Node, streaming (clinic-ops verify-export and the tests): every SHA-256 in the
// manifest, the audit chain slice up to the signed head, and the Ed25519 signatures. The same checks as
// verify.html (verify-page-script.ts), written independently so each keeps the other honest.
import { createHash, createPublicKey } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';
import { computeBodyHash } from '../audit/event-hash';
import { GENESIS_HASH } from '../migrations/0003-create-audit-events';
import { auditEventsFileName, unmarkAuditText } from './audit-events-csv';
import { isSignatureValid, manifestJsonName, manifestJsonText, manifestSigningText, manifestTxtName, type BundleManifest } from './manifest';
import { readZipDirectory, streamZipEntry } from './zip-reader';

export interface VerifyCheck {
  check: 'zip' | 'manifest' | 'file' | 'signature' | 'chain';
  /** The file the check is about, or the one blamed when it fails. */
  file: string;
  ok: boolean;
  message: string;
}

export interface BundleVerification {
  ok: boolean;
  checks: VerifyCheck[];
  firstFailure: VerifyCheck | null;
  manifest: BundleManifest | null;
}

/** Files kept whole in memory to be read; everything else is only hashed as it streams past. */
const smallFiles = new Set([manifestJsonName, manifestTxtName, 'public-key.pem', 'checkpoint.json', 'checkpoint.sig']);
const maxKeptBytes = 64 * 1024 * 1024;

/** RFC 4180 records from text arriving in chunks (a quoted field may span chunks and lines). */
export class CsvStreamParser {
  private field = '';
  private record: string[] = [];
  private isInQuotes = false;
  private isQuotePending = false;
  private isAtFieldStart = true;
  private isAfterCr = false;

  constructor(private readonly onRecord: (fields: string[]) => void) {}

  push(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.isInQuotes) {
        if (this.isQuotePending) {
          this.isQuotePending = false;
          if (c === 34) {
            this.field += '"';
            i += 1;
            continue;
          }
          this.isInQuotes = false;
          continue;
        }
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          this.field += text.slice(i);
          return;
        }
        this.field += text.slice(i, quote);
        this.isQuotePending = true;
        i = quote + 1;
        continue;
      }
      if (this.isAfterCr) {
        this.isAfterCr = false;
        if (c === 10) {
          i += 1;
          continue;
        }
      }
      if (c === 34 && this.isAtFieldStart) {
        this.isInQuotes = true;
        this.isAtFieldStart = false;
        i += 1;
      } else if (c === 44) {
        this.endField();
        i += 1;
      } else if (c === 13 || c === 10) {
        this.endField();
        this.endRecord();
        this.isAfterCr = c === 13;
        i += 1;
      } else {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 44 || d === 13 || d === 10) break;
          j += 1;
        }
        this.field += text.slice(i, j);
        this.isAtFieldStart = false;
        i = j;
      }
    }
  }

  end(): void {
    if (this.isInQuotes && !this.isQuotePending) throw new Error('a quoted field is not closed at the end of the file');
    this.isInQuotes = false;
    if (!this.isAtFieldStart || this.record.length > 0) {
      this.endField();
      this.endRecord();
    }
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.isAtFieldStart = true;
  }

  private endRecord(): void {
    const record = this.record;
    this.record = [];
    if (record.length === 1 && record[0] === '') return;
    this.onRecord(record);
  }
}

const chainColumns = ['seq', 'event_id', 'at', 'actor_staff_id', 'device_id', 'action', 'entity_type', 'entity_id', 'reason', 'body', 'prev_hash', 'hash'];

/** The readable columns and the body key each must equal; text columns carry the export's apostrophe mark. */
const bodyFields: Array<[column: string, key: string, kind: 'text' | 'nullable_text' | 'nullable_int']> = [
  ['event_id', 'event_id', 'text'],
  ['at', 'at', 'text'],
  ['actor_staff_id', 'actor_staff_id', 'nullable_int'],
  ['device_id', 'device_id', 'text'],
  ['action', 'action', 'text'],
  ['entity_type', 'entity_type', 'text'],
  ['entity_id', 'entity_id', 'text'],
  ['reason', 'reason', 'nullable_text'],
];

/** What a readable column's cell stands for, to compare with the body. */
export function cellValue(cell: string, kind: 'text' | 'nullable_text' | 'nullable_int'): string | number | null {
  if (kind === 'nullable_int') return cell === '' ? null : Number(cell);
  if (kind === 'nullable_text' && cell === '') return null;
  return unmarkAuditText(cell);
}

/** Walks audit_events.csv row by row: contiguous seq, each prev_hash the hash before it, each hash recomputed from body. */
class ChainWalker {
  private col: Record<string, number> | null = null;
  private width = 0;
  firstSeq: number | null = null;
  last: { seq: number; hash: string } | null = null;
  rows = 0;
  redacted = 0;
  problem: string | null = null;

  onRecord(fields: string[]): void {
    if (this.problem) return;
    if (this.col === null) {
      const header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f));
      this.col = Object.fromEntries(header.map((h, i) => [h, i]));
      this.width = header.length;
      const missing = chainColumns.find((c) => !(c in (this.col as Record<string, number>)));
      if (missing) this.problem = `${auditEventsFileName} has no ${missing} column`;
      return;
    }
    const col = this.col;
    const at = (name: string) => fields[col[name] as number] ?? '';
    this.rows += 1;
    const where = `${auditEventsFileName}: row ${this.rows}`;
    if (fields.length !== this.width) {
      this.problem = `${where} has ${fields.length} fields, not ${this.width}`;
      return;
    }
    const seq = Number(at('seq'));
    if (!Number.isInteger(seq) || seq < 1) {
      this.problem = `${where} has no valid seq`;
      return;
    }
    const prevHash = at('prev_hash');
    const hash = at('hash');
    const body = at('body');
    if (this.last === null) {
      this.firstSeq = seq;
      if (seq === 1 && prevHash !== GENESIS_HASH) {
        this.problem = `${auditEventsFileName}: event #1 does not start from the genesis hash`;
        return;
      }
    } else if (seq !== this.last.seq + 1) {
      this.problem = `${auditEventsFileName}: event #${this.last.seq + 1} is missing (the next row is #${seq})`;
      return;
    } else if (prevHash !== this.last.hash) {
      this.problem = `${auditEventsFileName}: event #${seq} does not follow event #${this.last.seq} (prev_hash differs)`;
      return;
    }
    if ('is_redacted' in col && at('is_redacted') === 'yes') this.redacted += 1;
    else if (computeBodyHash(prevHash, body) !== hash) {
      this.problem = `${auditEventsFileName}: event #${seq} was changed: its hash does not match its body`;
      return;
    }
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(body) as Record<string, unknown>;
    } catch {
      this.problem = `${auditEventsFileName}: event #${seq} has a body that is not JSON`;
      return;
    }
    if (event.seq !== seq) {
      this.problem = `${auditEventsFileName}: row ${this.rows} says event #${seq}, its body says #${String(event.seq)}`;
      return;
    }
    // A readable column must say what the hashed body says, or a reader could be misled while hashes pass.
    for (const [column, key, kind] of bodyFields) {
      if (cellValue(at(column), kind) !== (event[key] ?? null)) {
        this.problem = `${auditEventsFileName}: event #${seq}: its ${column} column differs from its hashed body`;
        return;
      }
    }
    this.last = { seq, hash };
  }
}

function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) throw new Error(`line ${i + 1} is not "<sha256>  <file name>"`);
    sums.set(match[2] as string, match[1] as string);
  });
  return sums;
}

function fingerprintOf(publicKeyPem: string): string {
  try {
    return createHash('sha256').update(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' })).digest('hex');
  } catch {
    return '';
  }
}

export async function verifyBundle(zipPath: string, options: { expectedFingerprint?: string } = {}): Promise<BundleVerification> {
  const checks: VerifyCheck[] = [];
  const add = (check: VerifyCheck['check'], file: string, ok: boolean, message: string) => checks.push({ check, file, ok, message });
  let manifest: BundleManifest | null = null;
  const result = (): BundleVerification => {
    const firstFailure = checks.find((c) => !c.ok) ?? null;
    return { ok: firstFailure === null, checks, firstFailure, manifest };
  };

  // One streaming pass over every entry: hash it, keep the small ones, walk the chain in the audit CSV.
  const actual = new Map<string, { sha256: string; sizeBytes: number }>();
  const kept = new Map<string, Buffer>();
  const walker = new ChainWalker();
  let chainReadError: string | null = null;
  for (const entry of readZipDirectory(zipPath)) {
    // The files kept in memory are a few kB in a real bundle; a huge one is refused, not loaded.
    if (smallFiles.has(entry.name) && entry.size > maxKeptBytes) {
      add('zip', entry.name, false, `${entry.name} is ${entry.size} bytes, far more than a bundle's ${entry.name} holds`);
      continue;
    }
    const hash = createHash('sha256');
    const parts: Buffer[] = [];
    const isAudit = entry.name === auditEventsFileName;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parser = new CsvStreamParser((fields) => walker.onRecord(fields));
    try {
      await streamZipEntry(zipPath, entry, (chunk) => {
        hash.update(chunk);
        if (smallFiles.has(entry.name)) parts.push(chunk);
        if (isAudit && chainReadError === null) {
          try {
            parser.push(decoder.decode(chunk, { stream: true }));
          } catch (error) {
            chainReadError = (error as Error).message;
          }
        }
      });
      if (isAudit && chainReadError === null) {
        try {
          parser.push(decoder.decode());
          parser.end();
        } catch (error) {
          chainReadError = (error as Error).message;
        }
      }
    } catch (error) {
      add('zip', entry.name, false, (error as Error).message);
      continue;
    }
    actual.set(entry.name, { sha256: hash.digest('hex'), sizeBytes: entry.size });
    if (smallFiles.has(entry.name)) kept.set(entry.name, Buffer.concat(parts));
  }

  const manifestBytes = kept.get(manifestJsonName);
  if (!manifestBytes) {
    add('manifest', manifestJsonName, false, `${manifestJsonName} is missing`);
    return result();
  }
  const manifestText = manifestBytes.toString('utf8');
  try {
    manifest = JSON.parse(manifestText) as BundleManifest;
  } catch {
    add('manifest', manifestJsonName, false, `${manifestJsonName} is not valid JSON: it was damaged`);
    return result();
  }
  if (!manifest || manifest.format !== 'clinic-ops-audit-bundle/1' || !Array.isArray(manifest.files)) {
    add('manifest', manifestJsonName, false, `${manifestJsonName} is not a Clinic Ops audit bundle manifest`);
    manifest = null;
    return result();
  }
  const m = manifest;
  const isFormIntact = manifestJsonText(m) === manifestText;
  add('manifest', manifestJsonName, isFormIntact, isFormIntact ? `${manifestJsonName} reads as written` : `${manifestJsonName} was edited: its text is not as it was written`);

  let sums = new Map<string, string>();
  try {
    const sumsBytes = kept.get(manifestTxtName);
    if (!sumsBytes) throw new Error('it is missing');
    sums = parseSums(sumsBytes.toString('utf8'));
    add('manifest', manifestTxtName, true, `${manifestTxtName} reads as a sha256sum list`);
  } catch (error) {
    add('manifest', manifestTxtName, false, `${manifestTxtName}: ${(error as Error).message}`);
  }

  // A file differing from both lists was changed; one list differing from the file and the other list was.
  const listed = new Set<string>();
  for (const f of m.files) {
    listed.add(f.name);
    const got = actual.get(f.name);
    if (!got) {
      if (!checks.some((c) => c.check === 'zip' && c.file === f.name)) add('file', f.name, false, `${f.name} is missing from the bundle`);
      continue;
    }
    const isJsonOk = f.sha256 === got.sha256 && f.sizeBytes === got.sizeBytes;
    const isTxtOk = sums.get(f.name) === got.sha256;
    if (isJsonOk && isTxtOk) add('file', f.name, true, `${f.name}: SHA-256 ${f.sha256.slice(0, 16)}... matches`);
    else if (!isJsonOk && !isTxtOk) add('file', f.name, false, `${f.name} was changed: its SHA-256 does not match MANIFEST.json or MANIFEST.txt`);
    else if (!isJsonOk) add('file', manifestJsonName, false, `${manifestJsonName} was changed: it lists another SHA-256 or size for ${f.name} than the file and MANIFEST.txt have`);
    else add('file', manifestTxtName, false, `${manifestTxtName} was changed: its line for ${f.name} does not match the file`);
  }
  for (const name of sums.keys()) {
    if (name !== manifestJsonName && !listed.has(name)) add('file', manifestTxtName, false, `${manifestTxtName} lists ${name}, which MANIFEST.json does not`);
  }
  for (const name of actual.keys()) {
    if (name !== manifestJsonName && name !== manifestTxtName && !listed.has(name)) add('file', name, false, `${name} is not listed in the manifest: it was added`);
  }

  const publicKeyPem = kept.get('public-key.pem')?.toString('utf8') ?? '';
  const isManifestSigned = isSignatureValid(publicKeyPem, manifestSigningText(m), m.manifestSignature ?? '');
  const isCheckpointSigned = isSignatureValid(publicKeyPem, canonicalJson(m.checkpoint), m.checkpointSignature ?? '');
  const manifestSum = sums.get(manifestJsonName);
  if (manifestSum === actual.get(manifestJsonName)?.sha256) add('file', manifestJsonName, true, `${manifestJsonName}: SHA-256 matches MANIFEST.txt`);
  else if (isFormIntact && isManifestSigned) add('file', manifestTxtName, false, `${manifestTxtName} was changed: its line for ${manifestJsonName} does not match`);
  else add('file', manifestJsonName, false, `${manifestJsonName} was changed: its SHA-256 does not match MANIFEST.txt`);

  add('signature', manifestJsonName, isManifestSigned, isManifestSigned ? `${manifestJsonName} is signed by the clinic key` : `${manifestJsonName}: its signature does not match its content`);
  const cp = m.checkpoint;
  add(
    'signature',
    manifestJsonName,
    isCheckpointSigned,
    isCheckpointSigned
      ? `the checkpoint (event ${cp.eventCount}, head ${String(cp.headHash).slice(0, 16)}...) is signed by the clinic key`
      : 'the checkpoint signature in MANIFEST.json does not match',
  );
  const fingerprint = fingerprintOf(publicKeyPem);
  add('signature', 'public-key.pem', fingerprint === m.publicKeyFingerprint, `clinic key fingerprint ${fingerprint || '(unreadable key)'}${fingerprint === m.publicKeyFingerprint ? '' : ' differs from the manifest'}`);
  if (options.expectedFingerprint) {
    const isExpected = fingerprint === options.expectedFingerprint.toLowerCase();
    add('signature', 'public-key.pem', isExpected, isExpected ? 'the key is the one you expected' : `the key is NOT the one you expected (${options.expectedFingerprint})`);
  }
  const checkpointFile = kept.get('checkpoint.json')?.toString('utf8');
  const isCheckpointFileOk = checkpointFile === canonicalJson(cp);
  add('signature', 'checkpoint.json', isCheckpointFileOk, isCheckpointFileOk ? 'checkpoint.json is the signed checkpoint' : 'checkpoint.json differs from the checkpoint in MANIFEST.json');
  const sigFile = kept.get('checkpoint.sig');
  const isSigFileOk = sigFile !== undefined && sigFile.equals(Buffer.from(m.checkpointSignature ?? '', 'base64'));
  add('signature', 'checkpoint.sig', isSigFileOk, isSigFileOk ? 'checkpoint.sig is the checkpoint signature' : 'checkpoint.sig differs from the signature in MANIFEST.json');
  const isCheckpointConsistent = cp.eventCount === m.auditChain.eventCount && cp.headHash === m.auditChain.headHash && cp.clinicId === m.clinic.clinicId;
  add(
    'signature',
    manifestJsonName,
    isCheckpointConsistent,
    isCheckpointConsistent ? 'the checkpoint names this clinic and the chain head in the manifest' : 'the checkpoint does not match the clinic or chain head in the manifest',
  );

  add('chain', auditEventsFileName, ...chainOutcome(m, walker, actual.has(auditEventsFileName), chainReadError));
  return result();
}

function chainOutcome(m: BundleManifest, walker: ChainWalker, isPresent: boolean, readError: string | null): [boolean, string] {
  if (!isPresent) return [false, `${auditEventsFileName} is missing or damaged`];
  if (readError) return [false, `${auditEventsFileName} cannot be read: ${readError}`];
  if (walker.problem) return [false, walker.problem];
  const chain = m.auditChain;
  if (walker.last === null || walker.firstSeq === null) return [false, `${auditEventsFileName} holds no events`];
  if (walker.firstSeq !== chain.sliceFirstSeq) return [false, `${auditEventsFileName} starts at event #${walker.firstSeq}, the manifest says #${chain.sliceFirstSeq}`];
  if (walker.last.seq !== chain.eventCount || walker.last.hash !== chain.headHash) {
    return [false, `${auditEventsFileName} ends at event #${walker.last.seq}, not at the head in the manifest (#${chain.eventCount}): events are missing or the head differs`];
  }
  if (walker.redacted !== chain.redactedEvents) return [false, `${auditEventsFileName} flags ${walker.redacted} events as redacted; the signed manifest says ${chain.redactedEvents}`];
  const recomputed = walker.rows - walker.redacted;
  return [
    true,
    `audit chain: events #${walker.firstSeq} to #${walker.last.seq} chain to the head ${walker.last.hash.slice(0, 16)}...; ${recomputed} hashes recomputed` +
      (walker.redacted ? `, ${walker.redacted} de-identified events checked by their links only` : ''),
  ];
}
