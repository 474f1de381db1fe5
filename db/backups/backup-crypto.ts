// Passphrase encryption of backup files: AES-256-GCM with a key from scrypt, streamed. The format is in README.md.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync, writeSync } from 'node:fs';
import { BackupError } from './backup-error';

export const encryptedMagic = Buffer.from('CLOPSBAK', 'latin1');
const formatVersion = 1;
const saltLength = 16;
const ivLength = 12;
const checkLength = 16;
const tagLength = 16;
/** magic 8 + version 1 + log2(N) 1 + r 1 + p 1 + salt 16 + iv 12 + passphrase check 16 */
export const headerLength = 8 + 4 + saltLength + ivLength + checkLength;

export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

/** N = 2^15, r = 8: about 32 MiB and a tenth of a second per derivation, once per file. */
export const defaultCost: ScryptCost = { log2N: 15, r: 8, p: 1 };

export function isEncryptedBackup(fileStart: Buffer): boolean {
  return fileStart.length >= encryptedMagic.length && fileStart.subarray(0, encryptedMagic.length).equals(encryptedMagic);
}

function deriveKeys(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<{ key: Buffer; check: Buffer }> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) => {
    // 48 bytes: the first 32 are the AES key, the last 16 are stored so a wrong passphrase is told apart from a damaged file.
    scrypt(passphrase.normalize('NFC'), salt, 32 + checkLength, options, (error, derived) => {
      if (error) reject(error);
      else resolve({ key: derived.subarray(0, 32), check: derived.subarray(32) });
    });
  });
}

/** Encrypts `plainPath` into a new file at `outPath` (which must not exist), chunk by chunk. */
export async function encryptFile(plainPath: string, outPath: string, passphrase: string, cost: ScryptCost = defaultCost): Promise<void> {
  const salt = randomBytes(saltLength);
  const iv = randomBytes(ivLength);
  const { key, check } = await deriveKeys(passphrase, salt, cost);
  const header = Buffer.concat([encryptedMagic, Buffer.from([formatVersion, cost.log2N, cost.r, cost.p]), salt, iv, check]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The header is authenticated too, so changing the cost or version byte is detected like any other change.
  cipher.setAAD(header);
  const fd = openSync(outPath, 'wx', 0o600);
  try {
    writeAll(fd, header);
    for await (const chunk of createReadStream(plainPath)) writeAll(fd, cipher.update(chunk as Buffer));
    writeAll(fd, cipher.final());
    writeAll(fd, cipher.getAuthTag());
  } finally {
    closeSync(fd);
  }
}

/**
 * Decrypts an encrypted backup into a new file at `outPath` (or only hashes it when outPath is null) and returns the
 * SHA-256 of the plaintext. Bytes reach outPath before the tag is verified, so on any error the caller deletes it.
 */
export async function decryptFile(encPath: string, outPath: string | null, passphrase: string, label = encPath): Promise<string> {
  const size = statSync(encPath).size;
  if (size < headerLength + tagLength) throw new BackupError(`${label} is too short to be an encrypted Clinic Ops backup (cut off?).`, 'path');
  const header = readAt(encPath, 0, headerLength);
  const tag = readAt(encPath, size - tagLength, tagLength);
  const cost = parseHeader(header, label);
  const salt = header.subarray(12, 12 + saltLength);
  const iv = header.subarray(12 + saltLength, 12 + saltLength + ivLength);
  const storedCheck = header.subarray(headerLength - checkLength);
  const { key, check } = await deriveKeys(passphrase, salt, cost);
  if (!timingSafeEqual(check, storedCheck)) {
    throw new BackupError(`The passphrase is wrong for ${label}. Nothing was changed.`, 'passphrase');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  const hash = createHash('sha256');
  const fd = outPath === null ? null : openSync(outPath, 'wx', 0o600);
  try {
    if (size > headerLength + tagLength) {
      for await (const chunk of createReadStream(encPath, { start: headerLength, end: size - tagLength - 1 })) {
        const plain = decipher.update(chunk as Buffer);
        hash.update(plain);
        if (fd !== null) writeAll(fd, plain);
      }
    }
    try {
      const last = decipher.final();
      hash.update(last);
      if (fd !== null) writeAll(fd, last);
    } catch {
      throw new BackupError(`${label} was changed or damaged after it was written (its encryption does not authenticate). It was not used.`, 'path');
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return hash.digest('hex');
}

function parseHeader(header: Buffer, label: string): ScryptCost {
  if (!isEncryptedBackup(header)) throw new BackupError(`${label} is not an encrypted Clinic Ops backup.`, 'path');
  const version = header[8];
  if (version !== formatVersion) {
    throw new BackupError(`${label} uses encryption format ${version}, which this version of Clinic Ops does not know. Install the newer Clinic Ops.`, 'path');
  }
  const cost = { log2N: header[9] ?? 0, r: header[10] ?? 0, p: header[11] ?? 0 };
  // Bounds keep a hostile file from asking for gigabytes of memory or hours of work.
  if (cost.log2N < 10 || cost.log2N > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) {
    throw new BackupError(`${label} has an encryption header this app does not accept (damaged?).`, 'path');
  }
  return cost;
}

function readAt(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, position);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}
