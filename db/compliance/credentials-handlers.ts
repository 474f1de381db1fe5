// Handlers for therapist credentials and the per-state rule profiles, each change with its audit event.
import { notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { readSettings } from '../clinic/clinic-store';
import { complianceToday, requireActiveStaff } from './compliance-common';
import type { credentialMethods, CredentialView } from './credentials-contract';
import { therapistDnStatuses, toCredentialView } from './credentials-rules';
import { findCredentialRow, findStateProfile, insertCredential, listCredentialRows, listStateProfiles, saveStateProfileRow, voidCredentialRow } from './credentials-store';

function requireCredential(ctx: HandlerContext, id: number): CredentialView {
  const row = findCredentialRow(ctx.db, id);
  if (!row) throw notFound(`There is no credential #${id}.`, 'id');
  return toCredentialView(row, complianceToday(ctx));
}

export const credentialHandlers: HandlersFor<typeof credentialMethods> = {
  'compliance.recordCredential': (ctx, input) => {
    const actor = requireActor(ctx);
    const staff = requireActiveStaff(ctx, input.staffId, 'staffId');
    if (staff.role === 'auditor' || staff.role === 'front_desk') {
      throw ruleViolation(`${staff.name} is ${staff.role.replace('_', ' ')} staff; dry-needling credentials belong to therapists.`, 'staffId');
    }
    // Checked here as well as in the schema, so the rule holds for any caller.
    if (input.expiresOn !== null && input.expiresOn < input.completedOn) {
      throw ruleViolation(`expiresOn: ${input.expiresOn} is before the course was completed on ${input.completedOn}.`, 'expiresOn');
    }
    const id = insertCredential(ctx.db, { ...input, now: ctx.nowIso, by: actor.staffId });
    const view = requireCredential(ctx, id);
    ctx.audit({ action: 'create', entityType: 'dn_credential', entityId: id, after: view });
    return view;
  },

  'compliance.voidCredential': (ctx, input) => {
    const actor = requireActor(ctx);
    const before = requireCredential(ctx, input.id);
    if (before.credentialState === 'voided') throw ruleViolation(`Credential #${input.id} is already voided.`, 'id');
    voidCredentialRow(ctx.db, { id: input.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    const after = requireCredential(ctx, input.id);
    ctx.audit({ action: 'void', entityType: 'dn_credential', entityId: input.id, before: { state: before.credentialState }, after: { state: after.credentialState }, reason: input.reason });
    return after;
  },

  'compliance.listCredentials': (ctx, input) => {
    const today = complianceToday(ctx);
    const selectedState = readSettings(ctx.db).stateProfile;
    return {
      selectedState,
      stateProfile: findStateProfile(ctx.db, selectedState),
      credentials: listCredentialRows(ctx.db, input).map((r) => toCredentialView(r, today)),
      therapists: therapistDnStatuses(ctx.db, today).filter((t) => input.staffId === undefined || t.staffId === input.staffId),
    };
  },

  'compliance.listStateProfiles': (ctx) => listStateProfiles(ctx.db),

  'compliance.saveStateProfile': (ctx, { reason, ...values }) => {
    const actor = requireActor(ctx);
    const before = findStateProfile(ctx.db, values.state);
    saveStateProfileRow(ctx.db, values, ctx.nowIso, actor.staffId);
    const after = findStateProfile(ctx.db, values.state);
    if (!after) throw new Error('state profile vanished');
    ctx.audit({ action: before ? 'update' : 'create', entityType: 'dn_state_profile', entityId: values.state, before, after, reason: reason || null });
    return after;
  },
};
