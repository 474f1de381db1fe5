// Sharps container rules: which container takes a session's needles, the fill estimate, and the flags
// that 1910.1030(d)(4)(iii)(A) calls for (close to use, upright, replaced routinely, never overfilled).
import type { Database } from 'better-sqlite3';
import { ruleViolation } from '../api/errors';
import type { ClinicSettings } from '../clinic/settings-schema';
import { addDays, daysBetween } from './compliance-dates';
import { fillLevelLabels, sealNowLevels, type ContainerFlag, type ContainerStatus, type FillLevel } from './sharps-contract';
import { containerStatus, inServiceContainerInRoom } from './sharps-store';

/** Days of recent use behind the fill forecast. */
export const fillRateDays = 30;

/**
 * The container in service in a room (the most recently placed one when a room has two), or null.
 * Rooms match ignoring case and surrounding spaces. For sessions.record to default sharpsContainerId.
 * With `onDate`, the one that was in service that day (for a session entered late); without it, the one now.
 */
export function defaultContainerForRoom(db: Database, room: string, onDate?: string): number | null {
  if (room.trim() === '') return null;
  return inServiceContainerInRoom(db, room, onDate ?? null);
}

/** Refuses a container that cannot take needles: unknown, voided, sealed or picked up. For sessions.record. */
export function assertContainerTakesUse(db: Database, containerId: number, field: string): void {
  const container = containerStatus(db, containerId);
  if (!container) throw ruleViolation(`There is no sharps container #${containerId}.`, field);
  switch (container.status) {
    case 'in_service':
      return;
    case 'voided':
      throw ruleViolation(`Sharps container ${container.label} was voided; choose the container in service in the room.`, field);
    case 'sealed':
      throw ruleViolation(
        `Sharps container ${container.label} was sealed on ${container.sealed_on} and takes no more needles; use the container in service in the room.`,
        field,
      );
    case 'picked_up':
      throw ruleViolation(`Sharps container ${container.label} was picked up for disposal on ${container.picked_up_on}; it takes no more needles.`, field);
  }
}

export interface FillEstimate {
  needlesIn: number;
  percentOfFillLine: number;
  needlesPerDay: number;
  predictedFillLineOn: string | null;
}

/**
 * Needles in it are those of recorded sessions that named it; the daily rate averages the last 30 days,
 * or the days since it was placed when that is shorter, so a new container is not under-estimated.
 */
export function estimateFill(
  c: { capacityNeedles: number; needlesIn: number; needlesRecent: number; placedInServiceOn: string; status: ContainerStatus },
  today: string,
): FillEstimate {
  const days = Math.min(fillRateDays, Math.max(1, daysBetween(c.placedInServiceOn, today) + 1));
  const needlesPerDay = c.needlesRecent / days;
  const percentOfFillLine = Math.round((c.needlesIn / c.capacityNeedles) * 100);
  let predictedFillLineOn: string | null = null;
  if (c.status === 'in_service') {
    if (c.needlesIn >= c.capacityNeedles) predictedFillLineOn = today;
    else if (needlesPerDay > 0) predictedFillLineOn = addDays(today, Math.ceil((c.capacityNeedles - c.needlesIn) / needlesPerDay));
  }
  return { needlesIn: c.needlesIn, percentOfFillLine, needlesPerDay, predictedFillLineOn };
}

export interface FlagInput {
  label: string;
  status: ContainerStatus;
  placedInServiceOn: string;
  sealedOn: string | null;
  needlesIn: number;
  capacityNeedles: number;
  lastCheck: { checkedOn: string; level: FillLevel; isUprightAndClosed: boolean } | null;
}

export function containerFlags(c: FlagInput, today: string, settings: Pick<ClinicSettings, 'containerReplacementDays' | 'sealedPickupDays'>): ContainerFlag[] {
  const flags: ContainerFlag[] = [];
  if (c.status === 'in_service') {
    const check = c.lastCheck;
    // (A)(2)(iii): a container at its fill line is flagged until it is sealed.
    if (check && sealNowLevels.includes(check.level)) {
      flags.push({ code: 'fill_line_reached', message: `${c.label} was ${fillLevelLabels[check.level]} at its check on ${check.checkedOn}: seal and replace it.` });
    }
    // (A)(2)(ii): kept upright throughout use; (A)(1)(i): closable.
    if (check && !check.isUprightAndClosed) {
      flags.push({ code: 'not_upright_or_closed', message: `${c.label} was not upright and closed at its check on ${check.checkedOn}.` });
    }
    if (c.needlesIn >= c.capacityNeedles) {
      flags.push({
        code: 'estimated_at_fill_line',
        message: `Sessions put ${c.needlesIn} needles into ${c.label}, at or past its fill line of ${c.capacityNeedles}: check it now.`,
      });
    }
    const days = daysBetween(c.placedInServiceOn, today);
    if (days > settings.containerReplacementDays) {
      flags.push({
        code: 'in_service_too_long',
        message: `${c.label} has been in service ${days} days, longer than the clinic's ${settings.containerReplacementDays}-day replacement interval.`,
      });
    }
  }
  if (c.status === 'sealed' && c.sealedOn !== null) {
    const days = daysBetween(c.sealedOn, today);
    if (days > settings.sealedPickupDays) {
      flags.push({
        code: 'awaiting_pickup_too_long',
        message: `${c.label} was sealed ${days} days ago and is still waiting for pickup (the clinic allows ${settings.sealedPickupDays} days).`,
      });
    }
  }
  return flags;
}
