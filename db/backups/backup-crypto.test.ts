import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/local-caller';
import { makeTempDir, openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { decryptFile, encryptFile, encryptedMagic, headerLength } from './backup-crypto';
import { BackupError } from './backup-error';
import { sha256OfFile } from './backup-files';
import { addSomeRecords, contentHash, flipBytes } from './backup-test-helpers';
import { passphraseEnvVar } from './passphrase';


const fast = { log2N: 10, r: 8, p: 1 };

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error,
  );
}

describe('the encrypted file format', () => {
  const dir = makeTempDir();
  const plain = join(dir, 'plain.bin');
  writeFileSync(plain, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(200_000, 7)]));

  it('round-trips, streaming, and hides the plaintext', async () => {
    const enc = join(dir, 'rt.enc');
    await encryptFile(plain, enc, 'correct horse battery', fast);
    const bytes = readFileSync(enc);
    expect(bytes.subarray(0, 8)).toEqual(encryptedMagic);
    expect(bytes.length).toBe(headerLength + statSync(plain).size + 16);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const out = join(dir, 'rt.out');
    expect(await decryptFile(enc, out, 'correct horse battery')).toBe(await sha256OfFile(plain));
    expect(readFileSync(out)).toEqual(readFileSync(plain));
  });

  it('tells a wrong passphrase apart from a changed file, and never overwrites an existing file', async () => {
    const enc = join(dir, 'bad.enc');
    await encryptFile(plain, enc, 'correct horse battery', fast);
    const wrong = await rejection(decryptFile(enc, null, 'wrong horse battery'));
    expect(wrong).toBeInstanceOf(BackupError);
    expect(wrong.message).toMatch(/passphrase is wrong/);
    expect((wrong as BackupError).field).toBe('passphrase');

    flipBytes(enc, headerLength + 1000, 1);
    expect((await rejection(decryptFile(enc, null, 'correct horse battery'))).message).toMatch(/changed or damaged after it was written/);
    flipBytes(enc, headerLength + 1000, 1);
    // The cost bytes are authenticated too.
    flipBytes(enc, 10, 1);
    expect((await rejection(decryptFile(enc, null, 'correct horse battery'))).message).toMatch(/does not accept|passphrase is wrong|changed/);

    writeFileSync(join(dir, 'short.enc'), encryptedMagic);
    expect((await rejection(decryptFile(join(dir, 'short.enc'), null, 'x'))).message).toMatch(/too short/);
    expect((await rejection(encryptFile(plain, plain, 'correct horse battery', fast))).message).toMatch(/EEXIST/);
  });
});

describe('encrypted backups through the API', () => {
  let clinic: TestClinic;
  beforeEach(async () => {
    clinic = await openTestClinic();
    await addSomeRecords(clinic, 'A');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    clinic.close();
  });

  it('write a .enc file that restores with its passphrase only', async () => {
    const data = contentHash(clinic.dbPath, { skipTables: ['audit_chain_head'] });
    const backup = await clinic.call('backups.runNow', { passphrase: 'a long passphrase' });
    expect(backup).toMatchObject({ status: 'ok', isEncrypted: true });
    expect(backup.fileName).toMatch(/-manual\.sqlite3\.enc$/);
    expect(readFileSync(backup.path).subarray(0, 8)).toEqual(encryptedMagic);

    const missing = await rejection(clinic.call('backups.restore', { backupId: backup.id ?? 0, reason: 'no passphrase' }));
    expect((missing as ApiCallError).body).toMatchObject({ code: 'rule_violation', field: 'passphrase', message: expect.stringMatching(/is encrypted: give its passphrase/) });
    const wrong = await rejection(clinic.call('backups.restore', { backupId: backup.id ?? 0, passphrase: 'not the passphrase', reason: 'wrong' }));
    expect((wrong as ApiCallError).body).toMatchObject({ field: 'passphrase', message: expect.stringMatching(/passphrase is wrong/) });

    await addSomeRecords(clinic, 'B');
    const result = await clinic.call('backups.restore', { backupId: backup.id ?? 0, passphrase: 'a long passphrase', reason: 'encrypted round trip' });
    expect(contentHash(clinic.dbPath, { auditEventsUpTo: result.eventCount, skipTables: ['audit_chain_head'] })).toBe(data);
    expect(clinic.env.db.prepare("SELECT count(*) FROM staff WHERE name = 'Therapist B'").pluck().get()).toBe(0);
  });

  it('follow the setting with the passphrase from the environment, and fail clearly without it', async () => {
    await clinic.call('settings.update', { backupEncrypted: true });
    vi.stubEnv(passphraseEnvVar, '');
    const refused = await clinic.call('backups.runNow', {});
    expect(refused).toMatchObject({ status: 'failed', isPresent: false });
    expect(refused.message).toMatch(/no passphrase was given and CLINIC_OPS_BACKUP_PASSPHRASE is not set/);

    vi.stubEnv(passphraseEnvVar, 'from the environment');
    const backup = await clinic.call('backups.runNow', {});
    expect(backup.isEncrypted).toBe(true);
    // The drill reads it with the same variable.
    expect(await clinic.call('backups.runDrill', {})).toMatchObject({ status: 'ok', backupId: backup.id });
    // The passphrase is in no row and no event.
    const dump = JSON.stringify(clinic.env.db.prepare('SELECT * FROM audit_events').all()) + JSON.stringify(clinic.env.db.prepare('SELECT * FROM settings').all());
    expect(dump).not.toContain('from the environment');
  });
});
