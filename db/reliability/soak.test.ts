// Soak: ten simulated clinic-years through the API in one run (CI: a few weeks), driven by the demo generator's
// steps through a timing caller. No internal errors, memory flat after warm-up, latency percentiles reported.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppEnvironment } from '../app-environment';
import { verifyClinic } from '../audit/verify-records';
import { demoSteps, type DemoScale } from '../demo/seed-demo';
import { makeTempDir } from '../test-support/test-clinic';
import { bySize, isFullSize, reportFigures, timeoutMs } from './reliability-size';
import { rssMb, SoakMeter } from './soak-meter';

/** Full: ten busy years (the demo's scale for benchmarks). CI: about three weeks with two therapists. */
const scale: DemoScale = bySize({ years: 0.06, therapists: 2, seed: 11 }, { years: 10, therapists: 4, seed: 11 });
const committedSessions = bySize(30, 300);
const dir = makeTempDir('clinic-ops-soak-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('soak', () => {
  it(
    `${scale.years} simulated clinic-years through the API: no internal errors, flat memory, latency reported`,
    async () => {
      const dbPath = join(dir, 'clinic.sqlite3');
      const env = openAppEnvironment(dbPath);
      const meter = new SoakMeter();
      const call = meter.caller(env);
      const started = performance.now();
      const rss: number[] = [];
      let warmRss: number | null = null;
      // The sessions step reports every 60 simulated days; the first report after a tenth of the run is warm-up's end.
      const warmAfterReports = Math.max(1, Math.round((scale.years * 365) / 60 / 10));
      const progress = (step: string) => {
        if (!/sessions so far/.test(step)) return;
        rss.push(rssMb());
        if (rss.length === warmAfterReports) warmRss = rssMb();
      };
      await call('clinic.setup', { name: 'Soak Clinic', address: '1 Long Road', timeZone: 'America/New_York', firstManager: { name: 'Sam Soak', jobTitle: 'Manager' } });
      for (const step of demoSteps) await step.run(call, env, progress, scale);
      const seededMs = performance.now() - started;

      // Each of these commits on its own (fsync), as a click in the app does, on the full-grown file.
      const committed = new SoakMeter();
      const committedCall = committed.caller(env);
      const today = (await call('clinic.status', {})).today;
      const therapist = (await call('staff.list', {})).find((s) => s.role === 'therapist');
      const needle = (await call('inventory.listItems', {})).find((i) => i.kind === 'needle');
      await call('sessions.recordConsent', { chartNumber: 'SOAK-1', signedOn: today, formVersion: 'DN-1', copyGiven: true });
      for (let i = 0; i < committedSessions; i += 1) {
        const lot = await call('inventory.fefoLot', { itemId: needle?.id ?? 0, onDate: today });
        await committedCall('sessions.record', {
          sessionDate: today, startTime: '12:00', therapistId: therapist?.id ?? 0, chartNumber: 'SOAK-1', kind: 'plan_of_care', bodyRegions: ['neck'],
          needles: [{ itemId: needle?.id ?? 0, lotId: lot?.id ?? 0, quantity: 1 }], handHygiene: true, glovesWorn: true, skinPrep: true,
          needlesToSharps: true, needlesDisposed: 1, painBefore: 5, painAfter: 2,
        });
      }
      const endRss = rssMb();
      const verifyStarted = performance.now();
      const report = verifyClinic(env.db);
      const verifyMs = Math.round(performance.now() - verifyStarted);
      const sessions = env.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
      const events = env.db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
      env.db.close();
      const startRss = warmRss ?? rss[0] ?? endRss;
      reportFigures('soak', {
        simulatedYears: scale.years,
        therapists: scale.therapists,
        apiCalls: meter.calls(),
        sessions,
        auditEvents: events,
        fileMb: Math.round(statSync(dbPath).size / 1024 / 1024),
        seedSeconds: Math.round(seededMs / 1000),
        sessionsRecordInDayTransactions: meter.summary('sessions.record'),
        sessionsRecordCommittedEach: committed.summary('sessions.record'),
        rssMb: { afterWarmUp: startRss, end: endRss, max: Math.max(...rss, endRss), samples: rss.length },
        expectedRefusals: Object.fromEntries(meter.failures),
        verifyMs,
      });
      expect(meter.internalFailures()).toEqual([]);
      expect(sessions).toBeGreaterThan(scale.years * 365 * 0.5);
      expect(report.isIntact).toBe(true);
      expect(report.warnings).toEqual([]);
      if (isFullSize) expect(endRss).toBeLessThan(startRss * 1.5);
    },
    timeoutMs(60_000, 7_200_000),
  );
});
