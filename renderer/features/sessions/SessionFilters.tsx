// Filters over the sessions list: date range, therapist, kind, chart number, and whether voided sessions show.
import { Button, Group, NativeSelect, Switch, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { sessionKinds, sessionKindLabels } from '../../../db/sessions/sessions-contract';
import type { StaffMember } from '../../../db/staff/staff-contract';
import type { FieldErrors } from '../../lib/form-errors';
import { defaultSessionFilters, type SessionFilterValues } from './session-filters';

interface SessionFiltersProps {
  values: SessionFilterValues;
  staff: readonly StaffMember[];
  errors: FieldErrors;
  today: string;
  onChange: (values: SessionFilterValues) => void;
}

export function SessionFilters({ values, staff, errors, today, onChange }: SessionFiltersProps) {
  const set = (name: 'from' | 'to' | 'therapistId' | 'kind' | 'chartNumber') => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...values, [name]: event.currentTarget.value });
  const therapistOptions = [
    { value: '', label: 'Anyone' },
    ...staff.filter((s) => s.role === 'therapist' || s.role === 'manager').map((s) => ({ value: String(s.id), label: s.isActive ? s.name : `${s.name} (inactive)` })),
  ];
  const kindOptions = [{ value: '', label: 'Both' }, ...sessionKinds.map((k) => ({ value: k, label: sessionKindLabels[k] }))];
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Session filters" data-print="hide">
      <TextInput type="date" label="From" value={values.from} max={today} onChange={set('from')} error={errors.from} w={150} />
      <TextInput type="date" label="To" value={values.to} max={today} onChange={set('to')} error={errors.to} w={150} />
      <NativeSelect label="Therapist" data={therapistOptions} value={values.therapistId} onChange={set('therapistId')} w={180} />
      <NativeSelect label="Kind" data={kindOptions} value={values.kind} onChange={set('kind')} w={140} />
      <TextInput label="Chart number" value={values.chartNumber} onChange={set('chartNumber')} error={errors.chartNumber} w={150} />
      <Switch label="Include voided" checked={values.includeVoided} onChange={(e) => onChange({ ...values, includeVoided: e.currentTarget.checked })} mb={8} />
      <Button variant="subtle" onClick={() => onChange(defaultSessionFilters(today))}>
        Reset filters
      </Button>
    </Group>
  );
}
