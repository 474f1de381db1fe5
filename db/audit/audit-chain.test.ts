import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';
import { verifyAuditChain, verifyAuditChainOfFile, type AuditChainReport } from './verify-audit-chain';

let clinic: TestClinic;

beforeEach(async () => {
  clinic = await openTestClinic();
  for (const name of ['Ann', 'Ben', 'Cal', 'Dee', 'Eve']) {
    await clinic.call('staff.create', { name, role: 'therapist', jobTitle: 'PT' });
  }
});
afterEach(() => clinic.close());

/** Simulates someone editing the file with a SQLite tool: the append-only triggers removed first. */
function tamper(sql: string, ...params: unknown[]): void {
  const { db } = clinic.env;
  db.exec('DROP TRIGGER audit_events_refuse_update; DROP TRIGGER audit_events_refuse_delete; PRAGMA ignore_check_constraints = ON;');
  db.prepare(sql).run(...params);
}

// Every verdict is reached twice: by the one-thread walk, and by ranges checked on worker threads (as `clinic-ops
// verify` does for a large file), forced here onto a small chain. Both must name the same first problem.
async function verify(): Promise<AuditChainReport & { threadsUsed: number[] }> {
  const single = verifyAuditChain(clinic.env.db);
  const threadsUsed: number[] = [];
  for (const threads of [2, 3]) {
    const { threads: used, ...report } = await verifyAuditChainOfFile(clinic.dbPath, { threads, parallelFromEvents: 1 });
    expect(report).toEqual(single);
    threadsUsed.push(used);
  }
  return { ...single, threadsUsed };
}

