// Figure 3: the full audit bundle of the ten years, written in a child process (export-child.ts) so its peak
// memory is its own. Its CSV stage is timed beside Debian's `sqlite3 -csv` dumping the same rows from the same
// file (each log's SELECT as the export runs it, and the audit slice), in the same run, one after the other.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readChainHead } from '../../db/audit/audit-log';
import { clinicToday, readClinicProfile } from '../../db/clinic/clinic-store';
import { rangeParams } from '../../db/exports/export-bundle';
import { resolveExportLogs } from '../../db/exports/log-registry';
import { openDatabase } from '../../db/open-database';
import { openBenchEnvironment } from '../bench-environment';
import { median, round, type FigureResult } from '../measure';
import type { ExportChildReport } from './export-child';

const sqliteCli = '/usr/bin/sqlite3';
const childScript = join(__dirname, 'export-child.js');

interface Run {
  csvMs: number;
  totalMs: number;
  maxRssMb: number;
  cliMs: number;
}

function runProcess(command: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 && stderr === '' ? resolve(stdout) : reject(new Error(`${command} exited ${code}: ${stderr || stdout}`))));
    child.stdin.end(input ?? '');
  });
}

/** The sqlite3 shell script: every SELECT of the export's CSV stage, each into its own file, with the same parameters. */
function cliScript(path: string, outDir: string): { script: string; from: string; to: string } {
  const db = openDatabase(path, { readonly: true, skipQuickCheck: true });
  try {
    const clinic = readClinicProfile(db);
    if (!clinic) throw new Error('the bench clinic is not set up');
    const to = clinicToday(db, new Date());
    const from = `${Number(to.slice(0, 4)) - 10}${to.slice(4)}`;
    const range = rangeParams(from, to, clinic.timeZone);
    const head = readChainHead(db);
    const firstInRange = db.prepare('SELECT min(seq) FROM audit_events WHERE at >= ?').pluck().get(range.fromInstant) as number | null;
    const firstSeq = Math.min(firstInRange ?? head.eventCount, head.eventCount);
    const lines = ['.mode csv', '.headers on'];
    // A value in double quotes is an SQL literal: '2016-11-30' (unquoted it would be the number 1975).
    for (const [name, value] of Object.entries(range)) lines.push(`.parameter set @${name} "'${value}'"`);
    for (const log of resolveExportLogs(db, { isDeidentified: false, includeInjuryIdentities: false })) lines.push(`.once ${join(outDir, log.fileName)}`, `${log.sql};`);
    lines.push(
      `.once ${join(outDir, 'audit_events.csv')}`,
      `SELECT seq, event_id, at, actor_staff_id, device_id, action, entity_type, entity_id, reason, body, prev_hash, hash FROM audit_events WHERE seq >= ${firstSeq} AND seq <= ${head.eventCount} ORDER BY seq;`,
    );
    return { script: `${lines.join('\n')}\n`, from, to };
  } finally {
    db.close();
  }
}

async function exportOnce(path: string, from: string, to: string): Promise<ExportChildReport> {
  // Beside the clinic file, where the app writes its bundles: the same disk as the baseline's files.
  const dir = mkdtempSync(join(dirname(path), '.bench-export-'));
  try {
    const output = await runProcess(process.execPath, [childScript, path, from, to, dir]);
    return JSON.parse(output.trim().split('\n').pop() ?? '') as ExportChildReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cliOnce(path: string): Promise<number> {
  const dir = mkdtempSync(join(dirname(path), '.bench-sqlite3-'));
  try {
    const { script } = cliScript(path, dir);
    const started = performance.now();
    await runProcess(sqliteCli, ['-readonly', path], script);
    return performance.now() - started;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runOnce(path: string, from: string, to: string): Promise<Run> {
  const report = await exportOnce(path, from, to);
  const { preparing = 0, pdf } = report.stageStartMs;
  if (pdf === undefined) throw new Error('the export reported no PDF stage');
  return { csvMs: pdf - preparing, totalMs: report.totalMs, maxRssMb: report.maxRssMb, cliMs: await cliOnce(path) };
}

/** One full export takes tens of seconds: `runs` (at least 3) after one warm-up, each beside its sqlite3 dump. */
export async function benchExport(path: string, runs: number): Promise<FigureResult[]> {
  openBenchEnvironment(path).db.close(); // migrated as the app would; the export reads it read-only
  const { from, to } = cliScript(path, '.');
  await runOnce(path, from, to);
  const measured: Run[] = [];
  for (let i = 0; i < Math.max(3, runs); i += 1) measured.push(await runOnce(path, from, to));
  const csvMs = median(measured.map((r) => r.csvMs));
  const cliMs = median(measured.map((r) => r.cliMs));
  const totalMs = median(measured.map((r) => r.totalMs));
  const peakMb = Math.max(...measured.map((r) => r.maxRssMb));
  const ratio = csvMs / cliMs;
  const note = `${from} to ${to}, ${measured.length} runs; CSV/sqlite3 per run: ${measured.map((r) => round(r.csvMs / r.cliMs, 2)).join(', ')}`;
  return [
    {
      figure: '3a. Audit bundle, CSV stage',
      value: round(csvMs, 0),
      unit: 'ms',
      baseline: round(cliMs, 0),
      baselineLabel: 'ms, sqlite3 -csv of the same SELECTs',
      ratio: round(ratio, 2),
      target: '≤ 1.5×',
      pass: ratio <= 1.5,
      notes: note,
    },
    {
      figure: '3b. Audit bundle, total (CSV, PDF, ZIP)',
      value: round(totalMs, 0),
      unit: 'ms',
      baseline: null,
      baselineLabel: 'reported only',
      ratio: null,
      target: '—',
      pass: null,
      notes: note,
    },
    {
      figure: '3c. Audit bundle, peak memory',
      value: round(peakMb, 0),
      unit: 'MB',
      baseline: null,
      baselineLabel: 'max RSS of the exporting process, worst run',
      ratio: null,
      target: '≤ 300 MB',
      pass: peakMb <= 300,
    },
  ];
}
