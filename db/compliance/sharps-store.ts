// SQL for sharps containers, their fill checks, and waste pickups. Status derives from sealed_on and pickups.
import type { Database } from 'better-sqlite3';
import { statementsFor } from '../sql/statement-cache';
import type { ContainerStatus, FillLevel, WeightUnit } from './sharps-contract';

export interface ContainerRow {
  id: number;
  label: string;
  size: string;
  make: string;
  room: string;
  capacity_needles: number;
  placed_in_service_on: string;
  note: string;
  sealed_on: string | null;
  sealed_level: FillLevel | null;
  sealed_by_name: string | null;
  recorded_at: string;
  recorded_by_name: string;
  void_reason: string | null;
  status: ContainerStatus;
  pickup_id: number | null;
  picked_up_on: string | null;
  manifest_number: string | null;
  needles_in: number;
  needles_recent: number;
}

export interface CheckRow {
  id: number;
  container_id: number;
  checked_on: string;
  level: FillLevel;
  is_upright_and_closed: number;
  note: string;
  checked_by_name: string;
  recorded_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface PickupRow {
  id: number;
  picked_up_on: string;
  hauler: string;
  manifest_number: string;
  weight: number | null;
  weight_unit: WeightUnit | null;
  note: string;
  certificate_reference: string | null;
  certificate_received_on: string | null;
  recorded_at: string;
  recorded_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

/** The live (not voided) pickup a container left in, if any. */
const livePickupOf = `(SELECT pc.pickup_id FROM sharps_pickup_containers pc JOIN sharps_pickups pp ON pp.id = pc.pickup_id
   WHERE pc.container_id = c.id AND pp.voided_at IS NULL LIMIT 1)`;

export const containerStatusSql = `CASE WHEN c.voided_at IS NOT NULL THEN 'voided' WHEN ${livePickupOf} IS NOT NULL THEN 'picked_up'
  WHEN c.sealed_on IS NOT NULL THEN 'sealed' ELSE 'in_service' END`;

// Needles come from recorded sessions only: a voided session's needles never reached this container.
const containerSelect = `SELECT c.id, c.label, c.size, c.make, c.room, c.capacity_needles, c.placed_in_service_on, c.note,
    c.sealed_on, c.sealed_level, ss.name AS sealed_by_name, c.recorded_at, rs.name AS recorded_by_name, c.void_reason,
    ${containerStatusSql} AS status, p.id AS pickup_id, p.picked_up_on, p.manifest_number,
    (SELECT coalesce(sum(s.needles_disposed), 0) FROM sessions s WHERE s.sharps_container_id = c.id AND s.status = 'recorded') AS needles_in,
    (SELECT coalesce(sum(s.needles_disposed), 0) FROM sessions s WHERE s.sharps_container_id = c.id AND s.status = 'recorded'
       AND s.session_date > @recentFrom AND s.session_date <= @today) AS needles_recent
  FROM sharps_containers c
  JOIN staff rs ON rs.id = c.recorded_by
  LEFT JOIN staff ss ON ss.id = c.sealed_by
  LEFT JOIN sharps_pickups p ON p.id = ${livePickupOf}`;

const checkSelect = `SELECT k.id, k.container_id, k.checked_on, k.level, k.is_upright_and_closed, k.note, s.name AS checked_by_name,
    k.recorded_at, k.voided_at, k.void_reason
  FROM sharps_container_checks k JOIN staff s ON s.id = k.checked_by`;

const pickupSelect = `SELECT p.id, p.picked_up_on, p.hauler, p.manifest_number, p.weight, p.weight_unit, p.note, p.certificate_reference,
    p.certificate_received_on, p.recorded_at, s.name AS recorded_by_name, p.voided_at, p.void_reason
  FROM sharps_pickups p JOIN staff s ON s.id = p.recorded_by`;

interface Window {
  today: string;
  recentFrom: string;
}

const statements = statementsFor((db) => ({
  containerById: db.prepare<Window & { id: number }, ContainerRow>(`${containerSelect} WHERE c.id = @id`),
  containers: db.prepare<Window & { includeClosed: number }, ContainerRow>(
    `SELECT * FROM (${containerSelect}) WHERE @includeClosed = 1 OR status IN ('in_service', 'sealed')
     ORDER BY status = 'voided', status = 'picked_up', room COLLATE NOCASE, placed_in_service_on, id`,
  ),
  statusOf: db.prepare<[number], { id: number; label: string; status: ContainerStatus; sealed_on: string | null; picked_up_on: string | null }>(
    `SELECT c.id, c.label, ${containerStatusSql} AS status, c.sealed_on,
       (SELECT picked_up_on FROM sharps_pickups WHERE id = ${livePickupOf}) AS picked_up_on
     FROM sharps_containers c WHERE c.id = ?`,
  ),
  inServiceInRoom: db.prepare<{ room: string; onDate: string | null }, { id: number }>(
    `SELECT c.id FROM sharps_containers c
     WHERE c.room = @room COLLATE NOCASE AND c.voided_at IS NULL
       AND (CASE WHEN @onDate IS NULL THEN c.sealed_on IS NULL
            ELSE c.placed_in_service_on <= @onDate AND (c.sealed_on IS NULL OR c.sealed_on >= @onDate) END)
     ORDER BY c.placed_in_service_on DESC, c.id DESC LIMIT 1`,
  ),
  labelTaken: db.prepare<[string], { id: number }>('SELECT id FROM sharps_containers WHERE label = ? COLLATE NOCASE AND voided_at IS NULL'),
  insertContainer: db.prepare(
    `INSERT INTO sharps_containers (label, size, make, room, capacity_needles, placed_in_service_on, note, recorded_at, recorded_by)
     VALUES (@label, @size, @make, @room, @capacityNeedles, @placedInServiceOn, @note, @now, @by)`,
  ),
  sealContainer: db.prepare('UPDATE sharps_containers SET sealed_on = @sealedOn, sealed_level = @level, sealed_by = @by WHERE id = @id'),
  voidContainer: db.prepare('UPDATE sharps_containers SET voided_at = @now, voided_by = @by, void_reason = @reason WHERE id = @id'),
  sessionsUsing: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sessions WHERE sharps_container_id = ?'),
  checkById: db.prepare<[number], CheckRow>(`${checkSelect} WHERE k.id = ?`),
  checksOf: db.prepare<[number], CheckRow>(`${checkSelect} WHERE k.container_id = ? ORDER BY k.checked_on DESC, k.id DESC`),
  lastCheckOf: db.prepare<[number], CheckRow>(
    `${checkSelect} WHERE k.container_id = ? AND k.voided_at IS NULL ORDER BY k.checked_on DESC, k.id DESC LIMIT 1`,
  ),
  insertCheck: db.prepare(
    `INSERT INTO sharps_container_checks (container_id, checked_on, level, is_upright_and_closed, note, checked_by, recorded_at)
     VALUES (@containerId, @checkedOn, @level, @isUprightAndClosed, @note, @by, @now)`,
  ),
  voidCheck: db.prepare('UPDATE sharps_container_checks SET voided_at = @now, voided_by = @by, void_reason = @reason WHERE id = @id'),
  pickupById: db.prepare<[number], PickupRow>(`${pickupSelect} WHERE p.id = ?`),
  pickups: db.prepare<[number], PickupRow>(`${pickupSelect} WHERE ? = 1 OR p.voided_at IS NULL ORDER BY p.picked_up_on DESC, p.id DESC`),
  liveManifest: db.prepare<[string], { id: number }>('SELECT id FROM sharps_pickups WHERE manifest_number = ? AND voided_at IS NULL'),
  insertPickup: db.prepare(
    `INSERT INTO sharps_pickups (picked_up_on, hauler, manifest_number, weight, weight_unit, note, recorded_at, recorded_by)
     VALUES (@pickedUpOn, @hauler, @manifestNumber, @weight, @weightUnit, @note, @now, @by)`,
  ),
  insertPickupContainer: db.prepare('INSERT INTO sharps_pickup_containers (pickup_id, container_id) VALUES (?, ?)'),
  pickupContainers: db.prepare<[number], { id: number; label: string; room: string }>(
    `SELECT c.id, c.label, c.room FROM sharps_pickup_containers pc JOIN sharps_containers c ON c.id = pc.container_id
     WHERE pc.pickup_id = ? ORDER BY c.label`,
  ),
  setCertificate: db.prepare('UPDATE sharps_pickups SET certificate_reference = @reference, certificate_received_on = @receivedOn WHERE id = @id'),
  voidPickup: db.prepare('UPDATE sharps_pickups SET voided_at = @now, voided_by = @by, void_reason = @reason WHERE id = @id'),
  needlingRooms: db.prepare<{ from: string; today: string }, { room: string; sessions: number; last_session_on: string }>(
    `SELECT min(trim(room)) AS room, count(*) AS sessions, max(session_date) AS last_session_on FROM sessions
     WHERE status = 'recorded' AND trim(room) <> '' AND session_date > @from AND session_date <= @today
     GROUP BY trim(room) COLLATE NOCASE ORDER BY trim(room) COLLATE NOCASE`,
  ),
}));

export function findContainerRow(db: Database, id: number, window: Window): ContainerRow | undefined {
  return statements(db).containerById.get({ ...window, id });
}

export function listContainerRows(db: Database, includeClosed: boolean, window: Window): ContainerRow[] {
  return statements(db).containers.all({ ...window, includeClosed: includeClosed ? 1 : 0 });
}

export function containerStatus(db: Database, id: number) {
  return statements(db).statusOf.get(id);
}

/** The container in service in a room now, or on a date when one is given. */
export function inServiceContainerInRoom(db: Database, room: string, onDate: string | null): number | null {
  return statements(db).inServiceInRoom.get({ room: room.trim(), onDate })?.id ?? null;
}

export function isLabelTaken(db: Database, label: string): boolean {
  return statements(db).labelTaken.get(label) !== undefined;
}

export function insertContainer(
  db: Database,
  values: { label: string; size: string; make: string; room: string; capacityNeedles: number; placedInServiceOn: string; note: string; now: string; by: number },
): number {
  return Number(statements(db).insertContainer.run(values).lastInsertRowid);
}

export function sealContainerRow(db: Database, values: { id: number; sealedOn: string; level: FillLevel; by: number }): void {
  statements(db).sealContainer.run(values);
}

export function voidContainerRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).voidContainer.run(values);
}

