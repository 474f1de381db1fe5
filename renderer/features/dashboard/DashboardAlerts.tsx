// The Dashboard's alerts: one section made of sub-lists, one per area that raises alerts. Inventory alerts are
// here now; compliance (credentials, sharps containers, training) and backup alerts are added to `alertLists`
// by their areas, each as a component that loads and renders its own list under a level-3 heading.
import { Card, Stack, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { InventoryAlerts } from '../inventory/InventoryAlerts';

interface AlertList {
  key: string;
  Component: ComponentType;
}

function InventoryAlertList() {
  return <InventoryAlerts headingOrder={3} limit={5} />;
}

const alertLists: readonly AlertList[] = [
  { key: 'inventory', Component: InventoryAlertList },
  // { key: 'compliance', Component: ComplianceAlerts }, when the compliance area lands
  // { key: 'backups', Component: BackupAlerts }, when the backup area lands
];

export function DashboardAlerts() {
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-alerts">
      <Title order={2} size="h4" id="dashboard-alerts" mb="sm">
        Alerts
      </Title>
      <Stack gap="lg">
        {alertLists.map(({ key, Component }) => (
          <Component key={key} />
        ))}
      </Stack>
    </Card>
  );
}
