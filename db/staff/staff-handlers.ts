// Handlers for staff members and the acting user of the shared PC.
import { ApiError } from '../api/errors';
import { requireActor, type HandlersFor } from '../api/handler-context';
import { isPinCorrect } from './pin-hash';
import type { staffMethods } from './staff-contract';
import { createStaffMember, editStaffMember, requireStaffMember, setStaffMemberActive, setStaffPin } from './staff-records';
import { listStaff, toStaffMember } from './staff-store';

export const staffHandlers: HandlersFor<typeof staffMethods> = {
  'staff.list': (ctx, input) => listStaff(ctx.db, input.includeInactive).map(toStaffMember),
  'staff.create': (ctx, input) => createStaffMember(ctx, input),
  'staff.update': (ctx, input) => editStaffMember(ctx, input),
  'staff.setPin': (ctx, input) => {
    const actor = requireActor(ctx);
    if (actor.role !== 'manager' && actor.staffId !== input.id) {
      throw new ApiError('forbidden', 'Only a manager can set another staff member\'s PIN.', 'id');
    }
    return setStaffPin(ctx, input.id, input.pin);
  },
  'staff.deactivate': (ctx, input) => setStaffMemberActive(ctx, input.id, false, input.reason),
  'staff.reactivate': (ctx, input) => setStaffMemberActive(ctx, input.id, true, input.reason),

  'session.signInChoices': (ctx) =>
    listStaff(ctx.db, false).map((s) => ({ id: s.id, name: s.name, role: s.role, hasPin: s.hasPin })),

  'session.signIn': (ctx, input) => {
    const staff = requireStaffMember(ctx, input.staffId, 'staffId');
    if (!staff.isActive) throw new ApiError('forbidden', `${staff.name} is inactive and cannot sign in.`, 'staffId');
    if (staff.pinHash !== null && !(input.pin && isPinCorrect(input.pin, staff.pinHash))) {
      const error = new ApiError('forbidden', 'That PIN is not correct.', 'pin');
      // The failed attempt stays in the log although the call itself changes nothing.
      error.auditAfterRollback = { action: 'login_failed', entityType: 'staff', entityId: staff.id, after: { reason: 'wrong PIN' } };
      throw error;
    }
    ctx.env.session.signIn(staff.id, ctx.now.getTime());
    // The sign-in is attributed to the person signing in.
    ctx.actor = { staffId: staff.id, name: staff.name, role: staff.role };
    ctx.audit({ action: 'login', entityType: 'staff', entityId: staff.id });
    return { id: staff.id, name: staff.name, role: staff.role, hasPin: staff.hasPin };
  },

  'session.touch': () => null,

  'session.lock': (ctx) => {
    const actor = requireActor(ctx);
    ctx.env.session.lock();
    ctx.audit({ action: 'logout', entityType: 'staff', entityId: actor.staffId });
    return null;
  },
};
