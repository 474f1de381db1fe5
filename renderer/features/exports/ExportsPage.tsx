// Exports area (auditor packages and spreadsheets); its features land in a later issue.
import { Text } from '@mantine/core';
import { PlannedAreaNotice } from '../../components/PlannedAreaNotice';

export function ExportsPage() {
  return (
    <PlannedAreaNotice title="Exports">
      <Text>
        Exports for auditors and accountants: CSV and PDF reports for a date range, bundled with the audit log and its
        chain check so they can be verified away from this PC.
      </Text>
    </PlannedAreaNotice>
  );
}
