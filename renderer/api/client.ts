// The one way the renderer talks to the clinic database, whichever transport (Electron IPC or loopback HTTP) carries it.
import type { MethodInput, MethodName, MethodOutput } from '../../db/api/contract';
import type { ApiErrorBody, ApiErrorCode, ApiResult } from '../../db/api/errors';

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** Carries one call to the dispatcher and brings back its result; never throws for an API-level failure. */
export type ApiTransport = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/** An API call that came back `{ok: false}`: the body says what went wrong and, when one is, which field. */
export class ApiCallFailed extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;

  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallFailed';
    this.code = body.code;
    this.field = body.field;
  }
}

export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    async call(method, input) {
      let result: ApiResult<unknown>;
      try {
        result = await transport(method, input);
      } catch {
        // The transport itself failed (server gone, IPC channel closed): say so in the same shape.
        throw new ApiCallFailed({ code: 'internal', message: 'Clinic Ops could not reach its database. Is the app still running?' });
      }
      if (!result.ok) throw new ApiCallFailed(result.error);
      // The dispatcher produced this value for this method; the contract types it.
      return result.value as MethodOutput<typeof method>;
    },
  };
}
