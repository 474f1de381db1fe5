// The body of an area page whose features have not landed yet: what it will hold, in a sentence or two.
import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PlannedAreaNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Alert color="gray" title="Coming soon" variant="light">
        {children}
      </Alert>
    </Stack>
  );
}
