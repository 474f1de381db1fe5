import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/test-clinic';
import { fileKeyStore, fileSecretStore, protectedKeyStores, publicKeyFingerprint, signingKeyFileName } from './key-store';

describe('the clinic key files', () => {
  it('creates an Ed25519 pair at first need, readable only by the user, and loads the same key after', () => {
    const dir = join(makeTempDir(), 'keys');
    const first = fileKeyStore(dir).loadOrCreate();
    const again = fileKeyStore(dir).loadOrCreate();
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
    const signature = sign(null, Buffer.from('checkpoint'), first.privateKey);
    expect(verify(null, Buffer.from('checkpoint'), again.publicKeyPem, signature)).toBe(true);
    expect(publicKeyFingerprint(first.publicKeyPem)).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform === 'win32') return;
    expect(statSync(join(dir, signingKeyFileName)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('tightens a key file copied in with loose permissions, and refuses one that is not a key', () => {
    const dir = makeTempDir();
    fileKeyStore(dir).loadOrCreate();
    const path = join(dir, signingKeyFileName);
    if (process.platform !== 'win32') {
      chmodSync(path, 0o644);
      fileKeyStore(dir).loadOrCreate();
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    writeFileSync(join(dir, 'pseudonym-hmac.key'), 'not hex\n', { mode: 0o600 });
    expect(() => fileSecretStore(dir).loadOrCreate()).toThrow(/64 hex digits/);
    expect(readFileSync(path, 'utf8')).toContain('PRIVATE KEY');
  });

  it('keeps a 32-byte pseudonym secret', () => {
    const dir = makeTempDir();
    const secret = fileSecretStore(dir).loadOrCreate();
    expect(secret.length).toBe(32);
    expect(fileSecretStore(dir).loadOrCreate().equals(secret)).toBe(true);
  });
});

describe('protected key stores (the desktop app wraps keys with safeStorage)', () => {
  it('keeps keys only encrypted, takes over a plain key left by the browser mode, and gives the same keys again', () => {
    const dir = join(makeTempDir(), 'keys');
    const plain = fileKeyStore(dir).loadOrCreate();
    // A stand-in for safeStorage: reversible, and visibly not the plain text.
    const protector = { encrypt: (t: string) => Buffer.from(t).reverse(), decrypt: (b: Buffer) => Buffer.from(b).reverse().toString() };
    const stores = protectedKeyStores(dir, protector);
    const first = stores.signing.loadOrCreate();
    expect(first.publicKeyPem).toBe(plain.publicKeyPem);
    const secret = stores.pseudonym.loadOrCreate();
    expect(secret).toHaveLength(32);
    expect(readdirSync(dir).sort()).toEqual(['checkpoint-ed25519.pem.protected', 'pseudonym-hmac.key.protected']);
    expect(readFileSync(join(dir, 'checkpoint-ed25519.pem.protected'), 'utf8')).not.toContain('PRIVATE KEY');
    const again = protectedKeyStores(dir, protector);
    expect(again.signing.loadOrCreate().publicKeyPem).toBe(first.publicKeyPem);
    expect(again.pseudonym.loadOrCreate().equals(secret)).toBe(true);
  });
});
