import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module the contract pulls in, transitively: the renderer imports all of them. */
function transitiveImports(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
    seen.set(file, specifiers);
    for (const spec of specifiers) if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
  };
  visit(entry);
  return seen;
}

describe('the API contract', () => {
  it('is pure: nothing it imports touches SQLite, Node built-ins or Electron, so the renderer can import it', () => {
    const graph = transitiveImports(join(__dirname, 'contract.ts'));
    expect(graph.size).toBeGreaterThan(5);
    for (const [file, specifiers] of graph) {
      for (const spec of specifiers) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(better-sqlite3|node:|electron|uuid|fs|path|crypto)/);
      }
    }
  });
});
