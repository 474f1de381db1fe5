// The inspector view for the read-only auditor: each record OSHA (1910.1030(h)) and FDA (803.18) expect the clinic
// to keep, whether it is kept, and evidence counts and dates. Never a name.
import type { Database } from 'better-sqlite3';
import { readClinicProfile, readSettings } from '../clinic/clinic-store';
import { listStaff } from '../staff/staff-store';
import type { InspectorRecord, InspectorView } from './calendar-contract';
import { addDays, addYears, daysBetween } from './compliance-dates';
import { therapistDnStatuses } from './credentials-rules';
import { mdrOverview } from './mdr-rules';
import { nextPlanReviewDue } from './plan-review-queries';
import { retentionRules, type RetentionKey } from './retention';
import { listContainerViews, listPickupViews, roomsWithoutContainer } from './sharps-queries';
import { listHbvViews, listTrainingViews, trainingStatuses } from './training-queries';

const retention = (key: RetentionKey) => `${retentionRules[key].period} (${retentionRules[key].basis})`;

function scalar(db: Database, sql: string, params: Record<string, unknown> = {}): number | string | null {
  const row = db.prepare<Record<string, unknown>, { v: number | string | null }>(sql).get(params);
  return row?.v ?? null;
}

function injuryLogRecord(db: Database, today: string, maintainedVoluntarily: boolean): InspectorRecord {
  // Entries still inside their retention: the current year and the five before it (1904.33).
  const fromYear = String(Number(today.slice(0, 4)) - 5);
  const entries = Number(scalar(db, "SELECT count(*) AS v FROM sharps_injuries WHERE voided_at IS NULL AND substr(occurred_on, 1, 4) >= @fromYear", { fromYear }));
  const lastOn = scalar(db, 'SELECT max(occurred_on) AS v FROM sharps_injuries WHERE voided_at IS NULL') as string | null;
  return {
    key: 'sharps_injury_log',
    title: 'Sharps injury log',
    citation: '29 CFR 1910.1030(h)(5)',
    status: 'ok',
    statusDetail: `${entries === 0 ? 'No sharps injuries recorded' : `${entries} entr${entries === 1 ? 'y' : 'ies'}`} in the retention window; identities are kept apart.${maintainedVoluntarily ? ' Maintained voluntarily (Part 1904 exempt).' : ''}`,
    evidence: { entries, lastEntryOn: lastOn, maintainedVoluntarily, identitiesSeparate: true },
    retention: retention('sharps_injury_log'),
  };
}

function trainingRecord(db: Database, today: string): InspectorRecord {
  const sessions = listTrainingViews(db, false).filter((t) => t.retainUntil >= today);
  const statuses = trainingStatuses(db, today);
  const overdue = statuses.filter((s) => s.state === 'overdue').length;
  const never = statuses.filter((s) => s.state === 'never_trained').length;
  const status = sessions.length === 0 ? 'missing' : overdue + never > 0 ? 'attention' : 'ok';
  return {
    key: 'bbp_training',
    title: 'Bloodborne pathogens training records',
    citation: '29 CFR 1910.1030(g)(2), (h)(2)',
    status,
    statusDetail:
      status === 'missing' ? 'No training sessions on record.' : status === 'attention' ? `${overdue} staff overdue for annual training, ${never} never trained.` : 'Everyone in the programme is trained within the year.',
    evidence: {
      sessions: sessions.length,
      lastSessionOn: sessions[0]?.trainedOn ?? null,
      staffInProgramme: statuses.length,
      staffOverdue: overdue,
      staffNeverTrained: never,
    },
    retention: retention('bbp_training'),
  };
}

