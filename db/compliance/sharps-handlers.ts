// Handlers for sharps containers: placement, fill checks, sealing, pickups and certificates, each with its audit event.
import { ApiError, notFound, ruleViolation } from '../api/errors';
import { requireActor, type HandlerContext, type HandlersFor } from '../api/handler-context';
import { assertNotFuture, complianceToday, sqlBool } from './compliance-common';
import type { ContainerView, PickupView, sharpsMethods } from './sharps-contract';
import { containerView, listCheckViews, listPickupViews, sharpsOverview, toPickupView } from './sharps-queries';
import {
  countSessionsUsing,
  findCheckRow,
  findPickupRow,
  insertCheck,
  insertContainer,
  insertPickup,
  isLabelTaken,
  isManifestTaken,
  sealContainerRow,
  setPickupCertificate,
  voidCheckRow,
  voidContainerRow,
  voidPickupRow,
} from './sharps-store';

function requireContainer(ctx: HandlerContext, id: number, field: string): ContainerView {
  const view = containerView(ctx.db, id, complianceToday(ctx));
  if (!view) throw notFound(`There is no sharps container #${id}.`, field);
  return view;
}

/** Checks and seals apply only to a container still in use. */
function requireInService(ctx: HandlerContext, id: number, field: string): ContainerView {
  const c = requireContainer(ctx, id, field);
  if (c.status === 'sealed') throw ruleViolation(`Sharps container ${c.label} was sealed on ${c.sealedOn}; it is no longer in service.`, field);
  if (c.status === 'picked_up') throw ruleViolation(`Sharps container ${c.label} was picked up on ${c.pickedUpOn}.`, field);
  if (c.status === 'voided') throw ruleViolation(`Sharps container ${c.label} was voided.`, field);
  return c;
}

function requirePickup(ctx: HandlerContext, id: number, field: string): PickupView {
  const row = findPickupRow(ctx.db, id);
  if (!row) throw notFound(`There is no waste pickup #${id}.`, field);
  const view = toPickupView(ctx.db, row);
  if (view.status === 'voided') throw ruleViolation(`Pickup ${view.manifestNumber} was voided.`, field);
  return view;
}

const auditedContainer = (c: ContainerView) => ({
  label: c.label,
  size: c.size,
  make: c.make,
  room: c.room,
  capacityNeedles: c.capacityNeedles,
  placedInServiceOn: c.placedInServiceOn,
  status: c.status,
  sealedOn: c.sealedOn,
  sealedLevel: c.sealedLevel,
});

