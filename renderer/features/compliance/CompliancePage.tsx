// Compliance area (sharps containers, exposure log, expiry alerts); its features land in a later issue.
import { Text } from '@mantine/core';
import { PlannedAreaNotice } from '../../components/PlannedAreaNotice';

export function CompliancePage() {
  return (
    <PlannedAreaNotice title="Compliance">
      <Text>
        Sharps compliance: containers in service and awaiting pickup, the sharps-injury log, and alerts for lots near
        expiry, using the thresholds in Settings.
      </Text>
    </PlannedAreaNotice>
  );
}
