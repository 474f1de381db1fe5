// How compliance records read on screen: status and flag badges (tone plus words), fill levels, due dates, rates
// and evidence. Pure, so every page says the same thing and the wording is unit-tested.
import type { StaffRole } from '../../../db/api/roles';
import type { CalendarItem, CalendarItemKind, InspectorRecord } from '../../../db/compliance/calendar-contract';
import type { CredentialState } from '../../../db/compliance/credentials-contract';
import type { DeviceType, ProcedurePhase } from '../../../db/compliance/injury-contract';
import type { MdrEvaluationView, NeedleDefect } from '../../../db/compliance/mdr-contract';
import type { InjuryRate } from '../../../db/compliance/plan-review-contract';
import type { ContainerFlagCode, ContainerStatus, ContainerView, FillLevel } from '../../../db/compliance/sharps-contract';
import type { Cadence, TaskOccurrenceView, TaskView } from '../../../db/compliance/tasks-contract';
import type { HbvResponse, TrainingState, TrainingType } from '../../../db/compliance/training-contract';
import type { StatusTone } from '../../components/StatusBadge';
import { pluralize, roleLabel } from '../../lib/format';

export interface BadgeStyle {
  tone: StatusTone;
  label: string;
}

/** The fill level in the short form a table cell holds: "¼", "¾ (fill line)". */
export const fillLevelShort: Record<FillLevel, string> = {
  quarter: '¼',
  half: '½',
  three_quarter: '¾ (fill line)',
  over_full: 'Over-full',
};

export const containerStatusStyles: Record<ContainerStatus, BadgeStyle> = {
  in_service: { tone: 'good', label: 'In service' },
  sealed: { tone: 'warning', label: 'Sealed, awaiting pickup' },
  picked_up: { tone: 'neutral', label: 'Picked up' },
  voided: { tone: 'neutral', label: 'Voided' },
};

export const containerFlagStyles: Record<ContainerFlagCode, BadgeStyle> = {
  fill_line_reached: { tone: 'bad', label: 'Fill line reached: seal it' },
  not_upright_or_closed: { tone: 'bad', label: 'Not upright and closed' },
  estimated_at_fill_line: { tone: 'warning', label: 'Likely at fill line: check it' },
  in_service_too_long: { tone: 'warning', label: 'In service too long' },
  awaiting_pickup_too_long: { tone: 'bad', label: 'Waiting too long for pickup' },
};

/** How full a container is: its last check, and the share of its fill line the sessions' needles make. */
export function describeFill(c: Pick<ContainerView, 'lastCheck' | 'needlesIn' | 'capacityNeedles' | 'percentOfFillLine'>): {
  level: string;
  percent: string;
  needles: string;
  estimate: string;
} {
  const check = c.lastCheck;
  const percent = `${c.percentOfFillLine}% of fill line`;
  const needles = `${c.needlesIn.toLocaleString('en-US')} of ${c.capacityNeedles.toLocaleString('en-US')} needles`;
  return { level: check ? `${fillLevelShort[check.level]} on ${check.checkedOn}` : 'Not checked yet', percent, needles, estimate: `${percent} (${needles})` };
}

/** Whole days from one business date to another (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  const toUtc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** "3 days overdue", "due today", "due tomorrow", "due in 12 days". */
export function describeDue(dueOn: string, today: string): string {
  const days = daysFromTo(today, dueOn);
  if (days < 0) return `${pluralize(-days, 'day')} overdue`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}

export const severityStyles: Record<CalendarItem['severity'], BadgeStyle> = {
  overdue: { tone: 'bad', label: 'Overdue' },
  due_soon: { tone: 'warning', label: 'Due soon' },
};

/** Which record an item is about, as a reader would name it. */
export const calendarKindRecords: Record<CalendarItemKind, string> = {
  fill_check_due: 'Sharps container',
  container_to_seal: 'Sharps container',
  container_check_problem: 'Sharps container',
  container_replacement_due: 'Sharps container',
  container_fill_line_soon: 'Sharps container',
  container_awaiting_pickup: 'Sharps container',
  room_without_container: 'Sharps container',
  certificate_missing: 'Waste pickup',
  training_due: 'BBP training',
  hbv_vaccination: 'Hepatitis B vaccination',
  plan_review_due: 'Exposure control plan',
  credential_expiring: 'Credential',
  credential_problem: 'Credential',
  mdr_evaluation: 'MDR evaluation',
  mdr_unevaluated_event: 'MDR evaluation',
  mdr_annual_report: 'MDR annual report',
  task_due: 'Recurring task',
  task_missed: 'Recurring task',
  lot_expired: 'Stock lot',
  lot_expiring: 'Stock lot',
};

export const credentialStateStyles: Record<CredentialState, BadgeStyle> = {
  valid: { tone: 'good', label: 'Valid' },
  expiring: { tone: 'warning', label: 'Expiring soon' },
  expired: { tone: 'bad', label: 'Expired' },
  not_yet_valid: { tone: 'neutral', label: 'Not yet valid' },
  voided: { tone: 'neutral', label: 'Voided' },
};

export const trainingStateStyles: Record<TrainingState, BadgeStyle> = {
  current: { tone: 'good', label: 'Current' },
  due_soon: { tone: 'warning', label: 'Due soon' },
  overdue: { tone: 'bad', label: 'Overdue' },
  never_trained: { tone: 'bad', label: 'Never trained' },
};

