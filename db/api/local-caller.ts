// A typed in-process caller over dispatch, for the demo seed, the CLI, tests and benchmarks.
import type { MethodInput, MethodName, MethodOutput } from './contract';
import { dispatch } from './dispatch';
import type { ApiErrorBody } from './errors';
import type { AppEnvironment } from './handler-context';

export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly body: ApiErrorBody,
  ) {
    super(`${method} failed: ${body.code}: ${body.message}`);
    this.name = 'ApiCallError';
  }
}

export type LocalCaller = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export function localCaller(env: AppEnvironment): LocalCaller {
  return async (method, input) => {
    const result = await dispatch(env, method, input);
    if (!result.ok) throw new ApiCallError(method, result.error);
    return result.value as MethodOutput<typeof method>;
  };
}
