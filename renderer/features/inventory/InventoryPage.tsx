// Inventory area (needle lots, PPE, stock levels); its features land in a later issue.
import { Text } from '@mantine/core';
import { PlannedAreaNotice } from '../../components/PlannedAreaNotice';

export function InventoryPage() {
  return (
    <PlannedAreaNotice title="Inventory">
      <Text>
        Needle lots and PPE: receive deliveries, see stock by lot with expiry dates (first-expiring first), record use and
        waste, and trace a recalled lot to every session that used it.
      </Text>
    </PlannedAreaNotice>
  );
}
