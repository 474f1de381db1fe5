// Filters over the audit log: date range, staff member, entity type, action, and how many events per page.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { StaffMember } from '../../../db/staff/staff-contract';
import { useApiQuery } from '../../api/useApiQuery';
import type { FieldErrors } from '../../lib/form-errors';
import { humanizeIdentifier } from '../../lib/format';
import { noAuditFilters, pageSizes, type AuditFilterValues } from './audit-filters';

interface AuditFiltersProps {
  values: AuditFilterValues;
  /** Everyone who ever worked here, inactive included: old events name them too. */
  staff: readonly StaffMember[];
  errors: FieldErrors;
  pageSize: number;
  onChange: (values: AuditFilterValues) => void;
  onPageSizeChange: (pageSize: number) => void;
}

export function AuditFilters({ values, staff, errors, pageSize, onChange, onPageSizeChange }: AuditFiltersProps) {
  const facets = useApiQuery('audit.facets', {});
  const set = (name: keyof AuditFilterValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...values, [name]: event.currentTarget.value });

  const anyone = { value: '', label: 'Anyone' };
  const staffOptions = [anyone, ...staff.map((s) => ({ value: String(s.id), label: s.isActive ? s.name : `${s.name} (inactive)` }))];
  const entityOptions = [{ value: '', label: 'Any' }, ...(facets.data?.entityTypes ?? []).map((t) => ({ value: t, label: humanizeIdentifier(t) }))];
  const actionOptions = [{ value: '', label: 'Any' }, ...(facets.data?.actions ?? []).map((a) => ({ value: a, label: humanizeIdentifier(a) }))];
  const isFiltered = Object.values(values).some((v) => v !== '');

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Audit log filters">
      <TextInput type="date" label="From" value={values.from} onChange={set('from')} error={errors.from} w={150} />
      <TextInput type="date" label="To" value={values.to} onChange={set('to')} error={errors.to} w={150} />
      <NativeSelect label="Staff member" data={staffOptions} value={values.staffId} onChange={set('staffId')} w={170} />
      <NativeSelect label="Entity type" data={entityOptions} value={values.entityType} onChange={set('entityType')} w={140} />
      <NativeSelect label="Action" data={actionOptions} value={values.action} onChange={set('action')} w={140} />
      <NativeSelect
        label="Events per page"
        data={pageSizes.map(String)}
        value={String(pageSize)}
        onChange={(event) => onPageSizeChange(Number(event.currentTarget.value))}
        w={140}
      />
      <Button variant="subtle" onClick={() => onChange(noAuditFilters)} disabled={!isFiltered}>
        Clear filters
      </Button>
    </Group>
  );
}
