// Figure 3's exporting process: writes one full audit bundle as `clinic-ops export` does (writeAuditBundle) and
// prints, as one JSON line, when each stage began (from the export's own progress reports) and its peak memory.
// Run as `node export-child.js DB FROM TO OUT_DIR`; figure 3 spawns it so its memory is its own.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { appVersion } from '../../db/app-environment';
import { writeAuditBundle } from '../../db/exports/export-bundle';
import { bundleRequestSchema, type ExportStage } from '../../db/exports/exports-contract';
import { fileKeyStore, fileSecretStore } from '../../db/exports/key-store';

export interface ExportChildReport {
  /** Milliseconds from the start to the first progress report of each stage. */
  stageStartMs: Partial<Record<ExportStage, number>>;
  totalMs: number;
  cpuMs: number;
  maxRssMb: number;
  sizeBytes: number;
  eventCount: number;
  csvRows: number;
}

async function main(): Promise<void> {
  const [dbPath, from, to, outDir] = process.argv.slice(2);
  if (!dbPath || !from || !to || !outDir) throw new Error('usage: export-child DB FROM TO OUT_DIR');
  const stageStartMs: Partial<Record<ExportStage, number>> = {};
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  const bundle = await writeAuditBundle({
    dbPath,
    appVersion,
    // Keys in the scratch folder: the bench leaves nothing beside the ten-year file.
    keys: { signing: fileKeyStore(outDir), pseudonym: fileSecretStore(outDir) },
    request: bundleRequestSchema.parse({ from, to, purpose: 'benchmark of the full audit bundle' }),
    author: { staffId: null, name: 'bench', role: 'command line', via: 'cli' },
    exportId: uuidv7(),
    outPath: join(outDir, 'bundle.zip'),
    now: () => new Date(),
    onProgress: (p) => {
      stageStartMs[p.stage] ??= performance.now() - started;
    },
  });
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const report: ExportChildReport = {
    stageStartMs,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sizeBytes: bundle.sizeBytes,
    eventCount: bundle.manifest.auditChain.eventCount,
    csvRows: bundle.manifest.files.reduce((sum, f) => sum + (f.rows ?? 0), 0),
  };
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