export const sharpsHandlers: HandlersFor<typeof sharpsMethods> = {
  'compliance.listContainers': (ctx, input) => sharpsOverview(ctx.db, complianceToday(ctx), input.includeClosed),

  'compliance.containerDetail': (ctx, input) => {
    const container = requireContainer(ctx, input.id, 'id');
    return { container, checks: listCheckViews(ctx.db, input.id), sessions: countSessionsUsing(ctx.db, input.id) };
  },

  'compliance.registerContainer': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.placedInServiceOn, 'placedInServiceOn');
    if (isLabelTaken(ctx.db, input.label)) throw new ApiError('conflict', `A sharps container labelled ${input.label} is already registered.`, 'label');
    const id = insertContainer(ctx.db, { ...input, now: ctx.nowIso, by: actor.staffId });
    const view = requireContainer(ctx, id, 'id');
    ctx.audit({ action: 'create', entityType: 'sharps_container', entityId: id, after: auditedContainer(view) });
    return view;
  },

  'compliance.recordFillCheck': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.checkedOn, 'checkedOn');
    const c = requireInService(ctx, input.containerId, 'containerId');
    if (input.checkedOn < c.placedInServiceOn) {
      throw ruleViolation(`checkedOn: ${input.checkedOn} is before ${c.label} was placed in service on ${c.placedInServiceOn}.`, 'checkedOn');
    }
    const id = insertCheck(ctx.db, {
      containerId: c.id,
      checkedOn: input.checkedOn,
      level: input.level,
      isUprightAndClosed: sqlBool(input.isUprightAndClosed),
      note: input.note,
      by: actor.staffId,
      now: ctx.nowIso,
    });
    ctx.audit({
      action: 'create',
      entityType: 'sharps_container_check',
      entityId: id,
      after: { containerId: c.id, label: c.label, checkedOn: input.checkedOn, level: input.level, isUprightAndClosed: input.isUprightAndClosed, note: input.note },
    });
    return requireContainer(ctx, c.id, 'containerId');
  },

  'compliance.voidFillCheck': (ctx, input) => {
    const actor = requireActor(ctx);
    const check = findCheckRow(ctx.db, input.id);
    if (!check) throw notFound(`There is no fill check #${input.id}.`, 'id');
    if (check.voided_at !== null) throw ruleViolation(`Fill check #${input.id} is already voided.`, 'id');
    voidCheckRow(ctx.db, { id: input.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    ctx.audit({ action: 'void', entityType: 'sharps_container_check', entityId: input.id, before: { voided: false }, after: { voided: true }, reason: input.reason });
    return requireContainer(ctx, check.container_id, 'id');
  },

  'compliance.sealContainer': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.sealedOn, 'sealedOn');
    const c = requireInService(ctx, input.containerId, 'containerId');
    if (input.sealedOn < c.placedInServiceOn) {
      throw ruleViolation(`sealedOn: ${input.sealedOn} is before ${c.label} was placed in service on ${c.placedInServiceOn}.`, 'sealedOn');
    }
    if (c.lastCheck && input.sealedOn < c.lastCheck.checkedOn) {
      throw ruleViolation(`sealedOn: ${input.sealedOn} is before ${c.label} was checked in service on ${c.lastCheck.checkedOn}.`, 'sealedOn');
    }
    // (d)(4)(iii)(A)(3)(i): closed immediately before removal; from now on it takes no more needles.
    sealContainerRow(ctx.db, { id: c.id, sealedOn: input.sealedOn, level: input.level, by: actor.staffId });
    const after = requireContainer(ctx, c.id, 'containerId');
    ctx.audit({ action: 'seal', entityType: 'sharps_container', entityId: c.id, before: auditedContainer(c), after: auditedContainer(after), reason: input.note || null });
    return after;
  },

  'compliance.voidContainer': (ctx, input) => {
    const actor = requireActor(ctx);
    const c = requireInService(ctx, input.id, 'id');
    const sessions = countSessionsUsing(ctx.db, c.id);
    if (sessions > 0) {
      throw ruleViolation(`${sessions} session${sessions === 1 ? '' : 's'} put needles into ${c.label}; seal it instead of voiding it.`, 'id');
    }
    voidContainerRow(ctx.db, { id: c.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    const after = requireContainer(ctx, c.id, 'id');
    ctx.audit({ action: 'void', entityType: 'sharps_container', entityId: c.id, before: auditedContainer(c), after: auditedContainer(after), reason: input.reason });
    return after;
  },

  'compliance.recordPickup': (ctx, input) => {
    const actor = requireActor(ctx);
    assertNotFuture(ctx, input.pickedUpOn, 'pickedUpOn');
    if (isManifestTaken(ctx.db, input.manifestNumber)) {
      throw new ApiError('conflict', `A pickup with manifest ${input.manifestNumber} is already recorded.`, 'manifestNumber');
    }
    const seen = new Set<number>();
    input.containerIds.forEach((id, index) => {
      const field = `containerIds.${index}`;
      if (seen.has(id)) throw ruleViolation(`Sharps container #${id} is listed twice.`, field);
      seen.add(id);
      const c = requireContainer(ctx, id, field);
      // (d)(4)(iii)(A)(3)(i): a container is closed before it leaves the area of use.
      if (c.status === 'in_service') throw ruleViolation(`Sharps container ${c.label} is not sealed; seal it before it is picked up.`, field);
      if (c.status === 'picked_up') throw ruleViolation(`Sharps container ${c.label} was already picked up on ${c.pickedUpOn} (manifest ${c.manifestNumber}).`, field);
      if (c.status === 'voided') throw ruleViolation(`Sharps container ${c.label} was voided.`, field);
      if (c.sealedOn !== null && input.pickedUpOn < c.sealedOn) {
        throw ruleViolation(`pickedUpOn: ${input.pickedUpOn} is before ${c.label} was sealed on ${c.sealedOn}.`, 'pickedUpOn');
      }
    });
    const id = insertPickup(
      ctx.db,
      {
        pickedUpOn: input.pickedUpOn,
        hauler: input.hauler,
        manifestNumber: input.manifestNumber,
        weight: input.weight,
        weightUnit: input.weight === null ? null : input.weightUnit,
        note: input.note,
        now: ctx.nowIso,
        by: actor.staffId,
      },
      input.containerIds,
    );
    const view = requirePickup(ctx, id, 'id');
    ctx.audit({ action: 'create', entityType: 'sharps_pickup', entityId: id, after: view });
    return view;
  },

  'compliance.recordCertificate': (ctx, input) => {
    assertNotFuture(ctx, input.receivedOn, 'receivedOn');
    const before = requirePickup(ctx, input.pickupId, 'pickupId');
    if (before.certificateReference !== null) {
      throw new ApiError('conflict', `Pickup ${before.manifestNumber} already has certificate ${before.certificateReference}.`, 'pickupId');
    }
    if (input.receivedOn < before.pickedUpOn) {
      throw ruleViolation(`receivedOn: ${input.receivedOn} is before the pickup on ${before.pickedUpOn}.`, 'receivedOn');
    }
    setPickupCertificate(ctx.db, { id: before.id, reference: input.certificateReference, receivedOn: input.receivedOn });
    const after = requirePickup(ctx, before.id, 'pickupId');
    ctx.audit({
      action: 'record_certificate',
      entityType: 'sharps_pickup',
      entityId: before.id,
      before: { certificateReference: null },
      after: { certificateReference: after.certificateReference, certificateReceivedOn: after.certificateReceivedOn },
    });
    return after;
  },

  'compliance.voidPickup': (ctx, input) => {
    const actor = requireActor(ctx);
    const before = requirePickup(ctx, input.id, 'id');
    voidPickupRow(ctx.db, { id: before.id, now: ctx.nowIso, by: actor.staffId, reason: input.reason });
    const row = findPickupRow(ctx.db, before.id);
    if (!row) throw new Error('pickup vanished');
    const after = toPickupView(ctx.db, row);
    ctx.audit({ action: 'void', entityType: 'sharps_pickup', entityId: before.id, before: { status: before.status }, after: { status: after.status }, reason: input.reason });
    return after;
  },

  'compliance.listPickups': (ctx, input) => listPickupViews(ctx.db, input.includeVoided),
};
