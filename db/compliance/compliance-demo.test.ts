import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnvironment } from '../api/handler-context';
import { localCaller, type LocalCaller } from '../api/local-caller';
import { openAppEnvironment } from '../app-environment';
import { seedDemoClinic } from '../demo/seed-demo';
import { makeTempDir } from '../test-support/test-clinic';
import { addDays } from './compliance-dates';
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
  it('has containers through the whole demo year in two rooms, weekly checks, and a pickup every quarter with its certificate', async () => {
    const today = (await call('clinic.status', {})).today;
    const { containers, roomsWithoutContainer } = await call('compliance.listContainers', { includeClosed: true });
    expect(roomsWithoutContainer).toEqual([]);
    expect(containers.filter((c) => c.status === 'in_service').map((c) => c.room).sort()).toEqual(['Room 1', 'Room 2']);
    // A 70-day life over a year: five sealed before the one in service, in each room.
    expect(containers.filter((c) => c.status !== 'in_service')).toHaveLength(10);
    const first = containers.find((c) => c.label === 'R1-001');
    expect(first?.status).toBe('picked_up');
    const detail = await call('compliance.containerDetail', { id: first?.id ?? 0 });
    expect(detail.checks.length).toBeGreaterThanOrEqual(10);
    const pickups = await call('compliance.listPickups', {});
    expect(pickups).toHaveLength(4);
    // Each certificate came four weeks after its pickup; the newest is still on its way unless four weeks have passed.
    for (const p of pickups) expect(p.certificateReference === null).toBe(addDays(p.pickedUpOn, 28) > today);
    // Every container sealed before the newest pickup went with one of them.
    const newest = pickups.map((p) => p.pickedUpOn).sort().at(-1) ?? '';
    expect(containers.filter((c) => c.status === 'sealed' && (c.sealedOn ?? '') <= newest)).toEqual([]);
  });

  it("puts every session's needles into the container in service in its room that day, none past its fill line", async () => {
    const count = (sql: string) => env.db.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM sessions')).toBeGreaterThan(200);
    expect(count('SELECT count(*) FROM sessions WHERE sharps_container_id IS NULL')).toBe(0);
    expect(
      count(`SELECT count(*) FROM sessions s JOIN sharps_containers c ON c.id = s.sharps_container_id
             WHERE c.room <> s.room OR s.session_date < c.placed_in_service_on OR s.session_date >= coalesce(c.sealed_on, '9999')`),
    ).toBe(0);
    const { containers } = await call('compliance.listContainers', { includeClosed: true });
    for (const c of containers) expect(c.needlesIn, c.label).toBeLessThan(c.capacityNeedles);
    // The one in service may have been placed only days ago (over a weekend, with no session yet).
    for (const c of containers.filter((c) => c.status !== 'in_service')) expect(c.needlesIn, c.label).toBeGreaterThan(0);
    // Sealed at the level its needles reached, as its last weekly check said.
    for (const c of containers.filter((c) => c.status !== 'in_service')) expect(['half', 'three_quarter']).toContain(c.sealedLevel);
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
