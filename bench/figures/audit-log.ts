// Figures 4 and 5: verifying the whole audit chain, and the first and 1,000th page of a filtered audit query.
import { dispatch } from '../../db/api/dispatch';
import { verifyAuditChain, verifyAuditChainOfFile } from '../../db/audit/verify-audit-chain';
import { openDatabase } from '../../db/open-database';
import { openBenchEnvironment } from '../bench-environment';
import { medianOf, round, spreadOf, type FigureResult, type Timing } from '../measure';

/** Figure 4 as `clinic-ops verify` runs it: ranges of the chain on every core; the one-thread walk beside it. */
export async function benchVerify(path: string, runs: number): Promise<FigureResult> {
  const env = openBenchEnvironment(path);
  env.db.close(); // opened once so the file is migrated; verify opens its own read-only connections
  let eventCount = 0;
  let threads = 0;
  const parallel = await medianOf(runs, async () => {
    const report = await verifyAuditChainOfFile(path);
    if (!report.isIntact) throw new Error(`the bench chain is broken: ${report.firstProblem?.message}`);
    ({ eventCount, threads } = report);
  });
  const db = openDatabase(path, { readonly: true, skipQuickCheck: true });
  let oneThread: Timing;
  try {
    oneThread = await medianOf(Math.min(runs, 3), () => verifyAuditChain(db));
  } finally {
    db.close();
  }
  const rate = eventCount / (parallel.medianMs / 1000);
  const oneThreadRate = eventCount / (oneThread.medianMs / 1000);
  return {
    figure: '4. Verify the whole audit chain',
    value: round(rate, 0),
    unit: 'events/s',
    baseline: round(oneThreadRate, 0),
    baselineLabel: `one thread, events/s; ${eventCount} events in ${round(parallel.medianMs / 1000, 2)} s on ${threads} threads`,
    ratio: round(oneThreadRate / rate, 2),
    target: '≥ 500,000/s',
    pass: rate >= 500_000,
    notes: `runs: ${spreadOf(parallel.runs.map((ms) => eventCount / (ms / 1000)))} events/s`,
  };
}

export async function benchAuditPages(path: string, runs: number): Promise<FigureResult[]> {
  const env = openBenchEnvironment(path);
  const filter = { entityType: 'session', limit: 50 };
  try {
    const page = async (beforeSeq?: number) => {
      const result = await dispatch(env, 'audit.list', beforeSeq === undefined ? filter : { ...filter, beforeSeq });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { nextCursor: number | null };
    };
    let cursor: number | null | undefined;
    for (let i = 1; i < 1000; i += 1) {
      cursor = (await page(cursor ?? undefined)).nextCursor;
      if (cursor === null) throw new Error(`the filter has only ${i} pages`);
    }
    const thousandth = cursor ?? undefined;
    const first = await medianOf(runs, () => page());
    const later = await medianOf(runs, () => page(thousandth));
    return [
      { figure: '5a. Audit log, page 1 (entity = session)', value: round(first.medianMs, 2), unit: 'ms', baseline: null, baselineLabel: 'keyset', ratio: null, target: '≤ 50 ms', pass: first.medianMs <= 50 },
      { figure: '5b. Audit log, page 1,000 (entity = session)', value: round(later.medianMs, 2), unit: 'ms', baseline: null, baselineLabel: 'keyset', ratio: null, target: '≤ 50 ms', pass: later.medianMs <= 50 },
    ];
  } finally {
    env.db.close();
  }
}
