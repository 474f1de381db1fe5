// Every area of the app with its address and navigation label; routes and the navigation bar both read this list.
import type { MethodInput, MethodName } from '../../db/api/contract';
import { lazyPage, type LazyPage } from './lazy-page';

export interface Area {
  path: string;
  label: string;
  Page: LazyPage;
  /** The reads the page makes first, started as soon as the user is known to be signed in (before its code arrives). */
  prefetch?: (read: <M extends MethodName>(method: M, input: MethodInput<M>) => void) => void;
}

export const areas: readonly Area[] = [
  {
    path: '/',
    label: 'Dashboard',
    Page: lazyPage(() => import('../features/dashboard/DashboardPage'), 'DashboardPage'),
    prefetch: (read) => read('dashboard.summary', {}),
  },
  { path: '/inventory', label: 'Inventory', Page: lazyPage(() => import('../features/inventory/InventoryPage'), 'InventoryPage') },
  { path: '/sessions', label: 'Sessions', Page: lazyPage(() => import('../features/sessions/SessionsPage'), 'SessionsPage') },
  { path: '/revenue', label: 'Revenue', Page: lazyPage(() => import('../features/revenue/RevenuePage'), 'RevenuePage') },
  { path: '/compliance', label: 'Compliance', Page: lazyPage(() => import('../features/compliance/CompliancePage'), 'CompliancePage') },
  { path: '/exports', label: 'Exports', Page: lazyPage(() => import('../features/exports/ExportsPage'), 'ExportsPage') },
  { path: '/staff', label: 'Staff', Page: lazyPage(() => import('../features/staff/StaffPage'), 'StaffPage') },
  { path: '/audit', label: 'Audit log', Page: lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage') },
  { path: '/settings', label: 'Settings', Page: lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
];

/** The area an address belongs to (the Dashboard for "/" and anything unknown, as the routes do). */
export function areaOf(pathname: string): Area {
  const dashboard = areas[0] as Area;
  return areas.find((a) => a.path !== '/' && (pathname === a.path || pathname.startsWith(`${a.path}/`))) ?? dashboard;
}
