// Test sizes for the reliability suite: small inside `npm test`, full when RELIABILITY_FULL=1 (npm run test:reliability).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const isFullSize = process.env.RELIABILITY_FULL === '1';

/** RELIABILITY_SEED=n shifts every seed, to explore new random cases; a failure prints the seed to replay. */
export const seedShift = Number(process.env.RELIABILITY_SEED ?? 0);

/** The CI value inside `npm test`, the full value in `npm run test:reliability`. */
export function bySize<T>(ci: T, full: T): T {
  return isFullSize ? full : ci;
}

/** A vitest timeout that grows with the run size (full runs take minutes, not seconds). */
export function timeoutMs(ciMs: number, fullMs: number): number {
  return bySize(ciMs, fullMs);
}

/**
 * Prints the figures to the test output, and at full size also writes them to
 * test-results/reliability-<name>.json, the file the issue's closing note quotes.
 */
export function reportFigures(name: string, figures: Record<string, unknown>, table?: string): void {
  const size = isFullSize ? 'full size' : 'CI size';
  console.log(`[reliability] ${name} (${size}): ${JSON.stringify(figures)}${table ? `\n${table}` : ''}`);
  if (!isFullSize) return;
  const dir = join(__dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `reliability-${name}.json`), `${JSON.stringify({ name, size, at: new Date().toISOString(), ...figures }, null, 2)}\n`);
}
