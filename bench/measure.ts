// Timing helpers for the benchmarks: warm up, then the median of repeated runs.
import { performance } from 'node:perf_hooks';

export interface Timing {
  medianMs: number;
  runs: number[];
}

/** Runs `fn` once to warm up, then `runs` times; returns the median wall time in milliseconds. */
export async function medianOf(runs: number, fn: () => unknown): Promise<Timing> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), runs: times };
}

/** The middle value (the upper middle of an even count); 0 for none. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

export interface FigureResult {
  figure: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineLabel: string;
  /** How the value compares with the baseline, in the terms of the figure's target (2a: dispatcher / bare, so ≥ 0.6). */
  ratio: number | null;
  target: string;
  /** Null for a figure reported without a target. */
  pass: boolean | null;
  notes?: string;
}

/** "min–max" of repeated measurements, for results.json: on a shared machine the spread matters as much as the median. */
export function spreadOf(values: number[], digits = 0): string {
  return values.length === 0 ? '' : `${round(Math.min(...values), digits)}–${round(Math.max(...values), digits)}`;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
