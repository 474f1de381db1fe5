// The clinic-ops command line: web, seed-demo, verify (and later export, backup, restore).
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openAppEnvironment } from '../db/app-environment';
import { defaultDatabasePath } from '../db/data-location';
import { exportCommand, verifyExportCommand } from '../db/exports/export-command-line';
import { clockWarnings, verifyRecords } from '../db/audit/verify-records';
import { verifyAuditChainOfFile } from '../db/audit/verify-audit-chain';
import { backupClinicFileTo, restoreClinicFileFrom } from '../db/backups/command-line';
import { BackupError } from '../db/backups/backup-error';
import { openDatabase } from '../db/open-database';
import { defaultDemoScale, seedDemoClinic, type DemoScale } from '../db/demo/seed-demo';
import { startWebServer } from './web-server';

const usage = `clinic-ops <command> [options]

Commands:
  web [--db FILE] [--port N]     open the app in your browser (loopback only, per-run token)
  seed-demo --db FILE [--scale years=N,therapists=N,seed=N]
                                 create a realistic demo clinic in a new file (default years=2,therapists=4)
  verify --db FILE               check the audit chain (exit 0 intact, 1 with the first bad event named)
  export --db FILE --from DATE --to DATE --out PATH [--deidentify] [--include-identities] [--purpose TEXT] [--recipient TEXT]
                                 write an audit bundle ZIP for business dates DATE..DATE to a new file PATH
                                 (never overwrites; exit 0 written, 1 failed, 2 refused)
  verify-export PATH [--key FINGERPRINT]
                                 check a bundle: every SHA-256, the audit chain to the signed head, the signatures
                                 (exit 0 intact, 1 with the first failing file named)
  backup --db FILE --to DIR [--passphrase-file F]
                                 write a checked backup into DIR, for scheduled tasks (exit 0 good, 1 failed);
                                 encrypted with the first line of F (or CLINIC_OPS_BACKUP_PASSPHRASE when settings say so)
  restore --db FILE --from BACKUP [--passphrase-file F]
                                 check BACKUP, keep FILE aside as FILE.before-restore-<time>, put BACKUP in its place
                                 (close the app first; exit 0 restored, 1 refused with nothing changed)

FILE defaults to ${defaultDatabasePath()}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'web':
      return runWeb(rest);
    case 'seed-demo':
      return runSeedDemo(rest);
    case 'verify':
      return runVerify(rest);
    case 'export':
      return runExport(rest);
    case 'verify-export':
      return runVerifyExport(rest);
    case 'backup':
      return runBackup(rest);
    case 'restore':
      return runRestore(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

function dbOption(values: { db?: string | undefined }): string {
  return resolve(values.db ?? defaultDatabasePath());
}

async function runWeb(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: "${values.port}" is not a port number (0 to 65535).`);
    return 2;
  }
  const dbPath = dbOption(values);
  const env = openAppEnvironment(dbPath);
  const rendererDir = join(__dirname, '..', '..', 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir} is missing): run \`npm run build\` first.`);
    return 1;
  }
  const server = await startWebServer({ env, rendererDir, port });
  console.log(`Clinic Ops is running for ${dbPath}`);
  console.log(`Open this address in your browser (it carries this run's access token):\n  ${server.openUrl}`);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  env.db.close();
  return 0;
}

/** "years=10,therapists=6,seed=7" → a demo scale; unknown keys or bad numbers are refused. */
export function parseDemoScale(text: string | undefined): DemoScale | string {
  const scale = { ...defaultDemoScale };
  if (!text) return scale;
  for (const part of text.split(',')) {
    const [key, raw] = part.split('=');
    const value = Number(raw);
    if (key !== 'years' && key !== 'therapists' && key !== 'seed') return `--scale: unknown key "${key}" (use years, therapists, seed)`;
    if (!Number.isInteger(value) || value < 1 || (key === 'years' && value > 20) || (key === 'therapists' && value > 8)) {
      return `--scale: ${key}=${raw} is out of range (years 1-20, therapists 1-8, seed a positive integer)`;
    }
    scale[key] = value;
  }
  return scale;
}

