// `npm run bench`: builds (once) the ten-year clinic, measures each figure beside its baseline, prints one table
// and writes bench/results.json. Timing goals live here, never in tests.
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBenchData } from './bench-data';
import { benchAuditPages, benchVerify } from './figures/audit-log';
import { benchDashboard } from './figures/dashboard';
import { benchExport } from './figures/export';
import { benchRecordSession } from './figures/record-session';
import { benchRenderer } from './figures/renderer';
import { benchStartup } from './figures/startup';
import type { FigureResult } from './measure';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const only = process.env.BENCH_ONLY?.split(',');

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const data = await ensureBenchData(log);
  log(`Bench clinic: ${data.path} (${data.sizeMb.toFixed(0)} MB${data.generatedInSeconds === null ? '' : `, generated in ${data.generatedInSeconds.toFixed(0)} s`})`);
  log(`  ${Object.entries(data.counts).map(([table, n]) => `${n.toLocaleString('en-US')} ${table}`).join(', ')}`);
  const figures: Array<[string, () => Promise<FigureResult[]> | FigureResult[]]> = [
    ['dashboard', async () => [await benchDashboard(data.path, runs)]],
    ['record', () => benchRecordSession(300, runs)],
    ['export', () => benchExport(data.path, Number(process.env.BENCH_EXPORT_RUNS ?? Math.min(runs, 5)))],
    ['verify', async () => [await benchVerify(data.path, runs)]],
    ['audit', () => benchAuditPages(data.path, runs)],
    ['startup', async () => [await benchStartup(data.path, 5)]],
    ['renderer', () => benchRenderer(data.path, 5)],
  ];
  const results: FigureResult[] = [];
  for (const [name, run] of figures) {
    if (only && !only.includes(name)) continue;
    log(`Measuring ${name}...`);
    results.push(...(await run()));
  }
  printTable(results);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version };
  writeFileSync(
    join(__dirname, '..', '..', 'bench', 'results.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, data: { sizeMb: Math.round(data.sizeMb), generatedInSeconds: data.generatedInSeconds, counts: data.counts }, runs, results }, null, 2)}\n`,
  );
  const failed = results.filter((r) => r.pass === false).length;
  const judged = results.filter((r) => r.pass !== null).length;
  log(`\n${judged - failed} of ${judged} figures with a target met it; results in bench/results.json`);
}

function printTable(results: FigureResult[]): void {
  const rows = [
    ['figure', 'value', 'baseline', 'ratio', 'target', 'result'],
    ...results.map((r) => [r.figure, `${r.value} ${r.unit}`, r.baseline === null ? r.baselineLabel : `${r.baseline} (${r.baselineLabel})`, r.ratio === null ? '' : `${r.ratio}×`, r.target, r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log('');
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  const noted = results.filter((r) => r.notes);
  if (noted.length > 0) console.log('');
  for (const r of noted) console.log(`${r.figure}: ${r.notes}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
