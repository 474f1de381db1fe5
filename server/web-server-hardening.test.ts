// Transport hardening beyond web-server.test.ts: the cases that test leaves open, each of which fails if its
// protection is removed (a token with a right prefix, chunked oversized bodies, Host and Origin variants,
// requests with no Host at all, per-run random tokens, constant-time comparison, loopback only).
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../db/test-support/test-clinic';
import { sendRaw } from '../db/reliability/http-client';
import { hasToken, maxRequestBodyBytes, startWebServer, type RunningWebServer } from './web-server';

const token = 'hardening-token-0123456789abcdef';
let clinic: TestClinic;
let server: RunningWebServer;

beforeEach(async () => {
  clinic = await openTestClinic();
  const rendererDir = join(clinic.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Ops</title>');
  writeFileSync(join(clinic.dir, 'secret.txt'), 'outside the renderer folder');
  server = await startWebServer({ env: clinic.env, rendererDir, token });
});
afterEach(async () => {
  await server.close();
  clinic.close();
});

const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const staffCount = () => clinic.env.db.prepare('SELECT count(*) FROM staff').pluck().get() as number;
const createStaff = JSON.stringify({ name: 'Mallory', role: 'manager' });
const post = (headers: Record<string, string | number>, body: string | Buffer | Buffer[] = createStaff) =>
  sendRaw({ port: server.port, method: 'POST', path: '/api/staff.create', headers, body });

/** Sends bytes on a bare socket, for requests Node's client will not make (no Host header). */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end(text));
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('token', () => {
  it.each([
    ['the right token with extra characters after it', `Bearer ${token}X`],
    ['an empty bearer token', 'Bearer '],
    ['the token without the Bearer scheme', token],
    ['the token twice', `Bearer ${token} ${token}`],
  ])('refuses %s', async (_label, authorization) => {
    const reply = await post({ ...auth, authorization });
    expect(reply.status).toBe(403);
    expect(staffCount()).toBe(1);
  });

  it('refuses the token in the query string (it would land in logs and history)', async () => {
    const reply = await sendRaw({ port: server.port, method: 'POST', path: `/api/staff.create?token=${token}`, headers: { 'content-type': 'application/json' }, body: createStaff });
    expect(reply.status).toBe(403);
  });

  it('compares in constant time: hasToken goes through crypto.timingSafeEqual, and answers exactly', () => {
    expect(hasToken.toString()).toContain('timingSafeEqual');
    const expected = Buffer.from(token);
    expect(hasToken(`Bearer ${token}`, expected)).toBe(true);
    for (const wrong of [`Bearer ${token.slice(0, -1)}`, `Bearer ${token}0`, `Bearer ${'x'.repeat(token.length)}`, undefined]) {
      expect(hasToken(wrong, expected)).toBe(false);
    }
  });

  it('is 32 random bytes per run when not fixed by a test', async () => {
    const a = await startWebServer({ env: clinic.env, rendererDir: clinic.dir });
    const b = await startWebServer({ env: clinic.env, rendererDir: clinic.dir });
    try {
      expect(a.token).not.toBe(b.token);
      expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('Host and Origin (DNS rebinding, CSRF)', () => {
  it.each(['127.0.0.1', 'localhost', 'localhost.evil.test:PORT', '127.0.0.1:OTHER', 'evil.test', '[::1]:PORT'])('refuses Host %s, for the API and the app alike', async (host) => {
    const fixed = host.replace('PORT', String(server.port)).replace('OTHER', String(server.port + 1));
    expect((await post({ ...auth, host: fixed })).status).toBe(403);
    expect((await sendRaw({ port: server.port, path: '/', headers: { host: fixed } })).status).toBe(403);
    expect(staffCount()).toBe(1);
  });

  it('refuses a request with no Host header at all', async () => {
    const reply = await rawRequest(`POST /api/staff.create HTTP/1.0\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${createStaff.length}\r\n\r\n${createStaff}`);
    expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
    expect(staffCount()).toBe(1);
  });

  it.each(['null', 'http://127.0.0.1:OTHER', 'https://127.0.0.1:PORT', 'http://127.0.0.1:PORT.evil.test', 'http://evil.test'])('refuses Origin %s even with the token', async (origin) => {
    const fixed = origin.replace('PORT', String(server.port)).replace('OTHER', String(server.port + 1));
    expect((await post({ ...auth, origin: fixed })).status).toBe(403);
    expect(staffCount()).toBe(1);
  });

  it('accepts our own origin, by either loopback name', async () => {
    expect((await post({ ...auth, origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await post({ ...auth, origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('JSON only', () => {
  it.each(['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'text/json'])('refuses Content-Type "%s" with 415', async (type) => {
    const headers: Record<string, string> = { authorization: auth.authorization };
    if (type) headers['content-type'] = type;
    expect((await post(headers)).status).toBe(415);
    expect(staffCount()).toBe(1);
  });

  it('accepts application/json with a charset', async () => {
    expect((await post({ ...auth, 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('API methods are POST only', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      expect((await sendRaw({ port: server.port, method, path: '/api/staff.list', headers: auth })).status, method).toBe(405);
    }
  });
});

describe('body size', () => {
  it('refuses an oversized chunked body (no Content-Length to check up front)', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const body = [Buffer.from('{"name":"'), ...Array.from({ length: 8 }, () => chunk), Buffer.from('","role":"manager"}')];
    const reply = await post({ ...auth, 'transfer-encoding': 'chunked' }, body);
    expect(reply.status).toBe(413);
    expect(staffCount()).toBe(1);
  });

  it('takes a body just under the limit', async () => {
    const padding = ' '.repeat(maxRequestBodyBytes - createStaff.length - 10);
    const reply = await post(auth, `${createStaff}${padding}`);
    expect(reply.status).toBe(200);
  });
});

describe('static files', () => {
  it.each(['/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/%2e%2e/secret.txt', '/.%2e/secret.txt', '/%252e%252e/secret.txt', '/index.html%00.txt', `/${'..%2f'.repeat(12)}etc%2fpasswd`])(
    'never serves outside the renderer folder: %s',
    async (path) => {
      const reply = await sendRaw({ port: server.port, path });
      expect(reply.body).not.toContain('outside the renderer folder');
      expect(reply.body).not.toMatch(/root:/);
    },
  );

  it('never serves the clinic file or anything beside it', async () => {
    for (const path of ['/clinic.sqlite3', '/..%2fclinic.sqlite3', '/device-id', '/..%2fdevice-id']) {
      const reply = await sendRaw({ port: server.port, path });
      expect(reply.body, path).not.toContain('SQLite format 3');
      expect(reply.body, path).not.toMatch(/^device-/);
    }
  });

  it('sends the security headers on errors as well as pages', async () => {
    for (const reply of [await sendRaw({ port: server.port, path: '/missing.js' }), await post({ ...auth, authorization: 'Bearer nope' })]) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });
});

describe('loopback only', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === 'IPv4')
    .map((i) => i?.address as string);

  it.skipIf(external.length === 0)('is not reachable on this machine’s other addresses', async () => {
    for (const address of external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(server.port, address, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('is not reachable on the IPv6 loopback either', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '::1', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).not.toBe('connected');
  });
});
