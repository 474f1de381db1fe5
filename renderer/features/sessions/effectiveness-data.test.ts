import { describe, expect, it } from 'vitest';
import type { EffectivenessReport } from '../../../db/sessions/sessions-contract';
import { drillFor } from '../dashboard/charts/chart-data';
import { effectivenessChart, effectivenessRow } from './effectiveness-data';

const group = (key: string, sessions: number, meanBefore: number, meanAfter: number, improvedShare: number) => ({
  key,
  label: key,
  sessions,
  meanBefore,
  meanAfter,
  meanChange: meanAfter - meanBefore,
  improvedShare,
});

const report: EffectivenessReport = {
  from: '2026-09-15',
  to: '2026-11-29',
  overall: group('all', 30, 6.5, 3.25, 0.6),
  byRegion: [],
  byTherapist: [],
  byPeriod: [group('2026-09', 10, 6, 3, 0.5), group('2026-10', 0, 0, 0, 0), group('2026-11', 20, 6.75, 3.375, 0.65)],
};

describe('effectivenessChart', () => {
  it('draws mean before and after per period, leaving empty periods without bars', () => {
    const spec = effectivenessChart(report, 'month');
    expect(spec.rows.map((r) => r.values)).toEqual([
      { meanBefore: 6, meanAfter: 3, improvedShare: 0.5, sessions: 10 },
      { sessions: 0 },
      { meanBefore: 6.75, meanAfter: 3.375, improvedShare: 0.65, sessions: 20 },
    ]);
    expect(spec.rows[0]?.label).toBe('Sep 2026');
  });

  it('lists the sessions of a period, clipped to the report range, for the chosen therapist', () => {
    const spec = effectivenessChart(report, 'month', 4);
    expect(drillFor(spec, spec.rows[0]!, 'meanBefore')).toEqual({ from: '2026-09-15', to: '2026-09-30', therapistId: 4 });
  });
});

describe('effectivenessRow', () => {
  it('reads a group for the table', () => {
    expect(effectivenessRow(group('neck', 12, 6.25, 3.5, 0.583))).toEqual({
      key: 'neck',
      label: 'neck',
      sessions: '12',
      meanBefore: '6.3',
      meanAfter: '3.5',
      meanChange: '-2.8',
      improvedShare: '58%',
    });
  });
  it('shows dashes for a group without sessions', () => {
    expect(effectivenessRow(group('x', 0, 0, 0, 0)).meanChange).toBe('—');
  });
});
