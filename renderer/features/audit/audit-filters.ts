// The Audit log page's filters as the form holds them (text), and as audit.list takes them.
import type { MethodInput } from '../../../db/api/contract';

export interface AuditFilterValues {
  from: string;
  to: string;
  staffId: string;
  entityType: string;
  action: string;
  [key: string]: string;
}

export const noAuditFilters: AuditFilterValues = { from: '', to: '', staffId: '', entityType: '', action: '' };

export const pageSizes = [10, 25, 50, 100] as const;

/** Blank filters are left out, so the API applies no condition for them. */
export function toAuditListInput(values: AuditFilterValues, beforeSeq: number | undefined, limit: number): MethodInput<'audit.list'> {
  const input: MethodInput<'audit.list'> = { limit };
  if (values.from) input.from = values.from;
  if (values.to) input.to = values.to;
  if (values.staffId) input.staffId = Number(values.staffId);
  if (values.entityType) input.entityType = values.entityType;
  if (values.action) input.action = values.action;
  if (beforeSeq !== undefined) input.beforeSeq = beforeSeq;
  return input;
}
