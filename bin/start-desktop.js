#!/usr/bin/env node
// `npm start`: launches the built desktop app in Electron, or explains why it can't and what to run instead.
const { spawn } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const projectDir = join(__dirname, '..');

/**
 * The Electron executable, or null when it is not installed. Reads electron's path.txt instead of calling
 * require('electron'), because electron 42 tries to download the binary on require when it is missing.
 */
function findElectronBinary(electronPackageDir = electronPackageDirectory()) {
  if (!electronPackageDir) return null;
  const pathFile = join(electronPackageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronPackageDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

function electronPackageDirectory() {
  try {
    return dirname(require.resolve('electron/package.json', { paths: [projectDir] }));
  } catch {
    return null;
  }
}

const missingBinaryMessage = [
  'Clinic Ops desktop: the Electron binary is not installed.',
  '',
  'It could not be downloaded on this machine (the npm package is installed, its binary is not).',
  'Where downloads are allowed, install it with:',
  '',
  '    node node_modules/electron/install.js',
  '',
  'and run `npm start` again. Meanwhile `npm run web` opens the same app in your browser.',
].join('\n');

function main() {
  const binary = findElectronBinary();
  if (!binary) {
    console.error(missingBinaryMessage);
    return 1;
  }
  if (!existsSync(join(projectDir, 'out', 'electron', 'main.js'))) {
    console.error('The desktop app is not built yet: run `npm run build` (or `npm start`, which builds first).');
    return 1;
  }
  const child = spawn(binary, [projectDir, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
  // Ctrl+C in the terminal reaches Electron too; our exit code is Electron's.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
  return undefined;
}

module.exports = { findElectronBinary, missingBinaryMessage };

if (require.main === module) {
  const code = main();
  if (code !== undefined) process.exitCode = code;
}
