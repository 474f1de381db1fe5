// Desktop mode: each API call goes through the one IPC function the Electron preload exposes.
import type { ApiResult } from '../../db/api/errors';
import type { ApiTransport } from './client';

/** What electron/preload.ts exposes on window; it answers with the same ApiResult the HTTP server sends. */
export interface ClinicOpsBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    clinicOps?: ClinicOpsBridge;
  }
}

export function createIpcTransport(bridge: ClinicOpsBridge): ApiTransport {
  return (method, input) => bridge.invoke(method, input ?? {});
}
