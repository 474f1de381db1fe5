// Browser mode: each API call is POST /api/<method> to the loopback server, with this run's bearer token.
import type { ApiResult } from '../../db/api/errors';
import type { ApiTransport } from './client';

export function createHttpTransport(token: string | null, fetchApi: typeof fetch = (...args) => fetch(...args)): ApiTransport {
  return async (method, input) => {
    if (token === null) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'This page was opened without its access token. Use the address `clinic-ops web` printed.' },
      };
    }
    const response = await fetchApi(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'omit',
    });
    try {
      // The server answers every API request, success or failure, with an ApiResult body.
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The server sent an unreadable answer (HTTP ${response.status}).` } };
    }
  };
}
