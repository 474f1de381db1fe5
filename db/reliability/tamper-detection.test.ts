// Tamper detection: random edits of a clinic file made around the API (events changed byte by byte, deleted,
// reordered; rows edited, forged or deleted without an event) are all reported by verify, which names where.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyClinic, type ClinicVerifyReport } from '../audit/verify-records';
import { demoRandom } from '../demo/demo-random';
import { bySize, reportFigures, seedShift, timeoutMs } from './reliability-size';
import { tamperedCopy, type ExpectedFinding } from './tamper';
import { openCleanCopy, openTamperCopy, seedTamperClinic } from './tamper-clinic';

const caseCount = bySize(100, 1000);
let image: Buffer;

beforeAll(async () => {
  image = await seedTamperClinic(bySize(24, 60));
}, 60_000);

function locates(report: ClinicVerifyReport, expected: ExpectedFinding): { located: boolean; columnNamed: boolean } {
  if ('chainSeq' in expected) {
    // The walk checks each body's hash and the stored prev_hash column beside it.
    return { located: report.chain.firstProblem?.seq === expected.chainSeq, columnNamed: false };
  }
  if ('chainHead' in expected) return { located: /^head_/.test(report.chain.firstProblem?.problem ?? ''), columnNamed: false };
  const hits = report.records.problems.filter((p) => p.table === expected.table && (p.rowId === expected.rowId || p.rowId === expected.sameAs));
  return { located: hits.length > 0, columnNamed: hits.some((p) => p.column !== undefined) };
}

describe('tamper detection', () => {
  it('the untampered clinic verifies clean, even with its triggers dropped, so every finding below is the tamper', () => {
    for (const db of [openCleanCopy(image), openTamperCopy(image)]) {
      const report = verifyClinic(db);
      expect(report.chain.firstProblem).toBeNull();
      expect(report.records.problems).toEqual([]);
      expect(report.isIntact).toBe(true);
      expect(report.records.checked.movements).toBeGreaterThan(30);
      db.close();
    }
  });

  it('an edit that writes back the same value is not reported (no false alarms)', () => {
    const db = openTamperCopy(image);
    db.exec('UPDATE sessions SET pain_after = pain_after; UPDATE stock_lots SET on_hand = on_hand; UPDATE audit_events SET body = body');
    expect(verifyClinic(db).isIntact).toBe(true);
    db.close();
  });

  it(
    `${caseCount} random tampers: every one is reported and located`,
    () => {
      const random = demoRandom(20260302 + seedShift);
      const byKind = new Map<string, { cases: number; detected: number; located: number; columnNamed: number }>();
      const missed: string[] = [];
      for (let i = 0; i < caseCount; i += 1) {
        const { db, tamper } = tamperedCopy(image, random);
        const report = verifyClinic(db);
        db.close();
        const { located, columnNamed } = locates(report, tamper.expected);
        const tally = byKind.get(tamper.kind) ?? { cases: 0, detected: 0, located: 0, columnNamed: 0 };
        tally.cases += 1;
        if (!report.isIntact) tally.detected += 1;
        if (located) tally.located += 1;
        if (columnNamed) tally.columnNamed += 1;
        byKind.set(tamper.kind, tally);
        if (report.isIntact || !located) missed.push(`${tamper.description}: ${report.isIntact ? 'not reported' : `reported elsewhere (${report.chain.firstProblem?.message ?? report.records.problems[0]?.message})`}`);
      }
      const totals = [...byKind.values()].reduce((t, k) => ({ cases: t.cases + k.cases, detected: t.detected + k.detected, located: t.located + k.located }), { cases: 0, detected: 0, located: 0 });
      reportFigures('tamper-detection', { ...totals, detectedPercent: (100 * totals.detected) / totals.cases, byKind: Object.fromEntries(byKind) });
      expect(missed).toEqual([]);
      expect(totals.cases).toBe(caseCount);
      expect(byKind.size).toBe(8);
    },
    timeoutMs(30_000, 600_000),
  );
});
