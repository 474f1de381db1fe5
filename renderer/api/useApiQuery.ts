// Reads through the API with TanStack Query; the method and its input are the cache key.
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../db/api/contract';
import { useApiClient } from './ApiClientProvider';
import type { ApiCallFailed } from './client';

type ExtraOptions<M extends MethodName> = Omit<
  UseQueryOptions<MethodOutput<M>, ApiCallFailed, MethodOutput<M>, readonly [M, MethodInput<M>]>,
  'queryKey' | 'queryFn'
>;

export function apiQueryKey<M extends MethodName>(method: M, input: MethodInput<M>): readonly [M, MethodInput<M>] {
  return [method, input] as const;
}

export function useApiQuery<M extends MethodName>(method: M, input: MethodInput<M>, options?: ExtraOptions<M>) {
  const client = useApiClient();
  return useQuery({
    ...options,
    queryKey: apiQueryKey(method, input),
    queryFn: () => client.call(method, input),
  });
}
