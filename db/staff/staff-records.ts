// Staff changes with their audit events: create, edit, PIN, deactivate. Never a delete.
import { ApiError, notFound } from '../api/errors';
import type { HandlerContext } from '../api/handler-context';
import type { StaffRole } from '../api/roles';
import { hashPin } from './pin-hash';
import type { StaffMember } from './staff-contract';
import { findStaffMember, insertStaff, setStaffActive, setStaffPinHash, toStaffMember, updateStaff, type StaffRecord } from './staff-store';

export function requireStaffMember(ctx: HandlerContext, id: number, field = 'id'): StaffRecord {
  const record = findStaffMember(ctx.db, id);
  if (!record) throw notFound(`There is no staff member #${id}.`, field);
  return record;
}

export function createStaffMember(
  ctx: HandlerContext,
  input: { name: string; role: StaffRole; jobTitle: string; pin?: string | undefined },
): StaffMember {
  const id = insertStaff(ctx.db, {
    name: input.name,
    role: input.role,
    jobTitle: input.jobTitle,
    pinHash: input.pin ? hashPin(input.pin) : null,
    now: ctx.nowIso,
  });
  const member = toStaffMember(requireStaffMember(ctx, id));
  ctx.audit({ action: 'create', entityType: 'staff', entityId: id, after: member });
  return member;
}

export function editStaffMember(
  ctx: HandlerContext,
  input: { id: number; name: string; role: StaffRole; jobTitle: string; reason?: string | undefined },
): StaffMember {
  const before = toStaffMember(requireStaffMember(ctx, input.id));
  if (before.role === 'manager' && input.role !== 'manager') assertAnotherActiveManager(ctx, input.id, 'role');
  updateStaff(ctx.db, { ...input, now: ctx.nowIso });
  const after = toStaffMember(requireStaffMember(ctx, input.id));
  ctx.audit({ action: 'update', entityType: 'staff', entityId: input.id, before, after, reason: input.reason || null });
  return after;
}

export function setStaffPin(ctx: HandlerContext, id: number, pin: string | null): StaffMember {
  const before = toStaffMember(requireStaffMember(ctx, id));
  setStaffPinHash(ctx.db, { id, pinHash: pin === null ? null : hashPin(pin), now: ctx.nowIso });
  const after = toStaffMember(requireStaffMember(ctx, id));
  // The log records that a PIN changed, never the PIN or its hash.
  ctx.audit({ action: pin === null ? 'clear_pin' : 'set_pin', entityType: 'staff', entityId: id, before: { hasPin: before.hasPin }, after: { hasPin: after.hasPin } });
  return after;
}

export function setStaffMemberActive(ctx: HandlerContext, id: number, isActive: boolean, reason: string): StaffMember {
  const before = toStaffMember(requireStaffMember(ctx, id));
  if (before.isActive === isActive) {
    throw new ApiError('conflict', `${before.name} is already ${isActive ? 'active' : 'inactive'}.`, 'id');
  }
  if (!isActive && before.role === 'manager') assertAnotherActiveManager(ctx, id, 'id');
  setStaffActive(ctx.db, { id, isActive: isActive ? 1 : 0, now: ctx.nowIso });
  const after = toStaffMember(requireStaffMember(ctx, id));
  ctx.audit({ action: isActive ? 'reactivate' : 'deactivate', entityType: 'staff', entityId: id, before, after, reason });
  return after;
}

/** The clinic must always keep an active manager, or nobody could administer it. */
function assertAnotherActiveManager(ctx: HandlerContext, exceptId: number, field: string): void {
  const others = ctx.db
    .prepare("SELECT count(*) AS n FROM staff WHERE role = 'manager' AND is_active = 1 AND id <> ?")
    .get(exceptId) as { n: number };
  if (others.n === 0) {
    throw new ApiError('rule_violation', 'The clinic must keep at least one active manager; add or promote another first.', field);
  }
}