export const trainingTypeLabels: Record<TrainingType, string> = { initial: 'Initial', annual: 'Annual', change: 'Change in tasks or procedures' };
export const hbvResponseLabels: Record<HbvResponse, string> = { pending: 'Awaiting answer', accepted: 'Accepted', declined: 'Declined' };

export const deviceTypeShort: Record<DeviceType, string> = {
  filiform_dry_needle: 'Filiform (dry) needle',
  hypodermic_needle: 'Hypodermic needle',
  lancet: 'Lancet',
  other_sharp: 'Other sharp',
};

export const procedurePhaseLabels: Record<ProcedurePhase, string> = {
  insertion: 'Insertion',
  manipulation: 'Manipulation',
  withdrawal: 'Withdrawal',
  disposal: 'Disposal',
  after_disposal: 'After disposal',
  stray_needle_found: 'Stray needle found',
  cleaning: 'Cleaning',
  other: 'Other',
};

export const needleDefectLabels: Record<NeedleDefect, string> = {
  broken_needle: 'Broken needle',
  non_sterile_pack: 'Non-sterile pack',
  other_defect: 'Other defect',
};

/** An MDR file's state in words: what is still to do, or how it ended. */
export function mdrStatusStyle(e: Pick<MdrEvaluationView, 'isVoided' | 'status' | 'reportable' | 'isOverdue' | 'needsAction'>): BadgeStyle {
  if (e.isVoided) return { tone: 'neutral', label: 'Voided' };
  if (e.status === 'reported') return { tone: 'good', label: 'Reported' };
  if (e.status === 'open') return e.isOverdue ? { tone: 'bad', label: 'Decision overdue' } : { tone: 'warning', label: 'To decide' };
  if (e.reportable === 'yes') return e.isOverdue ? { tone: 'bad', label: 'Report overdue' } : { tone: 'warning', label: 'Report to submit' };
  return { tone: 'good', label: 'Not reportable' };
}

/** What the evaluation is about: the session's adverse event or the lot's defect. */
export function describeMdrSubject(e: Pick<MdrEvaluationView, 'source' | 'sessionId' | 'adverseEvent' | 'defect' | 'lotNumber' | 'itemName'>): string {
  if (e.source === 'needle_defect') {
    const defect = e.defect ? needleDefectLabels[e.defect] : 'Needle defect';
    return `${defect}: lot ${e.lotNumber ?? '?'}${e.itemName ? ` (${e.itemName})` : ''}`;
  }
  return `Adverse event${e.adverseEvent ? ` (${e.adverseEvent.replaceAll('_', ' ')})` : ''} on session #${e.sessionId ?? '?'}`;
}

export const inspectorStatusStyles: Record<InspectorRecord['status'], BadgeStyle> = {
  ok: { tone: 'good', label: 'Kept' },
  attention: { tone: 'warning', label: 'Needs attention' },
  missing: { tone: 'bad', label: 'Missing' },
};

/** "checksLast90Days" → "Checks last 90 days". */
export function humanizeEvidenceKey(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatEvidenceValue(value: number | string | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value;
}

/** The year's sharps injuries per 1,000 needling sessions, with the counts behind it. */
export function formatInjuryRate(rate: InjuryRate): string {
  const counts = `${pluralize(rate.injuries, 'injury', 'injuries')} in ${rate.sessions.toLocaleString('en-US')} ${rate.sessions === 1 ? 'session' : 'sessions'}`;
  if (rate.per1000Sessions === null) return `No needling sessions recorded in ${rate.year} (${counts})`;
  return `${rate.per1000Sessions.toFixed(2)} per 1,000 sessions in ${rate.year} (${counts})`;
}

export const cadenceLabels: Record<Cadence, string> = { weekly: 'Weekly', monthly: 'Monthly', yearly: 'Yearly' };

export function describeWindow(task: Pick<TaskView, 'windowDays' | 'cadence'>): string {
  const period = { weekly: 'week', monthly: 'month', yearly: 'year' }[task.cadence];
  return task.windowDays === null ? `Any time in the ${period}` : `First ${pluralize(task.windowDays, 'day')} of the ${period}`;
}

export function describeOwner(task: Pick<TaskView, 'ownerName' | 'ownerRole'>): string {
  if (task.ownerName) return task.ownerName;
  if (task.ownerRole) return `Any ${roleLabel(task.ownerRole as StaffRole).toLowerCase()}`;
  return 'Anyone';
}

/** The latest day the task was done, in its window or late; null when never. */
export function lastDoneOn(task: Pick<TaskView, 'current' | 'recent'>): string | null {
  const occurrences: TaskOccurrenceView[] = [...(task.current ? [task.current] : []), ...task.recent];
  const dates = occurrences.flatMap((o) => [o.status === 'done' ? o.doneOn : null, o.lateDoneOn]).filter((d): d is string => d !== null);
  return dates.sort().at(-1) ?? null;
}

export const occurrenceStatusStyles: Record<TaskOccurrenceView['status'], BadgeStyle> = {
  done: { tone: 'good', label: 'Done' },
  missed: { tone: 'bad', label: 'Missed' },
  open: { tone: 'neutral', label: 'Open' },
};
