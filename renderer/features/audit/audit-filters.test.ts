import { describe, expect, it } from 'vitest';
import { auditListInput } from '../../../db/audit/audit-contract';
import { noAuditFilters, toAuditListInput } from './audit-filters';

describe('toAuditListInput', () => {
  it('leaves out blank filters', () => {
    expect(toAuditListInput(noAuditFilters, undefined, 50)).toEqual({ limit: 50 });
  });

  it('passes the chosen filters and cursor in the API types', () => {
    const input = toAuditListInput({ from: '2025-01-01', to: '2025-01-31', staffId: '3', entityType: 'staff', action: 'update' }, 120, 25);
    expect(input).toEqual({ from: '2025-01-01', to: '2025-01-31', staffId: 3, entityType: 'staff', action: 'update', beforeSeq: 120, limit: 25 });
    expect(auditListInput.safeParse(input).success).toBe(true);
  });

  it('yields an input the API refuses when the range is reversed, naming from', () => {
    const parsed = auditListInput.safeParse(toAuditListInput({ ...noAuditFilters, from: '2025-02-01', to: '2025-01-01' }, undefined, 50));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['from']);
  });
});
