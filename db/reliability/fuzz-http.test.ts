// Fuzzes the browser transport: every method gets 10 MB bodies (declared and chunked), broken JSON and
// fuzzed inputs over real HTTP. Each answer is the one error shape with a fitting status, the file is unchanged
// by every refusal, and the server keeps answering afterwards.
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../server/web-server';
import { contract } from '../api/contract';
import type { MethodSpec } from '../api/define-method';
import type { ApiResult } from '../api/errors';
import type { SessionClinic } from '../sessions/sessions-test-helpers';
import { actAsManager, captureState, fuzzToday, openFuzzClinic, rejectedCallChange, resetFuzzClinic, resultShapeProblem, settleBackgroundWork } from './fuzz-fixtures';
import { sendRaw, type Reply } from './http-client';
import { mutate, mutationChoice } from './invalid-inputs';
import { bySize, reportFigures, seedShift, timeoutMs } from './reliability-size';
import { arbitraryFromSchema, type JsonSchema } from './schema-arbitrary';

const token = 'reliability-token-0123456789abcdef';
const tenMegabytes = 10 * 1024 * 1024;
const methods = Object.keys(contract);
/** CI sends the 10 MB bodies to a handful of methods; the full run to every one. */
const bigBodyMethods = bySize(methods.filter((_, i) => i % 25 === 0), methods);
const fuzzRunsPerMethod = bySize(3, 40);
const statusOk = new Set([200, 400, 401, 403, 404, 409, 413, 415, 422, 423]);

let clinic: SessionClinic;
let server: RunningWebServer;
const figures = { bigBodies: 0, brokenBodies: 0, fuzzedCalls: 0 };

beforeAll(async () => {
  clinic = await openFuzzClinic();
  server = await startWebServer({ env: clinic.env, rendererDir: clinic.dir, token });
});
afterAll(async () => {
  await server.close();
  clinic.close();
  reportFigures('fuzz-http', { methods: methods.length, ...figures });
});

const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const post = (method: string, body: string | Buffer | Buffer[], extra: Record<string, string | number> = {}) =>
  sendRaw({ port: server.port, method: 'POST', path: `/api/${encodeURIComponent(method)}`, headers: { ...headers, ...extra }, body });

function expectRefusal(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  const parsed = JSON.parse(reply.body) as unknown;
  expect(resultShapeProblem(parsed)).toBeNull();
  expect(parsed).toMatchObject({ ok: false, error: { code } });
}

describe('browser transport under hostile bodies', () => {
  it.each(bigBodyMethods)(
    '%s: a 10 MB body, declared or chunked, is refused with 413 and changes nothing',
    async (method) => {
      actAsManager(clinic);
      const before = captureState(clinic);
      const big = Buffer.alloc(tenMegabytes, 'a');
      const body = Buffer.concat([Buffer.from('{"notes":"'), big, Buffer.from('"}')]);
      expectRefusal(await post(method, body), 413, 'invalid_input');
      const chunks = Array.from({ length: 10 }, (_, i) => body.subarray(i * (body.length / 10), (i + 1) * (body.length / 10)));
      expectRefusal(await post(method, chunks, { 'transfer-encoding': 'chunked' }), 413, 'invalid_input');
      figures.bigBodies += 2;
      expect(rejectedCallChange(clinic, before, { ok: false, error: { code: 'invalid_input', message: '' } })).toBeNull();
    },
    timeoutMs(20_000, 60_000),
  );

  it.each(methods)(
    '%s: broken JSON, a number too big for JSON, deep nesting and invalid UTF-8 are refused in shape',
    async (method) => {
      actAsManager(clinic);
      const before = captureState(clinic);
      const bodies: Array<string | Buffer> = [
        '{not json',
        '{"a":1e999}',
        '1e999',
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d]),
        '\uFEFF{}',
      ];
      for (const body of bodies) {
        const reply = await post(method, body);
        expect(statusOk.has(reply.status), `${method} answered ${reply.status} to ${String(body).slice(0, 30)}`).toBe(true);
        const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
        expect(resultShapeProblem(parsed)).toBeNull();
        if (!parsed.ok) expect(parsed.error?.code).not.toBe('internal');
        figures.brokenBodies += 1;
      }
      expect(rejectedCallChange(clinic, before, { ok: false, error: { code: 'invalid_input', message: '' } })).toBeNull();
    },
    timeoutMs(20_000, 60_000),
  );

  it.each(methods)(
    '%s: fuzzed inputs over HTTP get a status that fits the error code',
    async (method) => {
      const spec = contract[method as keyof typeof contract] as MethodSpec;
      resetFuzzClinic(clinic);
      const schema = z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      const base = arbitraryFromSchema(schema, { today: fuzzToday, maxLikelyId: 12 });
      const inputs = fc.oneof(base, fc.tuple(base, mutationChoice).map(([input, choice]) => mutate(input, schema, choice, 100_000).input));
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          actAsManager(clinic);
          const before = captureState(clinic);
          // JSON has no NaN, Infinity or undefined: JSON.stringify sends null, as a browser would.
          const reply = await post(method, JSON.stringify(input) ?? 'null');
          figures.fuzzedCalls += 1;
          const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
          expect(resultShapeProblem(parsed)).toBeNull();
          if (parsed.ok) {
            expect(reply.status).toBe(200);
            await settleBackgroundWork(clinic, parsed as ApiResult<unknown>);
            return;
          }
          expect(parsed.error?.code).not.toBe('internal');
          expect(statusOk.has(reply.status), `${method}: ${reply.status} for ${parsed.error?.code}`).toBe(true);
          expect(rejectedCallChange(clinic, before, parsed as never)).toBeNull();
        }),
        { numRuns: fuzzRunsPerMethod, seed: 7 + seedShift + methods.indexOf(method), endOnFailure: true },
      );
    },
    timeoutMs(20_000, 120_000),
  );

  it('still answers after all of it', async () => {
    const reply = await sendRaw({ port: server.port, path: '/api', headers: { authorization: headers.authorization } });
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.body) as { methods: unknown[] }).methods).toHaveLength(methods.length);
  });
});
