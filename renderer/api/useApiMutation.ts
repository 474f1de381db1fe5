// Writes through the API. After any successful write every cached read refreshes: simple, and never stale.
import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../db/api/contract';
import { useApiClient } from './ApiClientProvider';
import type { ApiCallFailed } from './client';

type ExtraOptions<M extends MethodName> = Omit<
  UseMutationOptions<MethodOutput<M>, ApiCallFailed, MethodInput<M>>,
  'mutationFn'
>;

export function useApiMutation<M extends MethodName>(method: M, options?: ExtraOptions<M>) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (input: MethodInput<M>) => client.call(method, input),
    onSuccess: async (...args) => {
      await options?.onSuccess?.(...args);
      await queryClient.invalidateQueries();
    },
  });
}
