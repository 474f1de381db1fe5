// Small helpers every compliance handler shares: today's business date, no future dates, staff look-ups.
import { notFound, ruleViolation } from '../api/errors';
import type { HandlerContext } from '../api/handler-context';
import { clinicToday } from '../clinic/clinic-store';
import { findStaffMember, type StaffRecord } from '../staff/staff-store';

export function complianceToday(ctx: HandlerContext): string {
  return clinicToday(ctx.db, ctx.now);
}

/** Records describe what happened: a date may not lie after today. */
export function assertNotFuture(ctx: HandlerContext, date: string, field: string): void {
  const today = complianceToday(ctx);
  if (date > today) throw ruleViolation(`${field}: ${date} is after today (${today}); record things once they have happened.`, field);
}

export function requireStaff(ctx: HandlerContext, id: number, field: string): StaffRecord {
  const staff = findStaffMember(ctx.db, id);
  if (!staff) throw notFound(`There is no staff member #${id}.`, field);
  return staff;
}

export function requireActiveStaff(ctx: HandlerContext, id: number, field: string): StaffRecord {
  const staff = requireStaff(ctx, id, field);
  if (!staff.isActive) throw ruleViolation(`${staff.name} is inactive.`, field);
  return staff;
}

export const sqlBool = (value: boolean): 0 | 1 => (value ? 1 : 0);
