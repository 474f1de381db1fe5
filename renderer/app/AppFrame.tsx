// The frame around every area once someone is signed in: header with the acting user, navigation, idle lock.
import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { roleLabel } from '../lib/format';
import { AppRoutes } from './AppRoutes';
import { areas } from './areas';
import { useClinicSession } from './ClinicSessionContext';
import { useIdleLock } from './useIdleLock';
import { useSessionControls } from './useSessionControls';

export function AppFrame() {
  const { clinic, acting, idleLockMinutes } = useClinicSession();
  const { lock, keepAlive } = useSessionControls();
  const [isNavOpen, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  useIdleLock(idleLockMinutes, { onIdle: () => void lock('idle'), onKeepAlive: keepAlive });

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Show or hide navigation" />
            <Text fw={700} size="lg" truncate>
              {clinic.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="acting-staff">
              Acting: <strong>{acting.name}</strong> ({roleLabel(acting.role)})
            </Text>
            <Button variant="default" size="sm" onClick={() => void lock('switch_user')}>
              Switch user
            </Button>
            <Button variant="filled" size="sm" onClick={() => void lock('lock_button')}>
              Lock
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Areas">
        {areas.map((area) => (
          <NavLink
            key={area.path}
            component={RouterNavLink}
            to={area.path}
            end={area.path === '/'}
            label={area.label}
            active={area.path === '/' ? pathname === '/' : pathname.startsWith(area.path)}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <AppRoutes />
      </AppShell.Main>
    </AppShell>
  );
}
