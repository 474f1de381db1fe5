// The compliance calendar: everything overdue or due within 30 days across the compliance records, each item
// linking to the screen that fixes it. Inspection-ready means nothing is overdue.
import type { Database } from 'better-sqlite3';
import type { HandlerContext } from '../api/handler-context';
import { clinicToday } from '../clinic/clinic-store';
import type { InventoryAlerts } from '../inventory/inventory-contract';
import { inventoryAlerts } from '../inventory/inventory-queries';
import { listStaff } from '../staff/staff-store';
import type { CalendarItem, ComplianceCalendar } from './calendar-contract';
import { addDays, addWorkDays, daysBetween, mondayOf } from './compliance-dates';
import { credentialWarningDays, therapistDnStatuses } from './credentials-rules';
import { mdrOverview } from './mdr-rules';
import { nextPlanReviewDue } from './plan-review-queries';
import { fillLevelLabels } from './sharps-contract';
import { listContainerViews, listPickupViews, roomsWithoutContainer } from './sharps-queries';
import { materialiseAllTasks, toTaskView, unrecordedClosedOccurrences } from './task-schedule';
import { listTaskRows } from './tasks-store';
import { hbvOfferWorkDays, listHbvViews, trainingStatuses } from './training-queries';

/** The calendar looks this far ahead. */
export const calendarHorizonDays = 30;
/** A fill-up forecast further out than this is planning, not a to-do. */
const fillForecastDays = 7;
/** Manifest copies: follow up after 35 days, exception at 45 (facility practice modelled on the federal program, compliance.md 1.9). */
const certificateFollowUpDays = 35;
const certificateExceptionDays = 45;

type Item = Omit<CalendarItem, 'severity'> & { severity?: CalendarItem['severity'] };

class CalendarBuilder {
  readonly items: CalendarItem[] = [];
  constructor(readonly today: string) {}

  add(item: Item): void {
    this.items.push({ ...item, severity: item.severity ?? (item.dueOn < this.today ? 'overdue' : 'due_soon') });
  }

  isWithinHorizon(date: string, days = calendarHorizonDays): boolean {
    return date <= addDays(this.today, days);
  }
}