export function countSessionsUsing(db: Database, containerId: number): number {
  return statements(db).sessionsUsing.get(containerId)?.n ?? 0;
}

export function findCheckRow(db: Database, id: number): CheckRow | undefined {
  return statements(db).checkById.get(id);
}

export function listCheckRows(db: Database, containerId: number): CheckRow[] {
  return statements(db).checksOf.all(containerId);
}

export function lastCheckRow(db: Database, containerId: number): CheckRow | undefined {
  return statements(db).lastCheckOf.get(containerId);
}

export function insertCheck(
  db: Database,
  values: { containerId: number; checkedOn: string; level: FillLevel; isUprightAndClosed: 0 | 1; note: string; by: number; now: string },
): number {
  return Number(statements(db).insertCheck.run(values).lastInsertRowid);
}

export function voidCheckRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).voidCheck.run(values);
}

export function findPickupRow(db: Database, id: number): PickupRow | undefined {
  return statements(db).pickupById.get(id);
}

export function listPickupRows(db: Database, includeVoided: boolean): PickupRow[] {
  return statements(db).pickups.all(includeVoided ? 1 : 0);
}

export function isManifestTaken(db: Database, manifestNumber: string): boolean {
  return statements(db).liveManifest.get(manifestNumber) !== undefined;
}

