// The ten-year clinic the benchmarks run on: built once by the demo generator (the app's own API paths),
// kept in bench/data/, and copied for figures that write.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openAppEnvironment } from '../db/app-environment';
import { seedDemoClinic, type DemoScale } from '../db/demo/seed-demo';

export const benchScale: DemoScale = { years: 10, therapists: 6, seed: 10 };
export const dataDir = join(__dirname, '..', '..', 'bench', 'data');
/** BENCH_DB points the figures at another copy of the ten-year clinic (one per person profiling on a shared machine). */
export const benchDbPath = process.env.BENCH_DB ?? join(dataDir, `clinic-${benchScale.years}y-${benchScale.therapists}t-seed${benchScale.seed}.sqlite3`);

const generationRecordPath = `${benchDbPath}.generated.json`;

export interface BenchData {
  path: string;
  sizeMb: number;
  /** Seconds the generator took (kept beside the file, so a later run still reports it). */
  generatedInSeconds: number | null;
  counts: Record<string, number>;
}

/** What the ten years hold, counted from the file. */
const countedTables = ['sessions', 'stock_movements', 'stock_lots', 'payments', 'sharps_container_checks', 'audit_events'] as const;

export async function ensureBenchData(log: (line: string) => void): Promise<BenchData> {
  mkdirSync(dataDir, { recursive: true });
  let generatedInSeconds: number | null = null;
  if (!existsSync(benchDbPath)) {
    log(`Generating the ten-year clinic into ${benchDbPath} (several minutes; kept for later runs)...`);
    const partial = `${benchDbPath}.partial`;
    rmSync(partial, { force: true });
    const started = Date.now();
    process.env.CLINIC_OPS_AUTOMATIC_BACKUPS = 'off';
    const env = openAppEnvironment(partial);
    await seedDemoClinic(env, (step) => log(`  ${step}`), benchScale);
    env.db.pragma('wal_checkpoint(TRUNCATE)');
    env.db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    copyFileSync(partial, benchDbPath);
    rmSync(partial, { force: true });
    generatedInSeconds = (Date.now() - started) / 1000;
    writeFileSync(generationRecordPath, `${JSON.stringify({ generatedInSeconds, scale: benchScale, generatedAt: new Date().toISOString() })}\n`);
  } else if (existsSync(generationRecordPath)) {
    generatedInSeconds = (JSON.parse(readFileSync(generationRecordPath, 'utf8')) as { generatedInSeconds: number }).generatedInSeconds;
  }
  const db = new Database(benchDbPath, { readonly: true });
  const counts = Object.fromEntries(countedTables.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));
  db.close();
  return { path: benchDbPath, sizeMb: statSync(benchDbPath).size / 1024 / 1024, generatedInSeconds, counts };
}

/** A scratch copy for figures that write, so the generated clinic stays as it was. */
export function scratchCopy(name: string): string {
  const path = `${benchDbPath.replace(/\.sqlite3$/, '')}-scratch-${name}.sqlite3`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  copyFileSync(benchDbPath, path);
  return path;
}
