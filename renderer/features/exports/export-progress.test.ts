import { describe, expect, it } from 'vitest';
import { clampPercent, formatExportProgress, formatStageCounter } from './export-progress';

const running = { state: 'running' as const, error: null };

describe('formatExportProgress', () => {
  it('names the stage with its rows and percent', () => {
    expect(formatExportProgress({ ...running, stage: 'csv', done: 1200, total: 5000, percent: 24.7 })).toBe('Writing the CSV logs: 1,200 of 5,000 rows (24%)');
  });
  it('gives bytes in the zip stage', () => {
    expect(formatExportProgress({ ...running, stage: 'zip', done: 1024 * 1024, total: 4 * 1024 * 1024, percent: 90 })).toBe('Compressing the ZIP: 1.0 MB of 4.0 MB (90%)');
  });
  it('leaves the counter out when there is none', () => {
    expect(formatExportProgress({ ...running, stage: 'preparing', done: 0, total: 0, percent: 0 })).toBe('Preparing (0%)');
    expect(formatExportProgress({ ...running, stage: 'pdf', done: 3, total: 9, percent: 70 })).toBe('Writing the PDF report (70%)');
  });
  it('says how a finished export ended', () => {
    expect(formatExportProgress({ state: 'done', stage: 'done', done: 0, total: 0, percent: 100, error: null })).toBe('Finished (100%)');
    expect(formatExportProgress({ state: 'cancelled', stage: 'csv', done: 0, total: 0, percent: 40, error: null })).toContain('Cancelled');
    expect(formatExportProgress({ state: 'failed', stage: 'zip', done: 0, total: 0, percent: 80, error: 'disk full' })).toBe('Failed: disk full');
  });
});

describe('clampPercent and formatStageCounter', () => {
  it('keeps percent whole and within 0 to 100', () => {
    expect(clampPercent(-3)).toBe(0);
    expect(clampPercent(101)).toBe(100);
    expect(clampPercent(Number.NaN)).toBe(0);
    expect(clampPercent(99.9)).toBe(99);
  });
  it('has no counter without a total', () => {
    expect(formatStageCounter('csv', 5, 0)).toBeNull();
  });
});
