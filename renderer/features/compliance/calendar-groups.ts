// The compliance calendar shaped for its page and the Dashboard: the headline state, and items grouped by severity.
import type { CalendarItem, ComplianceCalendar } from '../../../db/compliance/calendar-contract';
import { pluralize } from '../../lib/format';
import { describeDue } from './compliance-labels';

export interface CalendarGroup {
  severity: CalendarItem['severity'];
  title: string;
  items: CalendarItem[];
}

const groupTitles: Record<CalendarItem['severity'], string> = {
  overdue: 'Overdue',
  due_soon: 'Due within 30 days',
};

/** Overdue first, then due soon; each group keeps the calendar's order (by due date); empty groups are left out. */
export function groupCalendarItems(items: readonly CalendarItem[]): CalendarGroup[] {
  return (['overdue', 'due_soon'] as const)
    .map((severity) => ({ severity, title: groupTitles[severity], items: items.filter((i) => i.severity === severity) }))
    .filter((group) => group.items.length > 0);
}

export interface CalendarHeadline {
  isReady: boolean;
  title: string;
  text: string;
}

/** "Are we inspection-ready today?" answered in one line and one sentence. */
export function calendarHeadline(cal: Pick<ComplianceCalendar, 'isInspectionReady' | 'overdueCount' | 'dueSoonCount'>): CalendarHeadline {
  const soon = cal.dueSoonCount === 0 ? 'Nothing is due in the next 30 days.' : `${pluralize(cal.dueSoonCount, 'item')} due within 30 days.`;
  if (cal.isInspectionReady) {
    return { isReady: true, title: 'Inspection-ready', text: `Nothing is overdue. ${soon}` };
  }
  return {
    isReady: false,
    title: `Not inspection-ready: ${pluralize(cal.overdueCount, 'overdue item')}`,
    text: `Fix the overdue ${cal.overdueCount === 1 ? 'item' : 'items'} below. ${soon}`,
  };
}

/** When an item is due, in words; an overdue item whose date has not passed (a container to seal now) is "overdue: fix it now". */
export function describeItemDue(item: Pick<CalendarItem, 'severity' | 'dueOn'>, today: string): string {
  if (item.severity === 'overdue' && item.dueOn >= today) return 'overdue: fix it now';
  return describeDue(item.dueOn, today);
}
