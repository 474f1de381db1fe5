// The top of every inventory page: its title, a line on what it is for, page actions, and the inventory sub-navigation.
import { Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useClinicSession } from '../../app/ClinicSessionContext';
import { canCall } from './form-numbers';
import { inventoryPaths } from './inventory-paths';

interface InventoryPageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function InventoryPageHeader({ title, description, actions }: InventoryPageHeaderProps) {
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{title}</Title>
          {description && <Text c="dimmed">{description}</Text>}
        </div>
        {actions && (
          <Group gap="sm" data-no-print>
            {actions}
          </Group>
        )}
      </Group>
      <InventoryNav />
    </>
  );
}

function InventoryNav() {
  const { pathname } = useLocation();
  const { acting } = useClinicSession();
  const pages = [
    { to: inventoryPaths.overview, label: 'Overview', isActive: pathname === '/inventory' || pathname === '/inventory/' },
    { to: inventoryPaths.lots(), label: 'Lots', isActive: pathname.startsWith('/inventory/lots') },
    ...(canCall('inventory.receiveDelivery', acting.role) ? [{ to: inventoryPaths.receive, label: 'Receive stock', isActive: pathname.startsWith('/inventory/receive') }] : []),
    { to: inventoryPaths.count, label: 'Cycle count', isActive: pathname.startsWith('/inventory/count') },
    { to: inventoryPaths.catalogue, label: 'Catalogue', isActive: pathname.startsWith('/inventory/catalogue') },
  ];
  return (
    <Group component="nav" aria-label="Inventory pages" gap={4} data-no-print>
      {pages.map((page) => (
        <Button
          key={page.to}
          component={Link}
          to={page.to}
          size="compact-md"
          variant={page.isActive ? 'light' : 'subtle'}
          aria-current={page.isActive ? 'page' : undefined}
        >
          {page.label}
        </Button>
      ))}
    </Group>
  );
}
