// Picks the transport once at start: IPC inside the desktop app, otherwise the loopback HTTP server.
import { takeAccessToken } from './access-token';
import { createApiClient, type ApiClient } from './client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

export function createClientForThisWindow(): ApiClient {
  if (window.clinicOps) return createApiClient(createIpcTransport(window.clinicOps));
  const token = takeAccessToken({ location: window.location, storage: window.sessionStorage, history: window.history });
  return createApiClient(createHttpTransport(token));
}