function addContainerItems(db: Database, cal: CalendarBuilder): void {
  const { today } = cal;
  const containers = listContainerViews(db, today, false);
  const sunday = addDays(mondayOf(today), 6);
  for (const c of containers.filter((x) => x.status === 'in_service')) {
    const link = { area: 'sharps' as const, id: c.id };
    const where = `${c.label} (${c.room})`;
    if (!c.lastCheck || c.lastCheck.checkedOn < mondayOf(today)) {
      const base = c.lastCheck?.checkedOn ?? c.placedInServiceOn;
      const weekly = addDays(base, 7);
      cal.add({
        kind: 'fill_check_due',
        title: `Weekly fill check: ${where}`,
        detail: c.lastCheck ? `Last checked ${c.lastCheck.checkedOn} at ${fillLevelLabels[c.lastCheck.level]}.` : `Not checked since it was placed on ${c.placedInServiceOn}.`,
        dueOn: weekly < sunday ? weekly : sunday,
        link,
      });
    }
    for (const flag of c.flags) {
      if (flag.code === 'fill_line_reached') {
        cal.add({ kind: 'container_to_seal', severity: 'overdue', title: `Seal and replace: ${where}`, detail: flag.message, dueOn: c.lastCheck?.checkedOn ?? today, link });
      } else if (flag.code === 'not_upright_or_closed') {
        cal.add({ kind: 'container_check_problem', severity: 'overdue', title: `Container not upright and closed: ${where}`, detail: flag.message, dueOn: c.lastCheck?.checkedOn ?? today, link });
      } else if (flag.code === 'estimated_at_fill_line') {
        cal.add({ kind: 'container_fill_line_soon', severity: 'due_soon', title: `Check now, likely at its fill line: ${where}`, detail: flag.message, dueOn: today, link });
      }
    }
    if (cal.isWithinHorizon(c.replaceBy)) {
      cal.add({
        kind: 'container_replacement_due',
        title: `Replace: ${where}`,
        detail: `In service since ${c.placedInServiceOn}; the clinic replaces containers after ${daysBetween(c.placedInServiceOn, c.replaceBy)} days.`,
        dueOn: c.replaceBy,
        link,
      });
    }
    const isFlaggedFull = c.flags.some((f) => f.code === 'fill_line_reached' || f.code === 'estimated_at_fill_line');
    if (!isFlaggedFull && c.predictedFillLineOn !== null && cal.isWithinHorizon(c.predictedFillLineOn, fillForecastDays)) {
      cal.add({
        kind: 'container_fill_line_soon',
        title: `Expected at its fill line: ${where}`,
        detail: `${c.needlesIn} of ${c.capacityNeedles} needles at about ${c.needlesPerDay.toFixed(1)} a day.`,
        dueOn: c.predictedFillLineOn,
        link,
      });
    }
  }
  for (const c of containers.filter((x) => x.status === 'sealed')) {
    if (c.pickupBy === null || !cal.isWithinHorizon(c.pickupBy)) continue;
    cal.add({
      kind: 'container_awaiting_pickup',
      title: `Awaiting pickup: ${c.label} (${c.room})`,
      detail: `Sealed on ${c.sealedOn}; the clinic allows ${daysBetween(c.sealedOn ?? today, c.pickupBy)} days before pickup.`,
      dueOn: c.pickupBy,
      link: { area: 'sharps', id: c.id },
    });
  }
  for (const room of roomsWithoutContainer(db, today, containers)) {
    cal.add({
      kind: 'room_without_container',
      severity: 'overdue',
      title: `No sharps container in service: ${room.room}`,
      detail: `${room.sessions} needling session${room.sessions === 1 ? '' : 's'} in the last 30 days, the last on ${room.lastSessionOn}; containers belong close to where sharps are used (1910.1030(d)(4)(iii)(A)(2)(i)).`,
      dueOn: room.lastSessionOn,
      link: { area: 'sharps' },
    });
  }
  for (const p of listPickupViews(db, false)) {
    if (p.certificateReference !== null || daysBetween(p.pickedUpOn, today) < certificateFollowUpDays) continue;
    cal.add({
      kind: 'certificate_missing',
      title: `Certificate of destruction missing: manifest ${p.manifestNumber}`,
      detail: `Picked up by ${p.hauler} on ${p.pickedUpOn}; follow up with the hauler.`,
      dueOn: addDays(p.pickedUpOn, certificateExceptionDays),
      link: { area: 'pickups', id: p.id },
    });
  }
}