describe('the audit chain', () => {
  it('verifies intact, with the count and head kept beside it', async () => {
    const report = await verify();
    expect(report.isIntact).toBe(true);
    expect(report.eventCount).toBe(7); // setup, the manager, five staff
    const head = clinic.env.db.prepare('SELECT event_count, head_hash FROM audit_chain_head').get();
    expect(head).toEqual({ event_count: 7, head_hash: report.headHash });
  });

  it('can be recomputed from the documented encoding by independent code, and its columns match the hashed body', () => {
    const rows = clinic.env.db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Array<Record<string, string | number | null>>;
    let prev = '0'.repeat(64);
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      const event = {
        action: r.action,
        actor_staff_id: r.actor_staff_id,
        after: JSON.parse(String(r.after_json)),
        at: r.at,
        before: JSON.parse(String(r.before_json)),
        device_id: r.device_id,
        entity_id: r.entity_id,
        entity_type: r.entity_type,
        event_id: r.event_id,
        reason: r.reason,
        seq: r.seq,
      };
      const canonical = JSON.stringify(sortKeys(event));
      expect(canonical).toBe(r.body);
      const hash = createHash('sha256').update(prev + canonical, 'utf8').digest('hex');
      expect(hash).toBe(r.hash);
      prev = hash;
    }
  });

  it('refuses UPDATE and DELETE of events, and an append that does not extend the head', () => {
    const { db } = clinic.env;
    expect(() => db.prepare("UPDATE audit_events SET reason = 'x' WHERE seq = 2").run()).toThrow(/append-only|generated column/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
    const body = (seq: number) =>
      `{"action":"create","actor_staff_id":null,"after":null,"at":"2026-03-02T15:00:00.000Z","before":null,"device_id":"d","entity_id":"1","entity_type":"x","event_id":"fork-${seq}","reason":null,"seq":${seq}}`;
    const insert = db.prepare('INSERT INTO audit_events (seq, body, prev_hash, hash) VALUES (?, ?, ?, ?)');
    expect(() => insert.run(8, body(8), 'not-the-head', 'h')).toThrow(/does not extend the chain head/);
    expect(() => insert.run(7, body(7), 'x', 'h')).toThrow(/does not extend the chain head|UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE audit_events SET body = replace(body, 'Ann', 'Anne') WHERE seq = 3").run()).toThrow(/append-only/);
  });

  it('names an edited event', async () => {
    tamper("UPDATE audit_events SET body = replace(body, 'Cal', 'Cat') WHERE seq = 5");
    const report = await verify();
    expect(report.isIntact).toBe(false);
    expect(report.firstProblem).toMatchObject({ seq: 5, problem: 'hash_mismatch' });
  });

  it('names an event deleted from the middle', async () => {
    tamper('DELETE FROM audit_events WHERE seq = 4');
    const report = await verify();
    expect(report.firstProblem).toMatchObject({ seq: 4, problem: 'missing_event' });
  });

  it('notices the newest events cut off', async () => {
    tamper('DELETE FROM audit_events WHERE seq >= 6');
    const report = await verify();
    expect(report.isIntact).toBe(false);
    expect(report.firstProblem).toMatchObject({ seq: 6, problem: 'head_count_mismatch' });
  });

  it('names two events swapped', async () => {
    const { db } = clinic.env;
    tamper('UPDATE audit_events SET seq = 100 WHERE seq = 3');
    db.prepare('UPDATE audit_events SET seq = 3 WHERE seq = 4').run();
    db.prepare('UPDATE audit_events SET seq = 4 WHERE seq = 100').run();
    const report = await verify();
    expect(report.firstProblem).toMatchObject({ seq: 3, problem: 'prev_hash_mismatch' });
  });

  it('notices a changed field the hash covers, such as the acting staff member (columns follow the body)', async () => {
    tamper(`UPDATE audit_events SET body = replace(body, '"actor_staff_id":1,', '"actor_staff_id":3,') WHERE seq = 6`);
    expect(clinic.env.db.prepare('SELECT actor_staff_id FROM audit_events WHERE seq = 6').get()).toEqual({ actor_staff_id: 3 });
    expect((await verify()).firstProblem).toMatchObject({ seq: 6, problem: 'hash_mismatch' });
  });

  it('names a prev_hash column that disagrees with the event before it, though the hashes hold', async () => {
    tamper(`UPDATE audit_events SET prev_hash = '${'f'.repeat(64)}' WHERE seq = 4`);
    const report = await verify();
    expect(report.firstProblem).toMatchObject({ seq: 4, problem: 'prev_hash_mismatch', message: expect.stringMatching(/records a prev_hash/) });
  });

  it('notices an event added beyond the recorded head', async () => {
    const { db } = clinic.env;
    const last = db.prepare('SELECT body, hash, event_id FROM audit_events WHERE seq = 7').get() as { body: string; hash: string; event_id: string };
    db.exec('DROP TRIGGER audit_events_must_extend_head; DROP TRIGGER audit_events_advance_head;');
    const body = last.body.replace('"seq":7}', '"seq":8}').replace(last.event_id, 'an-extra-event');
    db.prepare('INSERT INTO audit_events (seq, body, prev_hash, hash) VALUES (8, ?, ?, ?)').run(body, last.hash, createHash('sha256').update(last.hash + body).digest('hex'));
    expect((await verify()).firstProblem).toMatchObject({ problem: 'head_count_mismatch', message: expect.stringMatching(/holds 8 events but 7/) });
  });

  it('hashes the stored bytes: a real U+FFFD verifies, and bytes that only decode to it are caught', async () => {
    await clinic.call('staff.create', { name: 'Repl\uFFFDcement', role: 'therapist', jobTitle: 'PT' });
    expect((await verify()).isIntact).toBe(true);
    // Invalid UTF-8 (a cut four-byte sequence) that a decoder shows as the same U+FFFD: the text reads the same.
    tamper("UPDATE audit_events SET body = CAST(replace(CAST(body AS BLOB), X'EFBFBD', X'F09080') AS TEXT) WHERE seq = 8");
    expect(clinic.env.db.prepare('SELECT body FROM audit_events WHERE seq = 8').pluck().get()).toMatch(/Repl\uFFFDcement/);
    expect((await verify()).firstProblem).toMatchObject({ seq: 8, problem: 'hash_mismatch' });
  });

  it('splits a long chain into ranges and still finds an edit in any of them', async () => {
    for (let i = 0; i < 40; i += 1) await clinic.call('staff.create', { name: `Temp ${i}`, role: 'therapist', jobTitle: 'PT' });
    expect(await verify()).toMatchObject({ isIntact: true, threadsUsed: [2, 3] });
    tamper("UPDATE audit_events SET body = replace(body, 'Temp 33', 'Temp 34') WHERE seq = 41");
    expect((await verify()).firstProblem).toMatchObject({ seq: 41, problem: 'hash_mismatch' });
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
