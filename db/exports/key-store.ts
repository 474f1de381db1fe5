// The clinic's own keys: an Ed25519 pair that signs export checkpoints and an HMAC secret for pseudonyms.
// In browser mode (and until the desktop app wraps them with Electron safeStorage) they are files readable
// only by the user, in a keys/ folder beside the clinic file.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppEnvironment } from '../api/handler-context';

export interface SigningKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** Where the checkpoint key lives; the desktop app supplies one backed by safeStorage. */
export interface KeyStore {
  loadOrCreate(): SigningKeys;
}

/** A 32-byte secret kept by the clinic (the pseudonym key). */
export interface SecretStore {
  loadOrCreate(): Buffer;
}

export interface ClinicKeyStores {
  signing: KeyStore;
  pseudonym: SecretStore;
}

export const signingKeyFileName = 'checkpoint-ed25519.pem';
export const pseudonymKeyFileName = 'pseudonym-hmac.key';

export function keysDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'keys');
}

const isPosix = process.platform !== 'win32';

/** Creates the file only if it does not exist ('wx'), so two processes racing keep one key. */
function createPrivateFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
}

function readPrivateFile(path: string): string | null {
  if (!existsSync(path)) return null;
  // A key copied in with loose permissions (a restore, a manual copy) is tightened to the user only.
  if (isPosix && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return readFileSync(path, 'utf8');
}

export function fileKeyStore(dir: string): KeyStore {
  const path = join(dir, signingKeyFileName);
  return {
    loadOrCreate() {
      let pem = readPrivateFile(path);
      if (pem === null) {
        const { privateKey } = generateKeyPairSync('ed25519');
        createPrivateFile(path, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
        pem = readPrivateFile(path) ?? '';
      }
      const privateKey = createPrivateKey(pem);
      if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} does not hold an Ed25519 private key.`);
      const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
      return { privateKey, publicKeyPem };
    },
  };
}

export function fileSecretStore(dir: string, fileName = pseudonymKeyFileName): SecretStore {
  const path = join(dir, fileName);
  return {
    loadOrCreate() {
      let text = readPrivateFile(path);
      if (text === null) {
        createPrivateFile(path, `${randomBytes(32).toString('hex')}\n`);
        text = readPrivateFile(path) ?? '';
      }
      const hex = text.trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${path} does not hold a 32-byte key written as 64 hex digits.`);
      return Buffer.from(hex, 'hex');
    },
  };
}

/** Encrypts text at rest with the operating system's protected storage (the desktop app's safeStorage). */
export interface KeyProtector {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

/**
 * The clinic's keys kept encrypted by a protector, as `<name>.protected` files. A plain key file left by the
 * browser mode is taken over (encrypted, then removed), so the clinic keeps one signing key.
 */
export function protectedKeyStores(dir: string, protector: KeyProtector): ClinicKeyStores {
  const protectedText = (fileName: string, create: () => string): string => {
    const path = join(dir, `${fileName}.protected`);
    if (existsSync(path)) return protector.decrypt(readFileSync(path));
    const plainPath = join(dir, fileName);
    const text = readPrivateFile(plainPath) ?? create();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(path, protector.encrypt(text), { mode: 0o600, flag: 'wx' });
    if (existsSync(plainPath)) rmSync(plainPath);
    return protector.decrypt(readFileSync(path));
  };
  return {
    signing: {
      loadOrCreate() {
        const pem = protectedText(signingKeyFileName, () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
        const privateKey = createPrivateKey(pem);
        return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string };
      },
    },
    pseudonym: {
      loadOrCreate() {
        return Buffer.from(protectedText(pseudonymKeyFileName, () => `${randomBytes(32).toString('hex')}\n`).trim(), 'hex');
      },
    },
  };
}

const overrides = new WeakMap<AppEnvironment, ClinicKeyStores>();

/** The desktop app installs stores wrapped with safeStorage for its environment; everyone else gets files. */
export function setClinicKeyStores(env: AppEnvironment, stores: ClinicKeyStores): void {
  overrides.set(env, stores);
}

export function clinicKeyStores(env: Pick<AppEnvironment, 'dbPath'> & Partial<AppEnvironment>): ClinicKeyStores {
  const override = overrides.get(env as AppEnvironment);
  if (override) return override;
  const dir = keysDirFor(env.dbPath);
  return { signing: fileKeyStore(dir), pseudonym: fileSecretStore(dir) };
}

/** SHA-256 of the public key's DER (SubjectPublicKeyInfo): what an auditor compares between bundles. */
export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