function addStaffRecordItems(db: Database, cal: CalendarBuilder, isManager: boolean): void {
  const { today } = cal;
  const staffById = new Map(listStaff(db, false).map((s) => [s.id, s]));
  const joinedOn = (staffId: number) => {
    const createdAt = staffById.get(staffId)?.createdAt;
    return createdAt ? clinicToday(db, new Date(createdAt)) : today;
  };
  for (const t of trainingStatuses(db, today)) {
    const link = { area: 'training' as const, id: t.staffId };
    if (t.state === 'never_trained') {
      cal.add({
        kind: 'training_due',
        title: `Initial BBP training: ${t.name}`,
        detail: 'No bloodborne pathogens training on record; it is due at initial assignment (1910.1030(g)(2)(ii)(A)).',
        dueOn: joinedOn(t.staffId),
        link,
      });
    } else if ((t.state === 'overdue' || t.state === 'due_soon') && t.nextDueOn) {
      cal.add({ kind: 'training_due', title: `Annual BBP training: ${t.name}`, detail: `Last trained ${t.lastTrainedOn}.`, dueOn: t.nextDueOn, link });
    }
  }

  // Vaccination status is confidential medical information: names go to managers only (1910.1030(h)(1)(iii)).
  const offers = new Map(listHbvViews(db).map((o) => [o.staffId, o]));
  const hbvItems: Array<{ title: string; detail: string; dueOn: string; staffId: number }> = [];
  for (const s of staffById.values()) {
    if (s.role !== 'therapist') continue;
    const offer = offers.get(s.id);
    if (!offer) {
      hbvItems.push({
        title: `Hepatitis B vaccination offer not recorded: ${s.name}`,
        detail: 'Offer the vaccine within 10 working days of assignment (1910.1030(f)(2)(i)).',
        dueOn: addWorkDays(joinedOn(s.id), hbvOfferWorkDays),
        staffId: s.id,
      });
    } else if (offer.response === 'declined' && !offer.isDeclinationSigned) {
      hbvItems.push({
        title: `Signed hepatitis B declination missing: ${s.name}`,
        detail: 'An employee who declines signs the declination in Appendix A to 1910.1030 ((f)(2)(iv)).',
        dueOn: offer.offeredOn,
        staffId: s.id,
      });
    }
  }
  if (isManager) {
    for (const h of hbvItems) cal.add({ kind: 'hbv_vaccination', title: h.title, detail: h.detail, dueOn: h.dueOn, link: { area: 'vaccination', id: h.staffId } });
  } else if (hbvItems.length > 0) {
    const dueOn = hbvItems.map((h) => h.dueOn).sort()[0] ?? today;
    cal.add({
      kind: 'hbv_vaccination',
      title: `Hepatitis B vaccination records to complete (${hbvItems.length})`,
      detail: 'A manager completes these confidential records.',
      dueOn,
      link: { area: 'vaccination' },
    });
  }

  const plan = nextPlanReviewDue(db);
  if (plan.nextDueOn === null) {
    cal.add({
      kind: 'plan_review_due',
      severity: 'overdue',
      title: 'Exposure control plan review: none on record',
      detail: 'Review the plan at least annually, documenting safer devices considered and frontline input (1910.1030(c)(1)(iv)-(v)).',
      dueOn: today,
      link: { area: 'plan-reviews' },
    });
  } else if (cal.isWithinHorizon(plan.nextDueOn)) {
    cal.add({
      kind: 'plan_review_due',
      title: 'Annual exposure control plan review',
      detail: `Last reviewed ${plan.lastReviewedOn}.`,
      dueOn: plan.nextDueOn,
      link: { area: 'plan-reviews' },
    });
  }

  for (const t of therapistDnStatuses(db, today)) {
    const link = { area: 'credentials' as const, id: t.staffId };
    if (t.problem !== null) {
      cal.add({ kind: 'credential_problem', severity: 'overdue', title: `Not cleared to dry-needle: ${t.name}`, detail: `${t.problem}.`, dueOn: today, link });
    } else if (t.validUntil !== null && cal.isWithinHorizon(t.validUntil, credentialWarningDays)) {
      cal.add({
        kind: 'credential_expiring',
        severity: 'due_soon',
        title: `Dry-needling credential expiring: ${t.name}`,
        detail: `Valid until ${t.validUntil}; renew it before then or sessions cannot be recorded for them.`,
        dueOn: t.validUntil,
        link,
      });
    }
  }
}

function addMdrItems(db: Database, cal: CalendarBuilder): void {
  const { today } = cal;
  const mdr = mdrOverview(db, today, { includeVoided: false, onlyNeedingAction: true });
  for (const e of mdr.evaluations.filter((x) => x.needsAction)) {
    const what = e.source === 'needle_defect' ? `${e.defect?.replace('_', ' ')} (lot ${e.lotNumber})` : `adverse event on session #${e.sessionId}`;
    cal.add({
      kind: 'mdr_evaluation',
      title: e.status === 'open' ? `MDR evaluation to decide: ${what}` : `MDR report to submit: ${what}`,
      detail: `Aware on ${e.awareOn}; 10 work days end ${e.deadlineOn} (21 CFR 803.10(a)).`,
      dueOn: e.deadlineOn,
      link: { area: 'mdr', id: e.id },
    });
  }
  // A safety net (sessions open evaluations themselves), so one item however many there are.
  const unevaluated = mdr.unevaluatedSessions;
  if (unevaluated.length > 0) {
    const first = unevaluated[0];
    cal.add({
      kind: 'mdr_unevaluated_event',
      title: `Adverse events without an MDR evaluation (${unevaluated.length})`,
      detail: `The earliest on ${first?.sessionDate} (session #${first?.sessionId}); every adverse event is evaluated for reportability (803.17).`,
      dueOn: addWorkDays(first?.sessionDate ?? today, 10),
      link: { area: 'mdr' },
    });
  }
  for (const r of mdr.annualReports) {
    if (r.submittedOn !== null || r.reportableCount === 0 || !cal.isWithinHorizon(r.dueOn)) continue;
    cal.add({
      kind: 'mdr_annual_report',
      title: `FDA Form 3419 annual report for ${r.year}`,
      detail: `${r.reportableCount} reportable event${r.reportableCount === 1 ? '' : 's'} in ${r.year}; the user-facility annual report is due January 1 (803.33).`,
      dueOn: r.dueOn,
      link: { area: 'mdr' },
    });
  }
}

