// The providers every screen needs: theme, API client, query cache, sign-in requests and the hash router.
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { HashRouter } from 'react-router';
import { ApiClientProvider } from '../api/ApiClientProvider';
import type { ApiClient } from '../api/client';
import { createQueryClient } from './create-query-client';
import { SessionGate } from './SessionGate';
import { SignInRequests } from './sign-in-requests';
import { SignInRequestsProvider } from './SignInRequestsProvider';
import { theme } from './theme';

export function App({ client }: { client: ApiClient }) {
  // One store and cache for the life of the window.
  const [signInRequests] = useState(() => new SignInRequests());
  const [queryClient] = useState(() => createQueryClient(signInRequests));
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ApiClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
          <SignInRequestsProvider requests={signInRequests}>
            {/* Hash routing works from a file:// or custom-protocol page as well as over HTTP. */}
            <HashRouter>
              <SessionGate />
            </HashRouter>
          </SignInRequestsProvider>
        </QueryClientProvider>
      </ApiClientProvider>
    </MantineProvider>
  );
}
