#!/usr/bin/env node
// Launcher for the clinic-ops command line; the TypeScript is compiled into out/ by `npm run build` (run by npm ci).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'server', 'cli.js');
if (!existsSync(cli)) {
  console.error('clinic-ops is not built yet: run `npm run build` (npm ci does it for you).');
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    if (code !== undefined && code !== 0) process.exitCode = code;
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
