// Crash consistency: a real writer process is SIGKILLed at random moments (50 times in CI, 1,000 at full
// size); after every kill the file opens, passes integrity_check, verifies, holds every acknowledged write,
// and holds no half-applied call.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoRandom } from '../demo/demo-random';
import { makeTempDir } from '../test-support/test-clinic';
import { checkAfterCrash } from './crash-checks';
import { setUpCrashClinic } from './crash-clinic';
import { StandbyWriter, type KillFrom } from './crash-harness';
import type { Ack } from './crash-writer';
import { bySize, reportFigures, seedShift, timeoutMs } from './reliability-size';

const killCount = bySize(50, 1000);
/**
 * Where kills land: mostly among a run of writes (up to maxRunMs after the first acknowledged one), some in
 * the first write after opening, some during the start itself (open, WAL recovery of the last kill's file).
 */
const maxRunMs = 250;
const killMoments: readonly KillFrom[] = ['go', 'opened', 'first_ack', 'first_ack', 'first_ack', 'first_ack', 'first_ack'];
const standbyWriters = 3;
const dir = makeTempDir('clinic-ops-crash-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash consistency', () => {
  it(
    `survives ${killCount} SIGKILLs with no acknowledged write lost and nothing half-applied`,
    async () => {
      const dbPath = join(dir, 'clinic.sqlite3');
      const clinic = await setUpCrashClinic(dbPath);
      const random = demoRandom(20260302 + seedShift);
      const figures = { kills: 0, killsSurvived: 0, killsBeforeReady: 0, acknowledgedWrites: 0, acknowledgedWritesLost: 0, unacknowledgedEventsKept: 0, byMethod: {} as Record<string, number>, eventsAtEnd: 0 };
      const failures: string[] = [];
      let lastAck: Ack | null = null;
      // Writers load their modules ahead, in a small pool, while earlier ones run and the file is checked:
      // loading is the slow part of a start, and it touches no clinic file until "go".
      const standby = Array.from({ length: standbyWriters }, (_, i) => new StandbyWriter(dbPath, { ...clinic, seed: i + 1 }));
      for (let kill = 1; kill <= killCount; kill += 1) {
        const writer = standby.shift() as StandbyWriter;
        standby.push(new StandbyWriter(dbPath, { ...clinic, seed: kill + standbyWriters }));
        const t0 = Date.now();
        const from = random.pick(killMoments);
        const result = await writer.runAndKill({ from, delayMs: random.int(0, from === 'go' ? 40 : maxRunMs) });
        if (process.env.CRASH_DEBUG) console.log(`kill ${kill}: ${Date.now() - t0} ms, ${result.acks.length} acks, ready=${!result.killedBeforeReady}`);
        figures.kills += 1;
        if (result.failure) failures.push(`kill ${kill}: ${result.failure}`);
        if (result.killedBeforeReady) figures.killsBeforeReady += 1;
        for (const ack of result.acks) figures.byMethod[ack.method] = (figures.byMethod[ack.method] ?? 0) + 1;
        figures.acknowledgedWrites += result.acks.length;
        lastAck = result.acks.at(-1) ?? lastAck;
        const check = checkAfterCrash(dbPath, result.acks, lastAck);
        figures.eventsAtEnd = check.eventCount;
        figures.unacknowledgedEventsKept += check.unacknowledgedEvents;
        if (check.problems.length === 0) figures.killsSurvived += 1;
        else failures.push(`kill ${kill}: ${check.problems.join('; ')}`);
        figures.acknowledgedWritesLost += check.problems.filter((p) => p.startsWith('acknowledged')).length;
        if (failures.length > 5) break;
      }
      await Promise.all(standby.map((w) => w.discard()));
      reportFigures('crash-consistency', figures);
      expect(failures).toEqual([]);
      expect(figures.killsSurvived).toBe(killCount);
      expect(figures.acknowledgedWritesLost).toBe(0);
      // The harness must actually have exercised writes, and kills both mid-write and during start-up.
      expect(figures.acknowledgedWrites).toBeGreaterThan(killCount / 2);
      expect(figures.byMethod['sessions.record']).toBeGreaterThan(0);
      expect(figures.byMethod['inventory.receiveDelivery']).toBeGreaterThan(0);
    },
    timeoutMs(240_000, 3_600_000),
  );
});