function planRecord(db: Database, today: string): InspectorRecord {
  const { lastReviewedOn, nextDueOn } = nextPlanReviewDue(db);
  const reviews = Number(scalar(db, 'SELECT count(*) AS v FROM ecp_reviews WHERE voided_at IS NULL AND reviewed_on >= @from', { from: addYears(today, -6) }));
  const lastConsulted = scalar(db, 'SELECT is_frontline_consulted AS v FROM ecp_reviews WHERE voided_at IS NULL ORDER BY reviewed_on DESC, id DESC LIMIT 1');
  const status = lastReviewedOn === null ? 'missing' : nextDueOn !== null && nextDueOn < today ? 'attention' : 'ok';
  return {
    key: 'exposure_control_plan',
    title: 'Exposure control plan and annual reviews',
    citation: '29 CFR 1910.1030(c)(1)(iv)-(v)',
    status,
    statusDetail: status === 'missing' ? 'No plan review on record.' : status === 'attention' ? `The annual review was due ${nextDueOn}.` : `Reviewed ${lastReviewedOn}; next due ${nextDueOn}.`,
    evidence: { reviews, lastReviewedOn, nextDueOn, lastReviewConsultedFrontline: lastConsulted === null ? null : lastConsulted === 1 },
    retention: retention('ecp_review'),
  };
}

function hbvRecord(db: Database): InspectorRecord {
  const offers = listHbvViews(db);
  const therapists = listStaff(db, false).filter((s) => s.role === 'therapist');
  const offered = new Set(offers.map((o) => o.staffId));
  const missing = therapists.filter((t) => !offered.has(t.id)).length;
  const late = offers.filter((o) => !o.isOfferedInTime).length;
  const unsigned = offers.filter((o) => o.response === 'declined' && !o.isDeclinationSigned).length;
  const status = offers.length === 0 && therapists.length > 0 ? 'missing' : missing + unsigned > 0 ? 'attention' : 'ok';
  return {
    key: 'hbv_vaccination',
    title: 'Hepatitis B vaccination offers (summary)',
    citation: '29 CFR 1910.1030(f)(2), (h)(1)(ii)(B)',
    status,
    statusDetail: `${offers.length} offer${offers.length === 1 ? '' : 's'} on file; ${missing} therapist${missing === 1 ? '' : 's'} without one; ${unsigned} declination${unsigned === 1 ? '' : 's'} unsigned; ${late} made late.`,
    evidence: {
      offersOnFile: offers.length,
      therapistsWithoutOffer: missing,
      offeredLate: late,
      accepted: offers.filter((o) => o.response === 'accepted').length,
      declined: offers.filter((o) => o.response === 'declined').length,
      declinedWithoutSignedDeclination: unsigned,
    },
    retention: retention('hbv_vaccination'),
  };
}

function containerRecord(db: Database, today: string): InspectorRecord {
  const containers = listContainerViews(db, today, false);
  const inService = containers.filter((c) => c.status === 'in_service');
  const flags = containers.reduce((n, c) => n + c.flags.length, 0);
  const rooms = roomsWithoutContainer(db, today, containers).length;
  const checks90 = Number(scalar(db, 'SELECT count(*) AS v FROM sharps_container_checks WHERE voided_at IS NULL AND checked_on > @from', { from: addDays(today, -90) }));
  const lastCheckOn = scalar(db, 'SELECT max(checked_on) AS v FROM sharps_container_checks WHERE voided_at IS NULL') as string | null;
  const status = flags + rooms > 0 ? 'attention' : 'ok';
  return {
    key: 'sharps_containers',
    title: 'Sharps container logs (placement, checks, closures)',
    citation: '29 CFR 1910.1030(d)(4)(iii)(A)',
    status,
    statusDetail: status === 'ok' ? `${inService.length} in service, none flagged.` : `${flags} open flag${flags === 1 ? '' : 's'}; ${rooms} room${rooms === 1 ? '' : 's'} with needling but no container.`,
    evidence: {
      inService: inService.length,
      sealedAwaitingPickup: containers.filter((c) => c.status === 'sealed').length,
      checksLast90Days: checks90,
      lastCheckOn,
      openFlags: flags,
      roomsWithoutContainer: rooms,
    },
    retention: retention('container_log'),
  };
}

