// Addresses of the compliance pages (hash routes), and where each calendar item's link goes to fix it.
import type { MethodName } from '../../../db/api/contract';
import type { StaffRole } from '../../../db/api/roles';
import type { CalendarItem, ComplianceLinkArea } from '../../../db/compliance/calendar-contract';
import { canCall } from './compliance-forms';
import { inventoryPaths } from '../inventory/inventory-paths';

const withQuery = (path: string, key: string, id: number | undefined) => (id === undefined ? path : `${path}?${key}=${id}`);

export const compliancePaths = {
  calendar: '/compliance',
  containers: '/compliance/sharps',
  container: (id: number) => `/compliance/sharps/${id}`,
  pickups: (id?: number) => withQuery('/compliance/pickups', 'id', id),
  injuries: '/compliance/injuries',
  mdr: (id?: number) => withQuery('/compliance/mdr', 'id', id),
  training: (staffId?: number) => withQuery('/compliance/training', 'staff', staffId),
  vaccination: (staffId?: number) => withQuery('/compliance/vaccination', 'staff', staffId),
  planReviews: '/compliance/plan-reviews',
  credentials: (staffId?: number) => withQuery('/compliance/credentials', 'staff', staffId),
  tasks: (id?: number) => withQuery('/compliance/tasks', 'id', id),
  inspector: '/compliance/inspector',
} as const;

/** The screen that fixes a calendar item; `id` opens (or highlights) that record there. */
export function calendarLinkPath(link: CalendarItem['link']): string {
  const { id } = link;
  switch (link.area) {
    case 'sharps':
      return id === undefined ? compliancePaths.containers : compliancePaths.container(id);
    case 'pickups':
      return compliancePaths.pickups(id);
    case 'injuries':
      return compliancePaths.injuries;
    case 'mdr':
      return compliancePaths.mdr(id);
    case 'training':
      return compliancePaths.training(id);
    case 'vaccination':
      return compliancePaths.vaccination(id);
    case 'plan-reviews':
      return compliancePaths.planReviews;
    case 'credentials':
      return compliancePaths.credentials(id);
    case 'tasks':
      return compliancePaths.tasks(id);
    case 'inventory':
      return id === undefined ? inventoryPaths.lots() : inventoryPaths.lot(id);
  }
}

const linkLabels: Record<ComplianceLinkArea, [one: string, list: string]> = {
  sharps: ['Open container', 'Open sharps containers'],
  pickups: ['Open pickup', 'Open waste pickups'],
  injuries: ['Open injury log', 'Open injury log'],
  mdr: ['Open MDR evaluation', 'Open MDR evaluations'],
  training: ['Open training', 'Open training'],
  vaccination: ['Open vaccination offers', 'Open vaccination offers'],
  'plan-reviews': ['Open plan reviews', 'Open plan reviews'],
  credentials: ['Open credentials', 'Open credentials'],
  tasks: ['Open task', 'Open recurring tasks'],
  inventory: ['Open lot', 'Open lots'],
};

/** The visible text of an item's link: what opens, not where it lives. */
export function calendarLinkLabel(link: CalendarItem['link']): string {
  const [one, list] = linkLabels[link.area];
  return link.id === undefined ? list : one;
}

/** A positive whole id from a query parameter (?id=12), or undefined. */
export function idFromParam(value: string | null): number | undefined {
  return value !== null && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
}

/** The read behind each screen a link opens: a role that may not call it would only meet a refusal there. */
const areaReads: Record<ComplianceLinkArea, MethodName> = {
  sharps: 'compliance.listContainers',
  pickups: 'compliance.listPickups',
  injuries: 'compliance.listInjuries',
  mdr: 'compliance.listMdr',
  training: 'compliance.trainingStatus',
  vaccination: 'compliance.listHbvOffers',
  'plan-reviews': 'compliance.listPlanReviews',
  credentials: 'compliance.listCredentials',
  tasks: 'compliance.listTasks',
  inventory: 'inventory.lotDetail',
};

export function canOpenLink(link: CalendarItem['link'], role: StaffRole): boolean {
  return canCall(areaReads[link.area], role);
}
