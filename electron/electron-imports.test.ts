// Keeps the shell testable without the Electron binary: only main.ts and preload.ts load electron's runtime,
// and the preload imports nothing else (a sandboxed preload can require only 'electron').
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
const importsOf = (source: string) =>
  [...source.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] }));

describe('electron/ imports', () => {
  it('loads the electron runtime only in main.ts and preload.ts; everything else imports its types only', () => {
    const runtimeImporters = sources.filter((name) =>
      importsOf(readFileSync(join(__dirname, name), 'utf8')).some((i) => i.from === 'electron' && !i.typeOnly),
    );
    expect(runtimeImporters.sort()).toEqual(['main.ts', 'preload.ts']);
    for (const name of sources) expect(readFileSync(join(__dirname, name), 'utf8'), name).not.toMatch(/require\(['"]electron['"]\)/);
  });

  it('preload.ts imports electron and nothing else', () => {
    const imports = importsOf(readFileSync(join(__dirname, 'preload.ts'), 'utf8'));
    expect(imports.map((i) => i.from)).toEqual(['electron']);
  });

  it('does not reach into the renderer or the browser transport', () => {
    for (const name of sources) {
      for (const { from } of importsOf(readFileSync(join(__dirname, name), 'utf8'))) {
        expect(from, `${name} imports ${from}`).not.toMatch(/(^|\/)(renderer|server)(\/|$)/);
      }
    }
  });
});
