// Where backup passphrases come from. They are never stored in the clinic file, in settings or in the audit log.
import { readFileSync } from 'node:fs';
import { BackupError, describeFsError } from './backup-error';

/** Automatic (unattended) encrypted backups and drills read the passphrase from this environment variable. */
export const passphraseEnvVar = 'CLINIC_OPS_BACKUP_PASSPHRASE';
export const minPassphraseLength = 8;

export function passphraseFromEnvironment(): string | null {
  const value = process.env[passphraseEnvVar];
  return value === undefined || value === '' ? null : value;
}

/**
 * The passphrase that encrypts a new backup, or null for an unencrypted one: the one given to this call, else the
 * environment variable when settings say backups are encrypted. Encryption on without a passphrase is an error, not a
 * silent plaintext backup.
 */
export function passphraseForNewBackup(given: string | null | undefined, isEncryptionOn: boolean): string | null {
  const passphrase = given ?? (isEncryptionOn ? passphraseFromEnvironment() : null);
  if (isEncryptionOn && passphrase === null) {
    throw new BackupError(
      `Backups are set to be encrypted, but no passphrase was given and ${passphraseEnvVar} is not set. No backup was written.`,
      'passphrase',
    );
  }
  if (passphrase !== null && passphrase.length < minPassphraseLength) {
    throw new BackupError(`The backup passphrase must be at least ${minPassphraseLength} characters.`, 'passphrase');
  }
  return passphrase;
}

/** For reading an encrypted backup: the one given, else the environment variable. */
export function passphraseForReading(given: string | null | undefined): string | null {
  return given ?? passphraseFromEnvironment();
}

/** `--passphrase-file F` of the CLI: the first line of F, so the passphrase never appears in a process list. */
export function readPassphraseFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BackupError(`--passphrase-file: cannot read ${path}: ${describeFsError(error)}.`, 'passphrase');
  }
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  if (firstLine === '') throw new BackupError(`--passphrase-file: ${path} is empty; put the passphrase on its first line.`, 'passphrase');
  return firstLine;
}
