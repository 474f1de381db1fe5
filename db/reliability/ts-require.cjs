// Lets a plain `node` child process run this project's TypeScript (crash writer, lock holder) without a build step.
// Why not out/: `tsc -p tsconfig.node.json` takes tens of seconds and fails on other areas' work in progress;
// transpiling only the modules the child loads (types stripped, no type check) is fast and always current.
// Transpiled code is cached under the OS temp folder, keyed by the source text, so later children skip TypeScript.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const cacheDir = join(tmpdir(), 'clinic-ops-ts-require-cache');
mkdirSync(cacheDir, { recursive: true });
let ts = null;

function transpile(source, filename) {
  const key = createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    ts ??= require('typescript');
    const output = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
    }).outputText;
    // Write then rename, so a child killed mid-write never leaves a torn cache entry for the next one.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, output);
    renameSync(partial, cached);
    return output;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpile(readFileSync(filename, 'utf8'), filename), filename);
};

// Usage: node ts-require.cjs <entry.ts> [args...]; the entry sees its own args from process.argv[2].
const entry = process.argv[2];
if (require.main === module && entry) {
  process.argv.splice(1, 1);
  require(require('node:path').resolve(entry));
}
