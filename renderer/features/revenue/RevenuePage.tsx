// Revenue area (self-pay charges and payments); its features land in a later issue.
import { Text } from '@mantine/core';
import { PlannedAreaNotice } from '../../components/PlannedAreaNotice';

export function RevenuePage() {
  return (
    <PlannedAreaNotice title="Revenue">
      <Text>Self-pay revenue: charges and payments per session, refunds as their own entries, and daily and monthly totals.</Text>
    </PlannedAreaNotice>
  );
}
