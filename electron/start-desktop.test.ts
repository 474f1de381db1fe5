// `npm start` finds Electron without triggering its download, and explains clearly when the binary is missing.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(__filename);
const launcher = join(__dirname, '..', 'bin', 'start-desktop.js');
const { findElectronBinary } = require(launcher) as { findElectronBinary(electronPackageDir?: string | null): string | null };
const scratch = mkdtempSync(join(tmpdir(), 'clinic-ops-electron-pkg-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('is null when the package has no binary (no path.txt), or path.txt names a file that is not there', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    expect(findElectronBinary(empty)).toBeNull();
    const dangling = join(scratch, 'dangling');
    mkdirSync(dangling);
    writeFileSync(join(dangling, 'path.txt'), 'electron');
    expect(findElectronBinary(dangling)).toBeNull();
    expect(findElectronBinary(null)).toBeNull();
  });

  it('is the executable under dist/ when path.txt names one that exists', () => {
    const installed = join(scratch, 'installed');
    mkdirSync(join(installed, 'dist'), { recursive: true });
    writeFileSync(join(installed, 'path.txt'), 'electron');
    writeFileSync(join(installed, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(join(installed, 'dist', 'electron'), 0o755);
    expect(findElectronBinary(installed)).toBe(join(installed, 'dist', 'electron'));
  });
});

describe('bin/start-desktop.js', () => {
  it.skipIf(findElectronBinary() !== null)('without the binary: exits 1 naming install.js and `npm run web`', () => {
    const result = spawnSync(process.execPath, [launcher], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Electron binary is not installed/);
    expect(result.stderr).toMatch(/could not be downloaded on this machine/);
    expect(result.stderr).toContain('node node_modules/electron/install.js');
    expect(result.stderr).toContain('npm run web');
  });
});
