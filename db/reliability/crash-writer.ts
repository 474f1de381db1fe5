// The child process the crash harness kills with SIGKILL: it records sessions, deliveries and sharps fill checks
// through the API, and after each acknowledged call writes one JSON line to stdout (the harness's list).
// Run as: node db/reliability/ts-require.cjs db/reliability/crash-writer.ts <dbPath> <config JSON>
// It loads every module first, then waits for "go" on stdin, so the harness can start the next writer while
// it checks the file after the last kill, and kills land on writes rather than on module loading.
import { createInterface } from 'node:readline';
import type { AppEnvironment } from '../api/handler-context';
import { dispatch } from '../api/dispatch';
import { openAppEnvironment } from '../app-environment';
import { readChainHead } from '../audit/audit-log';
import { addDays } from '../clinic/business-time';
import { demoRandom, type DemoRandom } from '../demo/demo-random';
import { crashCharts, crashToday, type CrashClinic } from './crash-clinic';

export interface WriterConfig extends CrashClinic {
  seed: number;
}

/** One acknowledged call: what it wrote, and the chain head right after it committed. */
export interface Ack {
  method: string;
  /** The session, the lots received, or the container checked. */
  ids: number[];
  seq: number;
  hash: string;
}

/** Synchronous on Linux for pipes, so a line written is with the harness even if SIGKILL comes next. */
function say(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => line.trim() === 'go' && resolve());
    lines.on('close', () => process.exit(0)); // the harness went away
    say({ loaded: true });
  });
}

function availableLot(env: AppEnvironment, itemId: number, atLeast: number): number | undefined {
  return env.db
    .prepare("SELECT id FROM stock_lots WHERE item_id = ? AND status = 'available' AND on_hand >= ? ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(itemId, atLeast) as number | undefined;
}

function sessionInput(env: AppEnvironment, config: WriterConfig, random: DemoRandom, today: string) {
  const needleLot = availableLot(env, config.needleItemId, 10);
  const gloveLot = availableLot(env, config.gloveItemId, 2);
  if (needleLot === undefined || gloveLot === undefined) return null;
  const quantity = random.int(1, 6);
  return {
    sessionDate: addDays(today, -random.int(1, 20)),
    startTime: `${String(random.int(8, 17)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
    therapistId: config.therapistId,
    chartNumber: random.pick(crashCharts),
    kind: random.pick(['plan_of_care', 'self_pay'] as const),
    room: 'Room 1',
    bodyRegions: [random.pick(['neck', 'upper_back', 'low_back', 'calf'] as const)],
    needles: [{ itemId: config.needleItemId, lotId: needleLot, quantity }],
    supplies: [{ itemId: config.gloveItemId, lotId: gloveLot, quantity: 2 }],
    handHygiene: true,
    glovesWorn: true,
    skinPrep: true,
    needlesToSharps: true,
    needlesDisposed: quantity,
    painBefore: random.int(4, 9),
    painAfter: random.int(0, 4),
    notes: 'x'.repeat(random.int(0, 400)),
  };
}

function nextCall(env: AppEnvironment, config: WriterConfig, random: DemoRandom, n: number): { method: string; input: object } {
  const today = crashToday();
  const r = random.next();
  const session = r < 0.6 ? sessionInput(env, config, random, today) : null;
  if (session) return { method: 'sessions.record', input: session };
  if (r >= 0.85 && config.containerId !== null) {
    return {
      method: 'compliance.recordFillCheck',
      input: { containerId: config.containerId, checkedOn: addDays(today, -random.int(0, 5)), level: random.pick(['quarter', 'half']), isUprightAndClosed: true, note: '' },
    };
  }
  const tag = `${config.seed % 100000}-${n}`;
  return {
    method: 'inventory.receiveDelivery',
    input: {
      receivedOn: addDays(today, -30),
      supplier: 'Crash Supplies',
      reference: `W${tag}`,
      lines: [
        { itemId: config.needleItemId, lotNumber: `N${tag}`, expiryDate: addDays(today, 1000), quantity: random.int(1, 3), quantityUnit: 'pack', costCents: 1000, costPer: 'pack' },
        { itemId: config.gloveItemId, lotNumber: `G${tag}`, expiryDate: addDays(today, 1000), quantity: 1, quantityUnit: 'pack', costCents: 1500, costPer: 'pack' },
      ],
    },
  };
}

function idsOf(method: string, value: unknown, input: object): number[] {
  if (method === 'sessions.record') return [(value as { session: { id: number } }).session.id];
  if (method === 'inventory.receiveDelivery') return (value as { lots: Array<{ id: number }> }).lots.map((l) => l.id);
  return [(input as { containerId: number }).containerId];
}

async function main(): Promise<void> {
  const [dbPath, configJson] = process.argv.slice(2);
  if (!dbPath || !configJson) throw new Error('usage: crash-writer.ts <dbPath> <config JSON>');
  const config = JSON.parse(configJson) as WriterConfig;
  await waitForGo();
  const env = openAppEnvironment(dbPath);
  say({ ready: true });
  const random = demoRandom(config.seed);
  for (let n = 0; ; n += 1) {
    env.session.signIn(config.managerId, Date.now());
    const { method, input } = nextCall(env, config, random, n);
    const result = await dispatch(env, method, input);
    if (!result.ok) {
      // A refused write is a bug in the workload or the app, not a crash result: stop and let the harness fail.
      say({ refused: method, error: result.error });
      process.exit(3);
    }
    const head = readChainHead(env.db);
    const ack: Ack = { method, ids: idsOf(method, result.value, input), seq: head.eventCount, hash: head.headHash };
    say(ack);
  }
}

if (require.main === module || process.argv[1]?.endsWith('crash-writer.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
