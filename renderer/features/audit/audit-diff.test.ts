import { describe, expect, it } from 'vitest';
import { diffAuditValues, formatAuditValue, prettyAuditJson, summarizeChanges } from './audit-diff';

describe('diffAuditValues', () => {
  it('lists changed, unchanged, added and removed fields', () => {
    const changes = diffAuditValues(
      { name: 'Riley', jobTitle: 'PT', hasPin: false, old: 1 },
      { name: 'Riley', jobTitle: 'Senior PT', hasPin: true, added: [1, 2] },
    );
    expect(changes).toEqual([
      { field: 'name', before: 'Riley', after: 'Riley', kind: 'unchanged' },
      { field: 'jobTitle', before: 'PT', after: 'Senior PT', kind: 'changed' },
      { field: 'hasPin', before: 'false', after: 'true', kind: 'changed' },
      { field: 'added', before: '—', after: '[1,2]', kind: 'added' },
      { field: 'old', before: '1', after: '—', kind: 'removed' },
    ]);
  });

  it('treats a missing before (a create) as all fields added', () => {
    expect(diffAuditValues(null, { name: 'Riley' })).toEqual([{ field: 'name', before: '—', after: 'Riley', kind: 'added' }]);
  });

  it('gives null for values that are not records', () => {
    expect(diffAuditValues(5, 10)).toBeNull();
    expect(diffAuditValues([30, 60], [30])).toBeNull();
  });

  it('compares nested values by their JSON', () => {
    expect(diffAuditValues({ a: { x: 1 } }, { a: { x: 1 } })?.[0]?.kind).toBe('unchanged');
  });
});

describe('formatting values', () => {
  it('shows strings bare and the rest as JSON', () => {
    expect(formatAuditValue('text')).toBe('text');
    expect(formatAuditValue(null)).toBe('null');
    expect(formatAuditValue(undefined)).toBe('—');
    expect(prettyAuditJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyAuditJson(null)).toBe('—');
  });
});

describe('summarizeChanges', () => {
  it('names the changed fields of an update, leaving out the updatedAt every update changes', () => {
    const before = { name: 'Riley', jobTitle: 'PT', updatedAt: '2025-01-01T00:00:00Z' };
    const after = { name: 'Riley', jobTitle: 'Senior PT', updatedAt: '2025-02-01T00:00:00Z' };
    expect(summarizeChanges(diffAuditValues(before, after), before, after)).toBe('jobTitle');
  });
  it('summarizes a single value change and stays empty for a create', () => {
    expect(summarizeChanges(null, 5, 10)).toBe('5 → 10');
    expect(summarizeChanges(diffAuditValues(null, { a: 1 }), null, { a: 1 })).toBe('');
  });
});
