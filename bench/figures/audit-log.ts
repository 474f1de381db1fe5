// Figures 4 and 5: verifying the whole audit chain, and the first and 1,000th page of a filtered audit query.
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../db/api/dispatch';
import { verifyAuditChain } from '../../db/audit/verify-audit-chain';
import { openBenchEnvironment } from '../bench-environment';
import { medianOf, round, type FigureResult } from '../measure';

export function benchVerify(path: string): FigureResult {
  const env = openBenchEnvironment(path);
  try {
    verifyAuditChain(env.db); // warm the page cache
    const start = performance.now();
    const report = verifyAuditChain(env.db);
    const seconds = (performance.now() - start) / 1000;
    if (!report.isIntact) throw new Error(`the bench chain is broken: ${report.firstProblem?.message}`);
    const rate = report.eventCount / seconds;
    return {
      figure: '4. Verify the whole audit chain',
      value: round(rate, 0),
      unit: 'events/s',
      baseline: null,
      baselineLabel: `${report.eventCount} events in ${round(seconds, 2)} s`,
      ratio: null,
      target: '≥ 500,000/s',
      pass: rate >= 500_000,
    };
  } finally {
    env.db.close();
  }
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
