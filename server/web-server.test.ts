import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../db/api/contract';
import { openTestClinic, type TestClinic } from '../db/test-support/test-clinic';
import { startWebServer, type RunningWebServer } from './web-server';

let clinic: TestClinic;
let server: RunningWebServer;

beforeEach(async () => {
  clinic = await openTestClinic();
  const rendererDir = join(clinic.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Ops</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(clinic.dir, 'secret.txt'), 'outside the renderer folder');
  server = await startWebServer({ env: clinic.env, rendererDir, token: 'test-token-0123456789' });
});
afterEach(async () => {
  await server.close();
  clinic.close();
});

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { authorization: 'Bearer test-token-0123456789', 'content-type': 'application/json' };
const staffCount = () => (clinic.env.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
const createStaff = JSON.stringify({ name: 'Mallory', role: 'manager' });

describe('browser transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.openUrl).toBe(`http://127.0.0.1:${server.port}/#token=test-token-0123456789`);
  });

  it('answers a call with the token', async () => {
    const reply = await send({ method: 'POST', path: '/api/staff.create', headers: auth, body: createStaff });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: 'Mallory' } });
  });

  it.each([
    ['no token', { 'content-type': 'application/json' }],
    ['a wrong token', { ...auth, authorization: 'Bearer test-token-0123456780' }],
    ['a token prefix', { ...auth, authorization: 'Bearer test-token' }],
    ['a foreign Host', { ...auth, host: 'evil.example:80' }],
    ['a rebinding Host on our port', { ...auth, host: 'attacker.test:PORT' }],
    ['a foreign Origin', { ...auth, origin: 'http://evil.example' }],
  ])('refuses a call with %s with 403 and changes nothing', async (_label, headers) => {
    const before = staffCount();
    const fixed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(server.port))]));
    const reply = await send({ method: 'POST', path: '/api/staff.create', headers: fixed, body: createStaff });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(staffCount()).toBe(before);
  });

  it('refuses a simple cross-site form post (no JSON content type, foreign origin)', async () => {
    const before = staffCount();
    const form = await send({
      method: 'POST',
      path: '/api/staff.create',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: 'name=Mallory&role=manager',
    });
    expect(form.status).toBe(403);
    const plain = await send({ method: 'POST', path: '/api/staff.create', headers: { ...auth, 'content-type': 'text/plain' }, body: createStaff });
    expect(plain.status).toBe(415);
    expect(staffCount()).toBe(before);
  });

  it('limits the request body size', async () => {
    const reply = await send({ method: 'POST', path: '/api/staff.create', headers: auth, body: JSON.stringify({ name: 'x'.repeat(2_000_000), role: 'manager' }) });
    expect(reply.status).toBe(413);
  });

  it('maps errors to the one error shape with a fitting status', async () => {
    const invalid = await send({ method: 'POST', path: '/api/staff.create', headers: auth, body: JSON.stringify({ name: '', role: 'manager' }) });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'name: must not be empty', field: 'name' } });
    const unknown = await send({ method: 'POST', path: '/api/__proto__', headers: auth, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const badJson = await send({ method: 'POST', path: '/api/staff.list', headers: auth, body: '{not json' });
    expect(badJson.status).toBe(400);
  });

  it('documents itself: GET /api lists every method with its input JSON schema', async () => {
    const reply = await send({ path: '/api', headers: { authorization: auth.authorization } });
    const { methods } = JSON.parse(reply.body) as { methods: Array<{ method: string; inputSchema: { type: string } }> };
    expect(methods.map((m) => m.method).sort()).toEqual(Object.keys(contract).sort());
    expect(methods.find((m) => m.method === 'staff.create')?.inputSchema).toMatchObject({ type: 'object', required: expect.arrayContaining(['name', 'role']) });
    expect((await send({ path: '/api' })).status).toBe(403);
  });

  it('serves the renderer with a strict CSP and client routes fall back to the app', async () => {
    const index = await send({ path: '/' });
    expect(index.body).toContain('<title>Clinic Ops</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send({ path: '/assets/app.js' })).body).toBe('console.log(1)');
    expect((await send({ path: '/staff' })).body).toContain('<title>Clinic Ops</title>');
    expect((await send({ path: '/assets/missing.js' })).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2fetc%2fpasswd', '//etc/passwd'])(
    'never serves a file outside the renderer folder: %s',
    async (path) => {
      const reply = await send({ path });
      expect(reply.body).not.toContain('outside the renderer folder');
      expect(reply.body).not.toContain('root:');
    },
  );
});
