// Figure 6: from process start to the API answering on the ten-year file (slow checks run after, in the background).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { median, round, type FigureResult } from '../measure';

const cli = join(__dirname, '..', '..', '..', 'bin', 'clinic-ops.js');

async function startOnce(path: string): Promise<number> {
  const started = performance.now();
  // The daily backup also starts in the background at start-up; a gigabyte copy per run is not what this measures.
  const child = spawn(process.execPath, [cli, 'web', '--db', path, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLINIC_OPS_AUTOMATIC_BACKUPS: 'off' },
  });
  try {
    const openUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(output);
        if (match) resolve(output);
      });
      child.once('exit', (code) => reject(new Error(`web exited ${code}: ${output}`)));
    });
    const [, base, token] = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(openUrl) ?? [];
    const response = await fetch(`${base}/api/clinic.status`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    if (!response.ok) throw new Error(`clinic.status answered ${response.status}`);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
  }
}

export async function benchStartup(path: string, runs: number): Promise<FigureResult> {
  await startOnce(path);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await startOnce(path));
  const medianMs = median(times);
  return { figure: '6. Start-up to first API answer', value: round(medianMs, 0), unit: 'ms', baseline: null, baselineLabel: 'process start → clinic.status', ratio: null, target: '≤ 1,000 ms', pass: medianMs <= 1000 };
}