function addTaskItems(ctx: HandlerContext, cal: CalendarBuilder, recordMissed: boolean): void {
  if (recordMissed) materialiseAllTasks(ctx, cal.today);
  for (const row of listTaskRows(ctx.db, false)) {
    const task = toTaskView(ctx.db, row, cal.today);
    // A read-only caller still sees misses not recorded yet; the next calendar read by a writer records them.
    const pending = recordMissed ? [] : unrecordedClosedOccurrences(ctx.db, row, cal.today).filter((o) => o.status === 'missed');
    const missed = [...task.missed.map((m) => ({ periodStart: m.periodStart, dueOn: m.dueOn })), ...pending.map((o) => ({ periodStart: o.period.start, dueOn: o.period.dueOn }))];
    for (const m of missed) {
      cal.add({
        kind: 'task_missed',
        severity: 'overdue',
        title: `Missed: ${task.title}`,
        detail: `Not done in the window from ${m.periodStart} to ${m.dueOn}; record it as done late once it is done.`,
        dueOn: m.dueOn,
        link: { area: 'tasks', id: task.id },
      });
    }
    if (task.current?.status === 'open' && cal.isWithinHorizon(task.current.dueOn)) {
      cal.add({ kind: 'task_due', title: task.title, detail: task.description, dueOn: task.current.dueOn, link: { area: 'tasks', id: task.id } });
    }
  }
}

function addLotItems(db: Database, cal: CalendarBuilder, known?: InventoryAlerts): void {
  const alerts = known ?? inventoryAlerts(db, cal.today);
  for (const lot of alerts.expired) {
    cal.add({
      kind: 'lot_expired',
      severity: 'overdue',
      title: `Expired stock on the shelf: ${lot.itemName}, lot ${lot.lotNumber}`,
      detail: `${lot.onHand} ${lot.unit}${lot.onHand === 1 ? '' : 's'} expired on ${lot.expiryDate}; remove and destroy or return them.`,
      dueOn: lot.expiryDate ?? cal.today,
      link: { area: 'inventory', id: lot.id },
    });
  }
  for (const { lot, daysLeft } of alerts.expiring) {
    if (daysLeft > calendarHorizonDays) continue;
    cal.add({
      kind: 'lot_expiring',
      severity: 'due_soon',
      title: `Expiring: ${lot.itemName}, lot ${lot.lotNumber}`,
      detail: `${lot.onHand} ${lot.unit}${lot.onHand === 1 ? '' : 's'} expire on ${lot.expiryDate}.`,
      dueOn: lot.expiryDate ?? cal.today,
      link: { area: 'inventory', id: lot.id },
    });
  }
}

/**
 * With recordMissed (the default, in a write transaction) reading the calendar records newly missed task
 * occurrences with their audit events; without it nothing is written, for read-only callers such as a dashboard.
 */
export function buildCalendar(
  ctx: HandlerContext,
  options: { recordMissed: boolean; inventoryAlerts?: InventoryAlerts } = { recordMissed: true },
): ComplianceCalendar {
  const today = clinicToday(ctx.db, ctx.now);
  const cal = new CalendarBuilder(today);
  addTaskItems(ctx, cal, options.recordMissed);
  addContainerItems(ctx.db, cal);
  addStaffRecordItems(ctx.db, cal, ctx.actor?.role === 'manager');
  addMdrItems(ctx.db, cal);
  addLotItems(ctx.db, cal, options.inventoryAlerts);
  const items = cal.items.sort(
    (a, b) => Number(b.severity === 'overdue') - Number(a.severity === 'overdue') || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title),
  );
  const overdueCount = items.filter((i) => i.severity === 'overdue').length;
  return { today, items, overdueCount, dueSoonCount: items.length - overdueCount, isInspectionReady: overdueCount === 0 };
}
