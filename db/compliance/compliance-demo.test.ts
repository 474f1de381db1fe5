import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnvironment } from '../api/handler-context';
import { localCaller, type LocalCaller } from '../api/local-caller';
import { openAppEnvironment } from '../app-environment';
import { seedDemoClinic } from '../demo/seed-demo';
import { makeTempDir } from '../test-support/test-clinic';
import { credentialProblem } from './credentials-rules';

let env: AppEnvironment;
let call: LocalCaller;
let dir: string;
beforeAll(async () => {
  dir = makeTempDir();
  env = openAppEnvironment(join(dir, 'demo.sqlite3'));
  call = localCaller(env);
  await seedDemoClinic(env, () => {}, { years: 1, therapists: 2, seed: 7 });
}, 600_000);
afterAll(() => {
  env.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the compliance demo', () => {
  it('has containers through their whole life in two rooms, weekly checks and two pickups with manifests', async () => {
    const { containers, roomsWithoutContainer } = await call('compliance.listContainers', { includeClosed: true });
    expect(containers.map((c) => [c.room, c.status])).toEqual([
      ['Room 1', 'in_service'],
      ['Room 2', 'in_service'],
      ['Room 1', 'picked_up'],
      ['Room 1', 'picked_up'],
      ['Room 2', 'picked_up'],
      ['Room 2', 'picked_up'],
    ]);
    expect(roomsWithoutContainer).toEqual([]);
    const detail = await call('compliance.containerDetail', { id: containers[2]!.id });
    expect(detail.checks.length).toBeGreaterThanOrEqual(9);
    const pickups = await call('compliance.listPickups', {});
    expect(pickups).toHaveLength(2);
    expect(pickups.map((p) => p.certificateReference === null)).toEqual([true, false]);
  });

  it('clears every demo therapist for the whole demo period, with one credential expiring soon', async () => {
    const today = (await call('clinic.status', {})).today;
    const { therapists } = await call('compliance.listCredentials', {});
    expect(therapists.map((t) => t.problem)).toEqual([null, null]);
    for (const t of therapists) expect(credentialProblem(env.db, t.staffId, (Number(today.slice(0, 4)) - 1).toString() + today.slice(4))).toBeNull();
    const calendar = await call('compliance.calendar', {});
    expect(calendar.items.filter((i) => i.kind === 'credential_expiring')).toHaveLength(1);
  });

  it('keeps training, vaccination offers, plan reviews, one sharps injury, MDR decisions and the recurring tasks', async () => {
    expect(await call('compliance.listTrainings', {})).toHaveLength(2);
    expect((await call('compliance.listHbvOffers', {})).length).toBe(2);
    expect((await call('compliance.listPlanReviews', {})).reviews).toHaveLength(2);
    expect((await call('compliance.listInjuries', {})).entries).toHaveLength(1);
    const mdr = await call('compliance.listMdr', {});
    expect(mdr.unevaluatedSessions).toEqual([]);
    expect(mdr.evaluations.filter((e) => e.status === 'open').length).toBeLessThanOrEqual(1);
    expect(mdr.evaluations.some((e) => e.source === 'needle_defect')).toBe(true);
    const tasks = await call('compliance.listTasks', {});
    expect(tasks.map((t) => t.title)).toContain('Eyewash station check');
    const calendar = await call('compliance.calendar', {});
    expect(calendar.items.filter((i) => i.severity === 'overdue').map((i) => i.kind)).toEqual([]);
    const inspector = await call('compliance.inspectorView', {});
    expect(inspector.records.filter((r) => r.status === 'missing')).toEqual([]);
  });
});