export function insertPickup(
  db: Database,
  values: { pickedUpOn: string; hauler: string; manifestNumber: string; weight: number | null; weightUnit: WeightUnit | null; note: string; now: string; by: number },
  containerIds: number[],
): number {
  const s = statements(db);
  const id = Number(s.insertPickup.run(values).lastInsertRowid);
  for (const containerId of containerIds) s.insertPickupContainer.run(id, containerId);
  return id;
}

export function listPickupContainers(db: Database, pickupId: number): Array<{ id: number; label: string; room: string }> {
  return statements(db).pickupContainers.all(pickupId);
}

export function setPickupCertificate(db: Database, values: { id: number; reference: string; receivedOn: string }): void {
  statements(db).setCertificate.run(values);
}

export function voidPickupRow(db: Database, values: { id: number; now: string; by: number; reason: string }): void {
  statements(db).voidPickup.run(values);
}

/** Rooms where recorded sessions happened in (from, today]. */
export function listNeedlingRooms(db: Database, from: string, today: string) {
  return statements(db).needlingRooms.all({ from, today });
}

const evidence = statementsFor((db) => ({
  checksBetween: db.prepare<{ from: string; to: string }, { n: number; last_on: string | null }>(
    'SELECT count(*) AS n, max(checked_on) AS last_on FROM sharps_container_checks WHERE voided_at IS NULL AND checked_on >= @from AND checked_on <= @to',
  ),
  inServiceDuring: db.prepare<{ from: string; to: string }, { n: number }>(
    `SELECT count(*) AS n FROM sharps_containers
     WHERE voided_at IS NULL AND placed_in_service_on <= @to AND (sealed_on IS NULL OR sealed_on >= @from)`,
  ),
}));

/** Fill checks (not voided) dated within [from, to]. */
export function fillChecksBetween(db: Database, from: string, to: string): { n: number; last_on: string | null } {
  return evidence(db).checksBetween.get({ from, to }) ?? { n: 0, last_on: null };
}

/** Containers that were in service on any day of [from, to]. */
export function containersInServiceDuring(db: Database, from: string, to: string): number {
  return evidence(db).inServiceDuring.get({ from, to })?.n ?? 0;
}
