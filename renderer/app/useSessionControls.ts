// Lock, switch user and the idle keep-alive: the header buttons and the idle timer share these.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApiClient } from '../api/ApiClientProvider';
import { apiQueryKey } from '../api/useApiQuery';
import { signInReasonForFailure, type SignInReason } from './sign-in-requests';
import { useSignInRequests } from './SignInRequestsProvider';

export function useSessionControls() {
  const client = useApiClient();
  const requests = useSignInRequests();
  const queryClient = useQueryClient();

  /** Shows the sign-in screen first (so nothing clinical stays on screen), then tells the server. */
  const lock = useCallback(
    async (reason: Extract<SignInReason, 'idle' | 'lock_button' | 'switch_user'>) => {
      requests.require(reason);
      try {
        await client.call('session.lock', {});
      } catch {
        // Already locked by the server's own idle check, or signed out: the PC is locked either way.
      }
      await queryClient.invalidateQueries({ queryKey: apiQueryKey('clinic.status', {}) });
    },
    [client, requests, queryClient],
  );

  /** Typing is activity too: session.touch resets the server's idle clock while the user is busy in a form. */
  const keepAlive = useCallback(() => {
    client.call('session.touch', {}).catch((error: unknown) => {
      const reason = signInReasonForFailure(error);
      if (reason) requests.require(reason);
    });
  }, [client, requests]);

  return { lock, keepAlive };
}
