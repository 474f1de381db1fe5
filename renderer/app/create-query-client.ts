// The query cache of the app: API failures that mean "sign in first" send the user to the sign-in screen.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiCallFailed } from '../api/client';
import { signInReasonForFailure, type SignInRequests } from './sign-in-requests';

export function createQueryClient(signInRequests: SignInRequests): QueryClient {
  const onError = (error: unknown) => {
    const reason = signInReasonForFailure(error);
    if (reason) signInRequests.require(reason);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A refused call will be refused again; only a busy database is worth retrying.
        retry: (failureCount, error) => error instanceof ApiCallFailed && error.code === 'database_busy' && failureCount < 3,
        // Reads count as activity on the server's idle clock, so nothing refetches unless the user acts.
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}
