// The packaging config is valid for the electron-builder we pin, and says what the shipped app needs.
import Ajv, { type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const require = createRequire(__filename);
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

type BuilderConfig = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  win: { target: string[] };
  mac: { target: string[]; icon: string };
  directories: { output: string };
};

const config = readJson(join(root, 'build', 'electron-builder.json')) as BuilderConfig;

/** The schema electron-builder itself validates with (draft-07). */
function compileBuilderSchema(): ValidateFunction {
  const schemaPath = join(root, 'node_modules', 'app-builder-lib', 'scheme.json');
  const schema = readJson(schemaPath) as { $schema?: string };
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // Strict mode stays on so a schema keyword ajv does not know is an error, not silently ignored. The schema
  // uses one non-standard keyword, "typeof" (for options that take a function), and union types ("type": [..]).
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(schema);
}

describe('build/electron-builder.json', () => {
  const validate = compileBuilderSchema();

  it("is valid against electron-builder's own JSON schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a config with an unknown key or a wrong type is reported invalid (so the check above can fail)', () => {
    expect(validate({ ...config, asarr: true })).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, category: 42 } })).toBe(false);
  });

  it("passes electron-builder's validateConfiguration, the check `electron-builder --config` runs first", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { oneClick: 'sometimes' } }, logger)).rejects.toThrow(/oneClick/);
  });

  it('packs the compiled app and the built renderer, without source maps or tests', () => {
    const pkg = readJson(join(root, 'package.json')) as { main: string; productName: string };
    expect(pkg.main).toBe('out/electron/main.js');
    expect(config.productName).toBe(pkg.productName);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'out/**/*', 'dist/renderer/**/*', '!out/**/*.map', '!out/**/*.test.js']));
    expect(config.directories.output).toBe('release');
  });

  it("keeps better-sqlite3's native module outside the asar and rebuilds it for Electron", () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
  });

  it('builds an NSIS installer, an AppImage and a .deb, and a dmg, with icons that exist', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(existsSync(join(root, config.mac.icon))).toBe(true);
    expect(existsSync(join(root, config.linux.icon, '512x512.png'))).toBe(true);
  });
});
