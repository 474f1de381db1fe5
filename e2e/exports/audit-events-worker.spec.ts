// The export writes audit_events.csv on a worker thread, which only the compiled app can start (unit tests run the
// sources, where the export writes it on its own thread). On the demo clinic, with the compiled modules: the worker's
// file is byte for byte the one the main thread writes, with the same totals; a head that is not the file's makes the
// worker write nothing and answer null, so the export writes the slice itself.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { seedDemoClinic } from '../clinic-server';

const projectRoot = join(__dirname, '..', '..');
const compiled = async <T>(modulePath: string): Promise<T> => (await import(pathToFileURL(join(projectRoot, 'out', modulePath)).href)) as T;

test('the compiled export writes audit_events.csv on its worker thread, the same bytes as on the main thread', async () => {
  const { startAuditEventsWorker } = await compiled<typeof import('../../db/exports/audit-events-worker')>('db/exports/audit-events-worker.js');
  const { writeAuditEventsCsv } = await compiled<typeof import('../../db/exports/audit-events-csv')>('db/exports/audit-events-csv.js');
  const { readChainHead } = await compiled<typeof import('../../db/audit/audit-log')>('db/audit/audit-log.js');
  const dir = mkdtempSync(join(tmpdir(), 'clinic-ops-audit-worker-'));
  const dbPath = join(dir, 'clinic.sqlite3');
  seedDemoClinic(dbPath);
  const db = new Database(dbPath, { readonly: true });
  try {
    const head = readChainHead(db);
    const params = { from: '2000-01-01', to: '2099-12-31', fromInstant: '2000-01-01T05:00:00.000Z', toInstant: '2100-01-01T05:00:00.000Z' };
    let rowsReported = 0;
    const worker = startAuditEventsWorker({ dbPath, params, head, path: join(dir, 'worker.csv'), pdfRowLimit: 50 }, (count) => (rowsReported += count));
    expect(worker, 'the compiled module starts its worker').not.toBeNull();
    const fromWorker = await worker!.result();
    expect(fromWorker, 'the worker wrote the slice (null would mean the export fell back to its own thread)').not.toBeNull();

    const onMainThread = await writeAuditEventsCsv(db, params, head, join(dir, 'main.csv'), { pseudonymiser: null, chartNumbers: new Set() }, {
      pdfRowLimit: 50,
      onRows: () => {},
      pause: async () => {},
    });
    expect(fromWorker).toEqual(onMainThread);
    expect(readFileSync(join(dir, 'worker.csv')).equals(readFileSync(join(dir, 'main.csv')))).toBe(true);
    expect(rowsReported).toBe(head.eventCount);

    const stale = startAuditEventsWorker({ dbPath, params, head: { eventCount: head.eventCount - 1, headHash: head.headHash }, path: join(dir, 'stale.csv'), pdfRowLimit: 50 }, () => {});
    expect(await stale!.result()).toBeNull();
    expect(existsSync(join(dir, 'stale.csv'))).toBe(false);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
