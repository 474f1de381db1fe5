// Read models for the sharps injury log: entries without identity unless asked, retention and voluntary status.
import type { Database } from 'better-sqlite3';
import { readSettings } from '../clinic/clinic-store';
import type { InjuryFollowUp, InjuryLog, InjuryView } from './injury-contract';
import { injuryRetainUntil, retentionRules } from './retention';
import { currentInjuryIdentity, findInjuryRow, listInjuryRows, type InjuryRow } from './injury-store';

export function toInjuryView(db: Database, r: InjuryRow, includeIdentity: boolean): InjuryView {
  const view: InjuryView = {
    id: r.id,
    caseNumber: r.case_number,
    occurredOn: r.occurred_on,
    occurredTime: r.occurred_time,
    deviceType: r.device_type,
    deviceBrand: r.device_brand,
    stockItemId: r.stock_item_id,
    stockItemName: r.stock_item_name,
    lotId: r.lot_id,
    lotNumber: r.lot_number,
    workArea: r.work_area,
    howItHappened: r.how_it_happened,
    procedurePhase: r.procedure_phase,
    bodyPart: r.body_part,
    jobClassification: r.job_classification,
    protocolFollowed: r.protocol_followed,
    followUps: JSON.parse(r.follow_ups_json) as InjuryFollowUp[],
    status: r.voided_at === null ? 'recorded' : 'voided',
    voidReason: r.void_reason,
    amendmentCount: r.amendment_count,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    retainUntil: injuryRetainUntil(r.occurred_on),
    maintainedVoluntarily: readSettings(db).isOsha1904Exempt,
  };
  if (includeIdentity) {
    const identity = currentInjuryIdentity(db, r.id);
    if (identity) view.employee = { staffId: identity.staff_id, name: identity.staff_name, sourceSessionId: identity.source_session_id };
  }
  return view;
}

export function injuryView(db: Database, id: number): InjuryView | null {
  const row = findInjuryRow(db, id);
  return row ? toInjuryView(db, row, false) : null;
}

export function injuryLog(db: Database, filter: { year?: number | undefined; includeVoided: boolean }, includeIdentity: boolean): InjuryLog {
  const maintainedVoluntarily = readSettings(db).isOsha1904Exempt;
  return {
    maintainedVoluntarily,
    logStatus: maintainedVoluntarily ? 'voluntary' : 'required',
    retention: `${retentionRules.sharps_injury_log.period} (${retentionRules.sharps_injury_log.basis})`,
    includesIdentity: includeIdentity,
    entries: listInjuryRows(db, filter).map((r) => toInjuryView(db, r, includeIdentity)),
  };
}
