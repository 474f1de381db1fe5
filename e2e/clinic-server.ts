// Starts the real `clinic-ops web` server on a fresh clinic file and hands back the address it printed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const projectRoot = join(__dirname, '..');
const cli = join(projectRoot, 'bin', 'clinic-ops.js');
const startTimeoutMs = 20_000;

export interface RunningClinic {
  /** The address to open, with this run's token in the fragment. */
  openUrl: string;
  dbPath: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
}

export interface ClinicServerHandle extends RunningClinic {
  stop(): Promise<void>;
}

/** Seeded once per run (global setup removes the previous run's), then copied: seeding takes seconds, a copy none. */
export const demoTemplatePath = join(projectRoot, 'test-results', 'demo-template', 'clinic.sqlite3');

/** `clinic-ops seed-demo` into a new file: the demo clinic, made through the same API the app uses. */
export function seedDemoClinic(dbPath: string): void {
  if (!existsSync(demoTemplatePath)) {
    mkdirSync(dirname(demoTemplatePath), { recursive: true });
    // Seeded under a private name and renamed when complete, so a second run never copies a half-made file.
    const partial = join(dirname(demoTemplatePath), `seeding-${process.pid}-${Date.now()}`, 'clinic.sqlite3');
    const result = spawnSync(process.execPath, [cli, 'seed-demo', '--db', partial], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`seed-demo failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    if (!existsSync(demoTemplatePath)) renameSync(partial, demoTemplatePath);
    rmSync(dirname(partial), { recursive: true, force: true });
  }
  copyFileSync(demoTemplatePath, dbPath);
}

export async function startClinicServer(options: { seedDemo?: boolean } = {}): Promise<ClinicServerHandle> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-ops-e2e-'));
  const dbPath = join(dataDir, 'clinic.sqlite3');
  try {
    if (options.seedDemo) seedDemoClinic(dbPath);
    const child = spawn(process.execPath, [cli, 'web', '--db', dbPath, '--port', '0'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const openUrl = await waitForOpenUrl(child, () => output);
    return {
      openUrl,
      dbPath,
      output: () => output,
      stop: async () => {
        await stopProcess(child);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function waitForOpenUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`clinic-ops web printed no address within ${startTimeoutMs} ms:\n${output()}`));
    }, startTimeoutMs);
    const onData = () => {
      const url = /(http:\/\/\S+#token=\S+)/.exec(output())?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(url);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`clinic-ops web exited (code ${code}) before it was ready:\n${output()}`));
    });
  });
}

/** SIGTERM lets the server close the clinic file cleanly; SIGKILL if it does not stop in time. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
