// Every area of the app with its address and navigation label; routes and the navigation bar both read this list.
import type { ComponentType, LazyExoticComponent } from 'react';
import { lazyPage } from './lazy-page';

export interface Area {
  path: string;
  label: string;
  Page: LazyExoticComponent<ComponentType>;
}

export const areas: readonly Area[] = [
  { path: '/', label: 'Dashboard', Page: lazyPage(() => import('../features/dashboard/DashboardPage'), 'DashboardPage') },
  { path: '/inventory', label: 'Inventory', Page: lazyPage(() => import('../features/inventory/InventoryPage'), 'InventoryPage') },
  { path: '/sessions', label: 'Sessions', Page: lazyPage(() => import('../features/sessions/SessionsPage'), 'SessionsPage') },
  { path: '/revenue', label: 'Revenue', Page: lazyPage(() => import('../features/revenue/RevenuePage'), 'RevenuePage') },
  { path: '/compliance', label: 'Compliance', Page: lazyPage(() => import('../features/compliance/CompliancePage'), 'CompliancePage') },
  { path: '/exports', label: 'Exports', Page: lazyPage(() => import('../features/exports/ExportsPage'), 'ExportsPage') },
  { path: '/staff', label: 'Staff', Page: lazyPage(() => import('../features/staff/StaffPage'), 'StaffPage') },
  { path: '/audit', label: 'Audit log', Page: lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage') },
  { path: '/settings', label: 'Settings', Page: lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
];
