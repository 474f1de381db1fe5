// Figure 2: recording a paid session (validation, FEFO, stock check, movements, payment, audit event) per second,
// through the dispatcher and through the HTTP transport, against bare INSERTs of the same rows.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { dispatch } from '../../db/api/dispatch';
import type { MethodInput } from '../../db/api/contract';
import type { AppEnvironment } from '../../db/api/handler-context';
import { startWebServer } from '../../server/web-server';
import { openBenchEnvironment } from '../bench-environment';
import { round, type FigureResult } from '../measure';
import { scratchCopy } from '../bench-data';

type RecordInput = MethodInput<'sessions.record'>;

/** A valid paid self-pay session for today from the clinic's FEFO lots and kit; refreshed when a lot runs low. */
async function sessionTemplate(env: AppEnvironment): Promise<RecordInput> {
  const status = await dispatch(env, 'clinic.status', {});
  if (!status.ok) throw new Error(status.error.message);
  const today = (status.value as { today: string }).today;
  const defaults = await dispatch(env, 'sessions.formDefaults', { kind: 'self_pay', date: today });
  if (!defaults.ok) throw new Error(defaults.error.message);
  const d = defaults.value as { therapists: Array<{ id: number }>; needleItems: Array<{ itemId: number; lotId: number | null; onHand: number }>; kit: Array<{ itemId: number; lotId: number | null; quantity: number }>; priceCents: number };
  const needle = d.needleItems.filter((n) => n.lotId !== null).sort((a, b) => b.onHand - a.onHand)[0];
  if (!needle?.lotId) throw new Error('no needle stock in the bench clinic');
  const chart = env.db.prepare('SELECT chart_number FROM consents WHERE revoked_on IS NULL ORDER BY id LIMIT 1').get() as { chart_number: string };
  const therapistId = (env.db.prepare("SELECT id FROM staff WHERE role = 'therapist' AND is_active = 1 ORDER BY id LIMIT 1").get() as { id: number }).id;
  return {
    sessionDate: today,
    startTime: '10:00',
    therapistId,
    chartNumber: chart.chart_number,
    kind: 'self_pay',
    room: 'Room 1',
    bodyRegions: ['neck'],
    needles: [{ itemId: needle.itemId, lotId: needle.lotId, quantity: 6 }],
    supplies: d.kit.filter((k) => k.lotId !== null).map((k) => ({ itemId: k.itemId, lotId: k.lotId as number, quantity: k.quantity })),
    handHygiene: true,
    glovesWorn: true,
    skinPrep: true,
    needlesToSharps: true,
    needlesDisposed: 6,
    painBefore: 6,
    painAfter: 3,
    payment: { method: 'card', amountCents: d.priceCents },
  };
}

async function recordMany(count: number, record: (input: RecordInput) => Promise<{ ok: boolean; error?: { message: string; field?: string } }>, env: AppEnvironment): Promise<number> {
  let template = await sessionTemplate(env);
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    let result = await record(template);
    if (!result.ok && /holds/.test(result.error?.message ?? '')) {
      template = await sessionTemplate(env);
      result = await record(template);
    }
    if (!result.ok) throw new Error(`sessions.record failed: ${result.error?.message} (${result.error?.field})`);
  }
  return count / ((performance.now() - start) / 1000);
}

