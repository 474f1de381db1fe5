// Decides the one screen to show: first-run setup, sign-in (nothing clinical behind it), or the app itself.
import { Button, Center, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useApiClient } from '../api/ApiClientProvider';
import { apiQueryKey, useApiQuery } from '../api/useApiQuery';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { SignInPage } from '../features/sign-in/SignInPage';
import { AppFrame } from './AppFrame';
import { areaOf } from './areas';
import { ClinicSessionProvider } from './ClinicSessionContext';
import { lazyPage } from './lazy-page';
import { useSignInReason } from './SignInRequestsProvider';

// Shown once per clinic, so its code (and the schemas it validates with) loads only when needed.
const FirstRunPage = lazyPage(() => import('../features/setup/FirstRunPage'), 'FirstRunPage');

export function SessionGate() {
  const status = useApiQuery('clinic.status', {});
  const signInReason = useSignInReason();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const client = useApiClient();
  const isSignedIn = Boolean(status.data?.clinic && status.data.actingStaff) && signInReason === null;

  // The first screen's code downloads while clinic.status is answered, and its first read starts as soon as the
  // user is known to be signed in: in parallel, rather than status, then code, then data one after the other.
  // The frame waits for the first page's code (a frame around a page still loading would show a second loader).
  const [isFirstPageIn, setIsFirstPageIn] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    void areaOf(pathname).Page.preload().then(() => {
      if (isCurrent) setIsFirstPageIn(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [pathname]);
  useEffect(() => {
    if (!isSignedIn) return;
    areaOf(pathname).prefetch?.((method, input) => void queryClient.prefetchQuery({ queryKey: apiQueryKey(method, input), queryFn: () => client.call(method, input) }));
  }, [isSignedIn, pathname, queryClient, client]);

  if (status.isPending || (isSignedIn && !isFirstPageIn)) return <PageLoader label="Opening the clinic" />;
  if (status.isError) {
    return (
      <Center p="xl">
        <Stack maw={560}>
          <ErrorAlert title="Clinic Ops could not open the clinic" error={status.error} />
          <Button onClick={() => void status.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }

  const { clinic, actingStaff, today, idleLockMinutes, appVersion } = status.data;
  if (!clinic) {
    return (
      <Suspense fallback={<PageLoader />}>
        <FirstRunPage />
      </Suspense>
    );
  }
  if (!actingStaff || signInReason !== null) return <SignInPage clinic={clinic} reason={signInReason ?? 'not_signed_in'} />;
  return (
    <ClinicSessionProvider session={{ clinic, acting: actingStaff, today, idleLockMinutes, appVersion }}>
      <AppFrame />
    </ClinicSessionProvider>
  );
}
