// Read models for sharps containers and pickups: views with fill estimate and flags, rooms without a container.
import type { Database } from 'better-sqlite3';
import { readSettings } from '../clinic/clinic-store';
import { addDays, daysBetween } from './compliance-dates';
import { containerLogRetainUntil, pickupRetainUntil } from './retention';
import type { ContainerView, FillCheckView, PickupView, RoomWithoutContainer, SharpsOverview } from './sharps-contract';
import { containerFlags, estimateFill, fillRateDays } from './sharps-rules';
import {
  findContainerRow,
  lastCheckRow,
  listCheckRows,
  listContainerRows,
  listNeedlingRooms,
  listPickupContainers,
  listPickupRows,
  type CheckRow,
  type ContainerRow,
  type PickupRow,
} from './sharps-store';

export function recentWindow(today: string) {
  return { today, recentFrom: addDays(today, -fillRateDays) };
}

export function toCheckView(r: CheckRow): FillCheckView {
  return {
    id: r.id,
    containerId: r.container_id,
    checkedOn: r.checked_on,
    level: r.level,
    isUprightAndClosed: r.is_upright_and_closed === 1,
    note: r.note,
    checkedByName: r.checked_by_name,
    recordedAt: r.recorded_at,
    isVoided: r.voided_at !== null,
    voidReason: r.void_reason,
  };
}

function toContainerView(db: Database, r: ContainerRow, today: string): ContainerView {
  const settings = readSettings(db);
  const lastRow = lastCheckRow(db, r.id);
  const lastCheck = lastRow ? toCheckView(lastRow) : null;
  const estimate = estimateFill(
    { capacityNeedles: r.capacity_needles, needlesIn: r.needles_in, needlesRecent: r.needles_recent, placedInServiceOn: r.placed_in_service_on, status: r.status },
    today,
  );
  const endOfService = r.sealed_on ?? today;
  return {
    id: r.id,
    label: r.label,
    size: r.size,
    make: r.make,
    room: r.room,
    capacityNeedles: r.capacity_needles,
    placedInServiceOn: r.placed_in_service_on,
    note: r.note,
    status: r.status,
    isOpen: r.status === 'in_service' || r.status === 'sealed',
    sealedOn: r.sealed_on,
    sealedLevel: r.sealed_level,
    sealedByName: r.sealed_by_name,
    pickupId: r.pickup_id,
    pickedUpOn: r.picked_up_on,
    manifestNumber: r.manifest_number,
    ...estimate,
    lastCheck,
    daysInService: Math.max(0, daysBetween(r.placed_in_service_on, endOfService)),
    replaceBy: addDays(r.placed_in_service_on, settings.containerReplacementDays),
    pickupBy: r.sealed_on === null ? null : addDays(r.sealed_on, settings.sealedPickupDays),
    flags: containerFlags(
      {
        label: r.label,
        status: r.status,
        placedInServiceOn: r.placed_in_service_on,
        sealedOn: r.sealed_on,
        needlesIn: r.needles_in,
        capacityNeedles: r.capacity_needles,
        lastCheck,
      },
      today,
      settings,
    ),
    retainUntil: containerLogRetainUntil(r.sealed_on),
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    voidReason: r.void_reason,
  };
}

export function containerView(db: Database, id: number, today: string): ContainerView | null {
  const row = findContainerRow(db, id, recentWindow(today));
  return row ? toContainerView(db, row, today) : null;
}

export function listContainerViews(db: Database, today: string, includeClosed: boolean): ContainerView[] {
  return listContainerRows(db, includeClosed, recentWindow(today)).map((r) => toContainerView(db, r, today));
}

/** Rooms with needling in the last 30 days and no container in service there, (d)(4)(iii)(A)(2)(i). */
export function roomsWithoutContainer(db: Database, today: string, containers: ContainerView[]): RoomWithoutContainer[] {
  const served = new Set(containers.filter((c) => c.status === 'in_service').map((c) => c.room.trim().toLowerCase()));
  return listNeedlingRooms(db, addDays(today, -30), today)
    .filter((r) => !served.has(r.room.toLowerCase()))
    .map((r) => ({ room: r.room, sessions: r.sessions, lastSessionOn: r.last_session_on }));
}

export function sharpsOverview(db: Database, today: string, includeClosed: boolean): SharpsOverview {
  const containers = listContainerViews(db, today, includeClosed);
  return { today, containers, roomsWithoutContainer: roomsWithoutContainer(db, today, containers) };
}

export function toPickupView(db: Database, r: PickupRow): PickupView {
  return {
    id: r.id,
    pickedUpOn: r.picked_up_on,
    hauler: r.hauler,
    manifestNumber: r.manifest_number,
    weight: r.weight,
    weightUnit: r.weight_unit,
    note: r.note,
    containers: listPickupContainers(db, r.id),
    certificateReference: r.certificate_reference,
    certificateReceivedOn: r.certificate_received_on,
    status: r.voided_at === null ? 'recorded' : 'voided',
    voidReason: r.void_reason,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    retainUntil: pickupRetainUntil(r.picked_up_on),
  };
}

export function listPickupViews(db: Database, includeVoided: boolean): PickupView[] {
  return listPickupRows(db, includeVoided).map((r) => toPickupView(db, r));
}

export function listCheckViews(db: Database, containerId: number): FillCheckView[] {
  return listCheckRows(db, containerId).map(toCheckView);
}
