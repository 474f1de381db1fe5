// `clinic-ops export` and `clinic-ops verify-export`: the command-line side of audit bundles, with exit codes
// (0 done or intact, 1 failed, 2 refused input with nothing written).
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ActingSession } from '../api/acting-session';
import type { AppEnvironment } from '../api/handler-context';
import { appVersion, readOrCreateDeviceId } from '../app-environment';
import { backupBeforeMigrate } from '../backups/automatic-backups';
import { openDatabase } from '../open-database';
import { ExportCancelledError, ExportTargetError } from './export-bundle';
import { runExport } from './export-service';
import { bundleRequestSchema } from './exports-contract';
import { verifyBundle } from './verify-bundle';

export interface ExportCommandInput {
  dbPath: string;
  from?: string | undefined;
  to?: string | undefined;
  out?: string | undefined;
  deidentify?: boolean | undefined;
  includeIdentities?: boolean | undefined;
  purpose?: string | undefined;
  recipient?: string | undefined;
}

export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown user';
  }
}

/**
 * The clinic file for a one-shot command: migrated like the app does (with its pre-migration backup), but
 * without the app's background work (daily backup, drill), which would hold the command open.
 */
function openForCommand(dbPath: string): AppEnvironment {
  const db = openDatabase(dbPath, { beforeMigrate: backupBeforeMigrate(dbPath) });
  return { db, dbPath, deviceId: readOrCreateDeviceId(dirname(dbPath)), appVersion, session: new ActingSession() };
}

export async function exportCommand(input: ExportCommandInput, out: CommandOutput): Promise<number> {
  if (!input.out) {
    out.error('--out: say where to write the bundle (a new .zip file).');
    return 2;
  }
  if (!existsSync(input.dbPath)) {
    out.error(`--db: there is no clinic file at ${input.dbPath}.`);
    return 2;
  }
  const parsed = bundleRequestSchema.safeParse({
    from: input.from,
    to: input.to,
    deidentify: input.deidentify ?? false,
    includeInjuryIdentities: input.includeIdentities ?? false,
    purpose: input.purpose ?? 'audit export from the command line',
    recipient: input.recipient,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = { from: '--from', to: '--to', purpose: '--purpose', recipient: '--recipient' }[String(issue?.path[0])] ?? String(issue?.path[0]);
    out.error(`${field}: ${issue?.message ?? 'is not valid'}${issue?.path[0] === 'from' || issue?.path[0] === 'to' ? ' (dates are written YYYY-MM-DD)' : ''}.`);
    return 2;
  }
  const outPath = resolve(input.out);
  const env = openForCommand(resolve(input.dbPath));
  let lastShown = -10;
  let lastStage = '';
  try {
    const record = await runExport(env, {
      exportId: uuidv7(),
      actor: null,
      via: 'cli',
      request: parsed.data,
      outPath,
      cliUser: osUser(),
      onProgress: (p) => {
        if (p.stage !== lastStage || p.percent - lastShown >= 10) {
          out.log(`  ${p.stage.padEnd(9)} ${String(Math.floor(p.percent)).padStart(3)}%`);
          lastShown = p.percent;
          lastStage = p.stage;
        }
      },
    });
    out.log(`Audit bundle written: ${record.filePath}`);
    out.log(`  ${record.sizeBytes} bytes, SHA-256 ${record.fileSha256}`);
    out.log(`  MANIFEST.json SHA-256 ${record.manifestSha256}; audit chain head #${record.chainEventCount} ${record.chainHeadHash}`);
    if (record.containsPhi) out.log('  It holds patient chart numbers (PHI): keep it accordingly.');
    return 0;
  } catch (error) {
    if (error instanceof ExportTargetError) {
      out.error(`--out: ${error.message}`);
      return 2;
    }
    if (error instanceof ExportCancelledError) {
      out.error(error.message);
      return 1;
    }
    out.error(`Export FAILED: ${(error as Error).message}. Nothing was left behind.`);
    return 1;
  } finally {
    env.db.close();
  }
}

export async function verifyExportCommand(path: string | undefined, options: { expectedFingerprint?: string | undefined }, out: CommandOutput): Promise<number> {
  if (!path) {
    out.error('verify-export: say which bundle .zip to check.');
    return 2;
  }
  if (!existsSync(path)) {
    out.error(`verify-export: there is no file at ${resolve(path)}.`);
    return 2;
  }
  let result;
  try {
    result = await verifyBundle(resolve(path), { expectedFingerprint: options.expectedFingerprint });
  } catch (error) {
    out.error(`Bundle check FAILED: ${(error as Error).message}`);
    return 1;
  }
  if (!result.ok) {
    const failure = result.firstFailure;
    out.error(`Bundle check FAILED at ${failure?.file}: ${failure?.message}`);
    for (const check of result.checks.filter((c) => !c.ok).slice(1, 6)) out.error(`  also: ${check.message}`);
    return 1;
  }
  const m = result.manifest;
  out.log(`Bundle intact: ${result.checks.length} checks passed.`);
  if (m) {
    out.log(`  ${m.clinic.name}, ${m.range.from} to ${m.range.to}, generated ${m.generatedAt} by ${m.generatedBy.name}`);
    out.log(`  ${m.files.length + 1} files hashed; ${result.checks.find((c) => c.check === 'chain')?.message ?? ''}`);
    out.log(`  signed checkpoint: ${m.checkpoint.eventCount} events, head ${m.checkpoint.headHash}`);
    out.log(`  clinic key fingerprint ${m.publicKeyFingerprint} (compare it with one you already hold)`);
  }
  return 0;
}
