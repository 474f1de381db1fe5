// Shares the window's SignInRequests store and reads its current reason as React state.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { SignInReason, SignInRequests } from './sign-in-requests';

const SignInRequestsContext = createContext<SignInRequests | null>(null);

export function SignInRequestsProvider({ requests, children }: { requests: SignInRequests; children: ReactNode }) {
  return <SignInRequestsContext value={requests}>{children}</SignInRequestsContext>;
}

export function useSignInRequests(): SignInRequests {
  const requests = useContext(SignInRequestsContext);
  if (!requests) throw new Error('useSignInRequests must be used inside <SignInRequestsProvider>');
  return requests;
}

export function useSignInReason(): SignInReason | null {
  const requests = useSignInRequests();
  return useSyncExternalStore(requests.subscribe, requests.current);
}
