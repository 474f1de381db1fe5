// How an audit event's entity reads in the table: its type and id, plus the person's name for staff records.
import type { StaffMember } from '../../../db/staff/staff-contract';
import { humanizeIdentifier } from '../../lib/format';

export type StaffNames = ReadonlyMap<string, string>;

/** Audit entity ids are text; staff ids are numbers. */
export function staffNamesById(staff: readonly Pick<StaffMember, 'id' | 'name'>[]): StaffNames {
  return new Map(staff.map((member) => [String(member.id), member.name]));
}

export function entityLabel(entityType: string, entityId: string, staffNames: StaffNames): string {
  const base = `${humanizeIdentifier(entityType)} #${entityId}`;
  const name = entityType === 'staff' ? staffNames.get(entityId) : undefined;
  return name === undefined ? base : `${base} (${name})`;
}
