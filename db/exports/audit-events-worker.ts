// audit_events.csv on a worker thread while the main thread writes the other logs: the slice and its chain check
// are a third of the CSV stage's work, and a second core does them meanwhile. The worker reads through its own
// read-only connection; it writes only when that connection sees the same chain head as the export's snapshot.
// Every write to a clinic file appends an audit event in its own transaction, and the slice is append-only up to
// that head, so the same head means the same audit events and staff names, the only things this file reads.
import Database from 'better-sqlite3';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readChainHead } from '../audit/audit-log';
import { writeAuditEventsCsv, type AuditSliceResult } from './audit-events-csv';
import type { RangeParams } from './log-definition';

const role = 'clinic-ops audit_events.csv';

export interface AuditWorkerInput {
  dbPath: string;
  params: RangeParams;
  head: { eventCount: number; headHash: string };
  path: string;
  pdfRowLimit: number;
}

type WorkerMessage =
  | { kind: 'started' }
  | { kind: 'rows'; count: number }
  | { kind: 'done'; result: AuditSliceResult }
  | { kind: 'stale' }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

export interface AuditEventsWorker {
  /**
   * The written slice; null when the worker wrote nothing: its snapshot was not the export's, or it could not
   * start (a packaging that cannot load the script): the caller then writes the slice itself.
   */
  result(): Promise<AuditSliceResult | null>;
  /** Stops a worker still writing (cancel or a failed export) and waits until its file is closed. */
  stop(): Promise<void>;
}

/**
 * The compiled module is its own worker script. Where the sources run untranspiled (unit tests) there is no
 * script to start, and the caller writes the slice on its own thread.
 */
const workerScript = __filename.endsWith('.js') ? __filename : null;

export function startAuditEventsWorker(input: AuditWorkerInput, onRows: (count: number) => void): AuditEventsWorker | null {
  if (!workerScript) return null;
  const worker = new Worker(workerScript, { workerData: { role, input } });
  let settled: { ok: true; value: AuditSliceResult | null } | { ok: false; error: Error } | null = null;
  // Settled from the first message or failure; awaited only after the other logs, so nothing goes unhandled meanwhile.
  const outcome = new Promise<void>((resolve) => {
    const settle = (value: typeof settled) => {
      settled ??= value;
      resolve();
    };
    let hasStarted = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'started') hasStarted = true;
      else if (message.kind === 'rows') onRows(message.count);
      else if (message.kind === 'done') settle({ ok: true, value: message.result });
      else if (message.kind === 'stale') settle({ ok: true, value: null });
      else if (message.kind === 'stopped') settle({ ok: false, error: new Error('audit_events.csv was stopped') });
      else settle({ ok: false, error: new Error(message.message) });
    });
    worker.once('error', (error) => settle(hasStarted ? { ok: false, error } : { ok: true, value: null }));
    worker.once('exit', (code) => settle(hasStarted ? { ok: false, error: new Error(`the audit_events.csv worker stopped (exit code ${code})`) } : { ok: true, value: null }));
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async result() {
      await outcome;
      const done = settled!;
      if (!done.ok) throw done.error;
      return done.value;
    },
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}

async function runInWorker(input: AuditWorkerInput): Promise<void> {
  const port = parentPort!;
  let isStopped = false;
  port.on('message', (message) => {
    if (message === 'stop') isStopped = true;
  });
  const db = new Database(input.dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    const head = readChainHead(db);
    if (head.eventCount !== input.head.eventCount || head.headHash !== input.head.headHash) {
      port.postMessage({ kind: 'stale' } satisfies WorkerMessage);
      return;
    }
    port.postMessage({ kind: 'started' } satisfies WorkerMessage);
    const result = await writeAuditEventsCsv(db, input.params, input.head, input.path, { pseudonymiser: null, chartNumbers: new Set() }, {
      pdfRowLimit: input.pdfRowLimit,
      onRows: (count) => port.postMessage({ kind: 'rows', count } satisfies WorkerMessage),
      pause: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (isStopped) throw new Error('stopped');
      },
    });
    port.postMessage({ kind: 'done', result } satisfies WorkerMessage);
  } catch (error) {
    port.postMessage(isStopped ? ({ kind: 'stopped' } satisfies WorkerMessage) : ({ kind: 'failed', message: (error as Error).message } satisfies WorkerMessage));
  } finally {
    db.close();
    // Lets the thread end once its last messages are out.
    port.removeAllListeners('message');
    port.unref();
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === role) {
  void runInWorker((workerData as { input: AuditWorkerInput }).input);
}
