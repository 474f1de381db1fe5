// Handlers for the clinic profile, first-run setup and settings.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../api/errors';
import type { HandlerContext, HandlersFor } from '../api/handler-context';
import { createStaffMember } from '../staff/staff-records';
import { findStaffMember } from '../staff/staff-store';
import { businessDateOf } from './business-time';
import type { ClinicStatus, clinicMethods } from './clinic-contract';
import { clinicTimeZone, insertClinicProfile, readClinicProfile, readSettings, updateClinicProfile, writeSetting } from './clinic-store';
import type { ClinicSettings } from './settings-schema';

export function readClinicStatus(ctx: HandlerContext): ClinicStatus {
  const clinic = readClinicProfile(ctx.db);
  const settings = readSettings(ctx.db);
  const actingId = ctx.env.session.staffId;
  const acting = actingId === null ? undefined : findStaffMember(ctx.db, actingId);
  return {
    isSetUp: clinic !== null,
    clinic,
    actingStaff: acting && acting.isActive ? { staffId: acting.id, name: acting.name, role: acting.role } : null,
    idleLockMinutes: settings.idleLockMinutes,
    appVersion: ctx.env.appVersion,
    today: businessDateOf(ctx.now, clinicTimeZone(ctx.db)),
    integrity: ctx.env.integrity ?? { state: 'ok', message: null },
  };
}

export const clinicHandlers: HandlersFor<typeof clinicMethods> = {
  'clinic.status': (ctx) => readClinicStatus(ctx),

  'clinic.setup': (ctx, input) => {
    if (readClinicProfile(ctx.db)) throw new ApiError('conflict', 'This clinic is already set up.');
    const profile = { clinicId: randomUUID(), name: input.name, address: input.address, timeZone: input.timeZone };
    insertClinicProfile(ctx.db, profile, ctx.nowIso);
    ctx.audit({ action: 'setup', entityType: 'clinic', entityId: profile.clinicId, after: profile });
    const manager = createStaffMember(ctx, {
      name: input.firstManager.name,
      role: 'manager',
      jobTitle: input.firstManager.jobTitle,
      pin: input.firstManager.pin,
    });
    ctx.env.session.signIn(manager.id, ctx.now.getTime());
    return readClinicStatus(ctx);
  },

  'clinic.updateProfile': (ctx, input) => {
    const before = readClinicProfile(ctx.db);
    if (!before) throw new ApiError('conflict', 'The clinic is not set up yet.');
    updateClinicProfile(ctx.db, input);
    const after = { ...before, ...input };
    ctx.audit({ action: 'update', entityType: 'clinic', entityId: before.clinicId, before, after });
    return after;
  },

  'settings.get': (ctx) => readSettings(ctx.db),

  'settings.update': (ctx, patch) => {
    const before = readSettings(ctx.db);
    for (const [key, value] of Object.entries(patch) as Array<[keyof ClinicSettings, unknown]>) {
      if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
      writeSetting(ctx.db, key, value, ctx.nowIso);
      ctx.audit({ action: 'settings_change', entityType: 'setting', entityId: key, before: before[key], after: value });
    }
    return readSettings(ctx.db);
  },
};
