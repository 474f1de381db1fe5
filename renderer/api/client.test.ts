import { describe, expect, it } from 'vitest';
import { ApiCallFailed, createApiClient } from './client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

describe('createApiClient', () => {
  it('resolves with the value of a successful call', async () => {
    const client = createApiClient(async () => ({ ok: true, value: [{ id: 1 }] }));
    await expect(client.call('staff.list', {})).resolves.toEqual([{ id: 1 }]);
  });

  it('rejects with ApiCallFailed carrying the error body', async () => {
    const client = createApiClient(async () => ({ ok: false, error: { code: 'invalid_input', message: 'name: must not be empty', field: 'name' } }));
    const failure = await client.call('staff.create', { name: '', role: 'therapist' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiCallFailed);
    expect(failure).toMatchObject({ code: 'invalid_input', field: 'name', message: 'name: must not be empty' });
  });

  it('turns a transport that throws into an internal ApiCallFailed', async () => {
    const client = createApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.call('clinic.status', {})).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('createHttpTransport', () => {
  it('POSTs JSON to /api/<method> with the bearer token', async () => {
    const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
    const transport = createHttpTransport('tok', async (url, init) => {
      requests.push({ url: String(url), init });
      return new Response(JSON.stringify({ ok: true, value: null }), { status: 200 });
    });
    await expect(transport('session.lock', {})).resolves.toEqual({ ok: true, value: null });
    expect(requests[0]?.url).toBe('/api/session.lock');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(new Headers(requests[0]?.init?.headers).get('Authorization')).toBe('Bearer tok');
    expect(requests[0]?.init?.body).toBe('{}');
  });

  it('passes the server error body through and explains an unreadable one', async () => {
    const refused = createHttpTransport('tok', async () => new Response(JSON.stringify({ ok: false, error: { code: 'locked', message: 'idle' } }), { status: 423 }));
    await expect(refused('staff.list', {})).resolves.toEqual({ ok: false, error: { code: 'locked', message: 'idle' } });
    const garbled = createHttpTransport('tok', async () => new Response('<html>', { status: 502 }));
    await expect(garbled('staff.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('never calls the server without a token', async () => {
    const transport = createHttpTransport(null, async () => {
      throw new Error('must not fetch');
    });
    await expect(transport('clinic.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('createIpcTransport', () => {
  it('hands method and input to the preload bridge', async () => {
    const calls: unknown[][] = [];
    const transport = createIpcTransport({
      invoke: async (...args) => {
        calls.push(args);
        return { ok: true, value: 'x' };
      },
    });
    await expect(transport('settings.get', {})).resolves.toEqual({ ok: true, value: 'x' });
    expect(calls).toEqual([['settings.get', {}]]);
  });
});