/** The baseline: the same rows written with bare INSERTs, an event with its SHA-256, one transaction each. */
function bareInsertsPerSecond(db: Database, count: number, template: RecordInput): number {
  const insertSession = db.prepare(
    `INSERT INTO sessions (session_date, start_time, started_at, therapist_id, chart_number, kind, room, body_regions_json, hand_hygiene,
       gloves_worn, skin_prep, needles_to_sharps, needles_opened, needles_disposed, pain_before, pain_after, adverse_event, price_cents,
       recorded_at, recorded_by)
     VALUES (?, '10:00', ?, ?, ?, 'self_pay', 'Room 1', '["neck"]', 1, 1, 1, 1, 6, 6, 6, 3, 'none', 6500, ?, 1)`,
  );
  const insertMovement = db.prepare(
    `INSERT INTO stock_movements (lot_id, item_id, kind, quantity, balance_after, status_after, occurred_on, recorded_at, recorded_by, session_id)
     VALUES (?, ?, 'use', ?, 0, 'available', ?, ?, 1, ?)`,
  );
  const insertPayment = db.prepare(
    `INSERT INTO payments (kind, session_id, chart_number, method, amount_cents, paid_on, recorded_at, recorded_by)
     VALUES ('payment', ?, ?, 'card', 6500, ?, ?, 1)`,
  );
  const head = db.prepare('SELECT event_count, head_hash FROM audit_chain_head WHERE id = 1');
  const insertEvent = db.prepare('INSERT INTO audit_events (seq, body, prev_hash, hash) VALUES (?, ?, ?, ?)');
  const lines = [...template.needles, ...(template.supplies ?? [])];
  const write = db.transaction((i: number) => {
    const now = new Date().toISOString();
    const id = Number(insertSession.run(template.sessionDate, now, template.therapistId, template.chartNumber, now).lastInsertRowid);
    for (const line of lines) insertMovement.run(line.lotId, line.itemId, -line.quantity, template.sessionDate, now, id);
    insertPayment.run(id, template.chartNumber, template.sessionDate, now);
    const h = head.get() as { event_count: number; head_hash: string };
    const seq = h.event_count + 1;
    const body = JSON.stringify({
      action: 'create',
      actor_staff_id: 1,
      after: { id, chartNumber: template.chartNumber, lines },
      at: now,
      before: null,
      device_id: 'bench',
      entity_id: String(id),
      entity_type: 'session',
      event_id: `bench-${i}-${id}`,
      reason: null,
      seq,
    });
    const hash = createHash('sha256').update(h.head_hash).update(body).digest('hex');
    insertEvent.run(seq, body, h.head_hash, hash);
  });
  const start = performance.now();
  for (let i = 0; i < count; i += 1) write.immediate(i);
  return count / ((performance.now() - start) / 1000);
}

export async function benchRecordSession(count: number): Promise<FigureResult[]> {
  const apiEnv = openBenchEnvironment(scratchCopy('record-api'));
  let dispatcherRate: number;
  let baselineRate: number;
  try {
    dispatcherRate = await recordMany(count, (input) => dispatch(apiEnv, 'sessions.record', input), apiEnv);
  } finally {
    apiEnv.db.close();
  }
  const bareEnv = openBenchEnvironment(scratchCopy('record-bare'));
  try {
    baselineRate = bareInsertsPerSecond(bareEnv.db, count, await sessionTemplate(bareEnv));
  } finally {
    bareEnv.db.close();
  }
  const httpEnv = openBenchEnvironment(scratchCopy('record-http'));
  const server = await startWebServer({ env: httpEnv, rendererDir: __dirname, port: 0 });
  let httpRate: number;
  try {
    httpRate = await recordMany(
      count,
      async (input) => {
        const response = await fetch(`${server.url}/api/sessions.record`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        return (await response.json()) as { ok: boolean; error?: { message: string } };
      },
      httpEnv,
    );
  } finally {
    await server.close();
    httpEnv.db.close();
  }
  const ratio = dispatcherRate / baselineRate;
  return [
    {
      figure: '2a. Record a paid session (dispatcher)',
      value: round(dispatcherRate, 0),
      unit: 'sessions/s',
      baseline: round(baselineRate, 0),
      baselineLabel: 'bare INSERTs, sessions/s',
      ratio: round(ratio, 2),
      target: '≥ 0.6× baseline',
      pass: ratio >= 0.6,
    },
    {
      figure: '2b. Record a paid session (HTTP)',
      value: round(httpRate, 0),
      unit: 'sessions/s',
      baseline: round(baselineRate, 0),
      baselineLabel: 'bare INSERTs, sessions/s',
      ratio: round(httpRate / baselineRate, 2),
      target: '≥ 500/s',
      pass: httpRate >= 500,
    },
  ];
}
