// The Dashboard's alerts: one section made of sub-lists, one per area that raises alerts (stock, compliance,
// backups), each a component that loads and renders its own list under a level-3 heading.
import { Card, Stack, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { ComplianceAlerts } from '../compliance/ComplianceAlerts';
import { InventoryAlerts } from '../inventory/InventoryAlerts';
import { BackupAlerts } from './BackupAlerts';

interface AlertList {
  key: string;
  Component: ComponentType;
}

function ComplianceAlertList() {
  return <ComplianceAlerts headingOrder={3} limit={5} />;
}

function InventoryAlertList() {
  return <InventoryAlerts headingOrder={3} limit={5} />;
}

const alertLists: readonly AlertList[] = [
  { key: 'compliance', Component: ComplianceAlertList },
  { key: 'inventory', Component: InventoryAlertList },
  { key: 'backups', Component: BackupAlerts },
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