function pickupRecord(db: Database, today: string): InspectorRecord {
  const pickups = listPickupViews(db, false).filter((p) => p.retainUntil >= today);
  const withoutCertificate = pickups.filter((p) => p.certificateReference === null);
  const overdue = withoutCertificate.filter((p) => daysBetween(p.pickedUpOn, today) > 45).length;
  return {
    key: 'waste_pickups',
    title: 'Regulated medical waste manifests',
    citation: 'State medical-waste law (e.g. CA H&SC 118040, FL 64E-16)',
    status: overdue > 0 ? 'attention' : 'ok',
    statusDetail: `${pickups.length} pickup${pickups.length === 1 ? '' : 's'} on file; ${withoutCertificate.length} awaiting a certificate of destruction.`,
    evidence: { pickups: pickups.length, lastPickupOn: pickups[0]?.pickedUpOn ?? null, awaitingCertificate: withoutCertificate.length, certificateOverdue: overdue },
    retention: retention('waste_pickup'),
  };
}

function mdrRecord(db: Database, today: string): InspectorRecord {
  const mdr = mdrOverview(db, today, { includeVoided: false });
  const kept = mdr.evaluations.filter((e) => e.retainUntil >= today);
  const overdue = kept.filter((e) => e.isOverdue).length;
  const annualDue = mdr.annualReports.filter((r) => r.submittedOn === null && r.reportableCount > 0 && r.dueOn < today).length;
  const gaps = overdue + annualDue + mdr.unevaluatedSessions.length;
  return {
    key: 'mdr_files',
    title: 'MDR event files and annual reports',
    citation: '21 CFR 803.17, 803.18, 803.33',
    status: gaps > 0 ? 'attention' : 'ok',
    statusDetail: gaps > 0 ? `${overdue} past their 10-work-day deadline, ${mdr.unevaluatedSessions.length} adverse events not evaluated, ${annualDue} annual reports overdue.` : `${kept.length} evaluation file${kept.length === 1 ? '' : 's'}, each with its decision and reasoning.`,
    evidence: {
      evaluations: kept.length,
      open: kept.filter((e) => e.status === 'open').length,
      reportable: kept.filter((e) => e.reportable === 'yes').length,
      reported: kept.filter((e) => e.status === 'reported').length,
      pastDeadline: overdue,
      unevaluatedAdverseEvents: mdr.unevaluatedSessions.length,
      annualReportsOverdue: annualDue,
    },
    retention: retention('mdr_file'),
  };
}

function credentialRecord(db: Database, today: string): InspectorRecord {
  const therapists = therapistDnStatuses(db, today);
  const problems = therapists.filter((t) => t.problem !== null).length;
  const expiring = therapists.filter((t) => t.validUntil !== null && daysBetween(today, t.validUntil) <= 60).length;
  const state = readSettings(db).stateProfile;
  return {
    key: 'dn_credentials',
    title: 'Therapist dry-needling credentials',
    citation: `${state} state profile (compliance.md 4.2)`,
    status: problems > 0 ? 'attention' : 'ok',
    statusDetail: `${therapists.length - problems} of ${therapists.length} therapists cleared to dry-needle today; ${expiring} expiring within 60 days.`,
    evidence: { state, therapists: therapists.length, clearedToday: therapists.length - problems, notCleared: problems, expiringWithin60Days: expiring },
    retention: retention('dn_credential'),
  };
}

export function inspectorView(db: Database, today: string): InspectorView {
  const maintainedVoluntarily = readSettings(db).isOsha1904Exempt;
  return {
    generatedOn: today,
    clinicName: readClinicProfile(db)?.name ?? '',
    maintainedVoluntarily,
    records: [
      injuryLogRecord(db, today, maintainedVoluntarily),
      trainingRecord(db, today),
      planRecord(db, today),
      hbvRecord(db),
      containerRecord(db, today),
      pickupRecord(db, today),
      mdrRecord(db, today),
      credentialRecord(db, today),
    ],
    retentionRules: Object.values(retentionRules),
  };
}
