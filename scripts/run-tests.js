#!/usr/bin/env node
// `npm test`: unit/integration tests (vitest) then browser journeys (Playwright), and one closing line
// "N passed, N failed" summing both suites (the line CI reads).
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const resultsDir = join(root, 'test-results');
const unitJson = join(resultsDir, 'unit-results.json');
const e2eJson = join(resultsDir, 'e2e-results.json');
const only = process.argv[2]; // "unit" or "e2e" to run one suite

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

if (only !== 'e2e') {
  rmSync(unitJson, { force: true });
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
  const report = readJson(unitJson);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  }
  // A runner that failed with no failed test (it crashed, or an error escaped the tests) still counts as a failure.
  if (status !== 0 && (!report || report.numFailedTests === 0)) totals.failed += 1;
  if (status !== 0) exitCode = 1;
}

if (only !== 'unit') {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html')) || !existsSync(join(root, 'out', 'server', 'cli.js'))) {
    if (run('npm', ['run', 'build']) !== 0) exitCode = 1;
  }
  rmSync(e2eJson, { force: true });
  const status = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  const report = readJson(e2eJson);
  if (report && report.stats) {
    totals.passed += report.stats.expected + (report.stats.flaky ?? 0);
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
  }
  if (status !== 0 && (!report || !report.stats || report.stats.unexpected === 0)) totals.failed += 1;
  if (status !== 0) exitCode = 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
