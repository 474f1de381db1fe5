// The dependency rule: the renderer reaches only pure modules of db/ at run time, never Node, SQLite or Electron.
import { describe, expect, it } from 'vitest';

// Vite reads the sources as text, so this check needs no Node APIs.
const rendererSources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
const dbSources = import.meta.glob<string>(['../db/**/*.ts', '!../db/**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
const sources: Record<string, string> = { ...rendererSources, ...dbSources };

const forbidden = /^(node:|better-sqlite3$|electron$|fs$|path$|crypto$|child_process$)/;

/** Specifiers this module needs at run time (`import type` and `export type` vanish when compiled). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  const dynamic = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(statement)) found.push(match[2] as string);
  for (const match of source.matchAll(dynamic)) found.push(match[1] as string);
  return found;
}

function resolveRelative(fromFile: string, specifier: string): string | null {
  // Segments relative to this file's folder; a leading '..' climbs out of renderer/.
  const parts = fromFile.split('/').slice(0, -1).filter((segment) => segment !== '.');
  for (const segment of specifier.split('/')) {
    if (segment === '..') {
      if (parts.length === 0 || parts[parts.length - 1] === '..') parts.push('..');
      else parts.pop();
    } else if (segment !== '.') parts.push(segment);
  }
  const base = parts.join('/');
  // import.meta.glob keys are relative to this file: './x' inside renderer, '../db/x' for db.
  const key = base.startsWith('..') ? base : `./${base}`;
  return [key, `${key}.ts`, `${key}.tsx`, `${key}/index.ts`].find((candidate) => candidate in sources) ?? null;
}

describe('renderer dependency rule', () => {
  it('finds the sources it checks', () => {
    expect(Object.keys(rendererSources).length).toBeGreaterThan(20);
    expect('../db/api/contract.ts' in dbSources).toBe(true);
  });

  it('reaches no Node, SQLite or Electron module from any renderer file', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    const queue = Object.keys(rendererSources);
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of runtimeImports(sources[file] ?? '')) {
        if (forbidden.test(specifier)) problems.push(`${file} imports ${specifier}`);
        if (!specifier.startsWith('.')) continue;
        if (/\.(css|html)(\?|$)/.test(specifier)) continue;
        const target = resolveRelative(file, specifier);
        if (target === null) problems.push(`${file}: cannot resolve ${specifier}`);
        else queue.push(target);
      }
    }
    expect(problems).toEqual([]);
  });

  it('recognises the import forms it must follow', () => {
    expect(runtimeImports("import { a } from './a';\nimport type { B } from './b';\nexport { c } from './c';\nimport './d.css';\nconst e = () => import('./e');")).toEqual([
      './a',
      './c',
      './d.css',
      './e',
    ]);
  });
});
