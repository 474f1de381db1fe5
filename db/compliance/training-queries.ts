// Read models for BBP training (who is due when) and the hepatitis B vaccination offer flags.
import type { Database } from 'better-sqlite3';
import { listStaff } from '../staff/staff-store';
import { addWorkDays, addYears, daysBetween, workDaysBetween } from './compliance-dates';
import { retentionRules, trainingRetainUntil } from './retention';
import type { HbvOfferView, StaffTrainingStatus, TrainingState, TrainingView } from './training-contract';
import { findHbvRow, findTrainingRow, lastTrainedByStaff, listAttendees, listHbvRows, listTrainingRows, type HbvRow, type TrainingRow } from './training-store';

/** Look ahead this far for "due soon", like the calendar. */
export const dueSoonDays = 30;
/** (f)(2)(i): the vaccine is made available within 10 working days of initial assignment. */
export const hbvOfferWorkDays = 10;

export function toTrainingView(db: Database, r: TrainingRow): TrainingView {
  return {
    id: r.id,
    trainedOn: r.trained_on,
    trainingType: r.training_type,
    contentSummary: r.content_summary,
    trainerName: r.trainer_name,
    trainerQualifications: r.trainer_qualifications,
    attendees: listAttendees(db, r.id).map((a) => ({ staffId: a.staff_id, name: a.staff_name, jobTitle: a.job_title })),
    isVoided: r.voided_at !== null,
    voidReason: r.void_reason,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    retainUntil: trainingRetainUntil(r.trained_on),
  };
}

export function trainingView(db: Database, id: number): TrainingView | null {
  const row = findTrainingRow(db, id);
  return row ? toTrainingView(db, row) : null;
}

export function listTrainingViews(db: Database, includeVoided: boolean): TrainingView[] {
  return listTrainingRows(db, includeVoided).map((r) => toTrainingView(db, r));
}

/**
 * Active staff in the training programme: every therapist (occupational exposure by the nature of needling),
 * and anyone else who has ever attended a BBP training. Auditors are never in it.
 */
export function trainingStatuses(db: Database, today: string): StaffTrainingStatus[] {
  const last = lastTrainedByStaff(db);
  return listStaff(db, false)
    .filter((s) => s.role !== 'auditor' && (s.role === 'therapist' || last.has(s.id)))
    .map((s) => {
      const lastTrainedOn = last.get(s.id) ?? null;
      // (g)(2)(ii)(B): at least annually, within one year of the previous training.
      const nextDueOn = lastTrainedOn === null ? null : addYears(lastTrainedOn, 1);
      let state: TrainingState = 'never_trained';
      if (nextDueOn !== null) state = nextDueOn < today ? 'overdue' : daysBetween(today, nextDueOn) <= dueSoonDays ? 'due_soon' : 'current';
      return { staffId: s.id, name: s.name, role: s.role, jobTitle: s.jobTitle, lastTrainedOn, nextDueOn, state };
    });
}

export function toHbvView(r: HbvRow): HbvOfferView {
  const offerDeadlineOn = addWorkDays(r.assigned_on, hbvOfferWorkDays);
  const isOfferedInTime = workDaysBetween(r.assigned_on, r.offered_on) <= hbvOfferWorkDays;
  const isDeclinationSigned = r.is_declination_signed === 1;
  const flags: string[] = [];
  if (!isOfferedInTime) {
    flags.push(`Offered on ${r.offered_on}, more than 10 working days after assignment on ${r.assigned_on} (due by ${offerDeadlineOn}, 1910.1030(f)(2)(i)).`);
  }
  if (r.response === 'declined' && !isDeclinationSigned) {
    flags.push('Declined, but no signed declination (Appendix A to 1910.1030) is on file.');
  }
  if (r.response === 'pending') flags.push('The answer to the offer is still pending.');
  return {
    id: r.id,
    staffId: r.staff_id,
    staffName: r.staff_name,
    assignedOn: r.assigned_on,
    offeredOn: r.offered_on,
    offerDeadlineOn,
    isOfferedInTime,
    response: r.response,
    isDeclinationSigned,
    note: r.note,
    flags,
    amendmentCount: r.amendment_count,
    recordedAt: r.recorded_at,
    retainUntil: null,
    retention: `${retentionRules.hbv_vaccination.period} (${retentionRules.hbv_vaccination.basis})`,
  };
}

export function hbvView(db: Database, id: number): HbvOfferView | null {
  const row = findHbvRow(db, id);
  return row ? toHbvView(row) : null;
}

export function listHbvViews(db: Database): HbvOfferView[] {
  return listHbvRows(db).map(toHbvView);
}
