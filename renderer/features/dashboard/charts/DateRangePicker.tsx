// The date range (with presets) and grouping that drive every chart on a page.
import { Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { granularities, type Granularity } from '../../../../db/sessions/sessions-contract';
import { useClinicSession } from '../../../app/ClinicSessionContext';
import { checkRange, daysInRange, granularityLabels, maxDayBuckets, presetLabels, rangeForPreset, type ChartRange, type RangePreset } from './date-range';

const presetOptions = (Object.keys(presetLabels) as RangePreset[]).map((value) => ({ value, label: presetLabels[value] }));

export function DateRangePicker({ range, onChange }: { range: ChartRange; onChange: (next: ChartRange) => void }) {
  const { today } = useClinicSession();
  const isDayTooFine = range.granularity === 'day' && daysInRange(range.from, range.to) > maxDayBuckets;
  const choosePreset = (preset: RangePreset) => onChange(preset === 'custom' ? { ...range, preset: 'custom' } : rangeForPreset(preset, today));

  return (
    <Group align="flex-end" gap="sm" role="group" aria-label="Chart period" data-print="hide">
      <NativeSelect label="Period" data={presetOptions} value={range.preset} onChange={(e) => choosePreset(e.currentTarget.value as RangePreset)} w={170} />
      {/* Remounted when the range changes elsewhere (a preset), so the typed dates follow it. */}
      <RangeDates key={`${range.from}|${range.to}`} range={range} today={today} onChange={onChange} />
      <NativeSelect
        label="Group by"
        data={granularities.map((g) => ({ value: g, label: granularityLabels[g] }))}
        value={range.granularity}
        onChange={(e) => onChange({ ...range, granularity: e.currentTarget.value as Granularity })}
        w={120}
      />
      {isDayTooFine && (
        <Text size="sm" c="orange.8" role="status">
          ! More than {maxDayBuckets} days: group by week or month to read the bars.
        </Text>
      )}
    </Group>
  );
}

/** From and To as typed; the range changes once both make a valid one. */
function RangeDates({ range, today, onChange }: { range: ChartRange; today: string; onChange: (next: ChartRange) => void }) {
  const [dates, setDates] = useState({ from: range.from, to: range.to });
  const errors = checkRange(dates.from, dates.to);
  const type = (field: 'from' | 'to', value: string) => {
    const next = { ...dates, [field]: value };
    setDates(next);
    if (Object.keys(checkRange(next.from, next.to)).length === 0) onChange({ ...range, preset: 'custom', ...next });
  };
  return (
    <>
      <TextInput type="date" label="From" value={dates.from} max={today} error={errors.from} onChange={(e) => type('from', e.currentTarget.value)} w={160} />
      <TextInput type="date" label="To" value={dates.to} max={today} error={errors.to} onChange={(e) => type('to', e.currentTarget.value)} w={160} />
    </>
  );
}
