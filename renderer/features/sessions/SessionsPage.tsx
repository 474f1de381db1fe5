// Sessions area (dry-needling treatment sessions); its features land in a later issue.
import { Text } from '@mantine/core';
import { PlannedAreaNotice } from '../../components/PlannedAreaNotice';

export function SessionsPage() {
  return (
    <PlannedAreaNotice title="Sessions">
      <Text>
        Dry-needling sessions: who treated whom, the needle lots used, consent and adverse events, with late entries
        labelled and corrections kept as amendments.
      </Text>
    </PlannedAreaNotice>
  );
}