async function runSeedDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, scale: { type: 'string' } } });
  const scale = parseDemoScale(values.scale);
  if (typeof scale === 'string') {
    console.error(scale);
    return 2;
  }
  if (!values.db) {
    console.error('--db: say which new file to create the demo clinic in.');
    return 2;
  }
  const dbPath = resolve(values.db);
  if (existsSync(dbPath)) {
    console.error(`--db: ${dbPath} already exists; the demo clinic is only created in a new file.`);
    return 2;
  }
  const env = openAppEnvironment(dbPath);
  const started = Date.now();
  const summary = await seedDemoClinic(env, (step) => console.log(`  ${step}`), scale);
  env.db.close();
  const sizeMb = (statSync(dbPath).size / 1024 / 1024).toFixed(1);
  console.log(`Demo clinic "${summary.clinicName}" created in ${dbPath} in ${((Date.now() - started) / 1000).toFixed(1)} s (${sizeMb} MB).`);
  return 0;
}

async function runVerify(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  const dbPath = dbOption(values);
  if (!existsSync(dbPath)) {
    console.error(`--db: there is no file at ${dbPath}.`);
    return 2;
  }
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const started = performance.now();
    const chain = await verifyAuditChainOfFile(dbPath);
    const chainSeconds = (performance.now() - started) / 1000;
    for (const warning of clockWarnings(db)) console.log(`Warning: ${warning.message}${warning.isFlagged ? ' (flagged for review when written)' : ''}`);
    if (!chain.isIntact) {
      console.log(`Audit chain BROKEN at event #${chain.firstProblem?.seq}: ${chain.firstProblem?.message}`);
      return 1;
    }
    console.log(`Audit chain intact: ${chain.eventCount} events, head ${chain.headHash} (checked in ${chainSeconds.toFixed(2)} s on ${chain.threads} thread${chain.threads === 1 ? '' : 's'})`);
    // Ten clinic-years take several seconds here: say what is happening before it does.
    console.log('Checking the records against their audit events and the stock ledger...');
    const records = verifyRecords(db);
    if (!records.isConsistent) {
      const first = records.problems[0];
      console.log(`Records do NOT match their audit events (${records.problemCount} problem${records.problemCount === 1 ? '' : 's'}); first: ${first?.table} #${first?.rowId}${first?.column ? ` (${first.column})` : ''}: ${first?.message}`);
      return 1;
    }
    console.log(`Records match their audit events and ledgers (${records.checked.rows} rows, ${records.checked.movements} movements, ${records.checked.lots} lots).`);
    return 0;
  } finally {
    db.close();
  }
}

async function runBackup(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, to: { type: 'string' }, 'passphrase-file': { type: 'string' } } });
  if (!values.to) {
    console.error('--to: say which folder the backup goes into.');
    return 2;
  }
  try {
    const record = await backupClinicFileTo(dbOption(values), values.to, { passphraseFile: values['passphrase-file'] });
    if (record.status === 'failed') {
      console.error(`Backup FAILED: ${record.message}`);
      return 1;
    }
    console.log(`Backup written and checked: ${record.path}`);
    console.log(`  ${record.sizeBytes} bytes, sha256 ${record.sha256}, ${record.eventCount} audit events, chain intact${record.isEncrypted ? ', encrypted' : ''}`);
    return 0;
  } catch (error) {
    return reportBackupError(error);
  }
}

async function runRestore(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, from: { type: 'string' }, 'passphrase-file': { type: 'string' } } });
  if (!values.from) {
    console.error('--from: say which backup file to restore.');
    return 2;
  }
  try {
    const result = await restoreClinicFileFrom(dbOption(values), values.from, { passphraseFile: values['passphrase-file'] });
    console.log(`Restored ${result.restoredFrom} (${result.eventCount} audit events, chain intact).`);
    console.log(result.keptAside.length > 0 ? `The previous clinic file was kept as ${result.keptAside.join(', ')}` : 'There was no previous clinic file.');
    return 0;
  } catch (error) {
    return reportBackupError(error);
  }
}

function reportBackupError(error: unknown): number {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  return 1;
}

const commandOutput = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) };

async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      deidentify: { type: 'boolean' },
      'include-identities': { type: 'boolean' },
      purpose: { type: 'string' },
      recipient: { type: 'string' },
    },
  });
  return exportCommand(
    {
      dbPath: dbOption(values),
      from: values.from,
      to: values.to,
      out: values.out,
      deidentify: values.deidentify,
      includeIdentities: values['include-identities'],
      purpose: values.purpose,
      recipient: values.recipient,
    },
    commandOutput,
  );
}

async function runVerifyExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' } } });
  return verifyExportCommand(positionals[0], { expectedFingerprint: values.key }, commandOutput);
}
