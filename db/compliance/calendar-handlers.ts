// Handlers for the compliance calendar and the inspector view.
import type { HandlersFor } from '../api/handler-context';
import type { calendarMethods } from './calendar-contract';
import { buildCalendar } from './calendar-queries';
import { complianceToday } from './compliance-common';
import { inspectorView } from './inspector-queries';

export const calendarHandlers: HandlersFor<typeof calendarMethods> = {
  'compliance.calendar': (ctx) => buildCalendar(ctx),
  'compliance.inspectorView': (ctx) => inspectorView(ctx.db, complianceToday(ctx)),
};
