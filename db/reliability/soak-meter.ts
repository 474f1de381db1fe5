// Measures a soak run: a caller that times every API call and counts failures by code, percentiles, and RSS.
import { performance } from 'node:perf_hooks';
import type { AppEnvironment } from '../api/handler-context';
import { ApiCallError, localCaller, type LocalCaller } from '../api/local-caller';

export class SoakMeter {
  private readonly latencies = new Map<string, number[]>();
  readonly failures = new Map<string, number>();

  /** The same typed caller the demo uses, with a stopwatch around each call. */
  caller(env: AppEnvironment): LocalCaller {
    const call = localCaller(env);
    return (async (method, input) => {
      const started = performance.now();
      try {
        return await call(method, input);
      } catch (error) {
        const code = error instanceof ApiCallError ? error.body.code : 'thrown';
        this.failures.set(`${method}:${code}`, (this.failures.get(`${method}:${code}`) ?? 0) + 1);
        throw error;
      } finally {
        this.record(method, performance.now() - started);
      }
    }) as LocalCaller;
  }

  record(method: string, ms: number): void {
    const list = this.latencies.get(method) ?? [];
    list.push(ms);
    this.latencies.set(method, list);
  }

  calls(): number {
    return [...this.latencies.values()].reduce((sum, list) => sum + list.length, 0);
  }

  summary(method: string): { calls: number; p50Ms: number; p99Ms: number; maxMs: number } {
    const sorted = [...(this.latencies.get(method) ?? [])].sort((a, b) => a - b);
    const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    return { calls: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: round(sorted.at(-1) ?? 0) };
  }

  internalFailures(): string[] {
    return [...this.failures.keys()].filter((k) => k.endsWith(':internal') || k.endsWith(':thrown'));
  }
}

export function rssMb(): number {
  return round(process.memoryUsage().rss / 1024 / 1024);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
