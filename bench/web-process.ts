// The real `clinic-ops web` in its own process, reached the way a browser reaches it: JSON over kept-alive
// loopback connections with the run's token. Used by figures that time the HTTP transport.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'bin', 'clinic-ops.js');

export interface WebProcess {
  /** POSTs one API call and returns the transport's `{ ok, value | error }` answer. */
  call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string; field?: string } }>;
  stop(): void;
}

/** `connections`: how many requests may be in flight at once (one kept-alive connection each). */
export async function startWebProcess(path: string, connections = 1): Promise<WebProcess> {
  // The daily backup would start a gigabyte copy in the background; it is not what these figures time.
  const child = spawn(process.execPath, [cli, 'web', '--db', path, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CLINIC_OPS_AUTOMATIC_BACKUPS: 'off' },
  });
  const [port, token] = await announcedAddress(child);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const web: WebProcess = {
    call: (method, input) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify(input);
        const req = request(
          {
            agent,
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/api/${method}`,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            res.on('end', () => {
              try {
                resolve(JSON.parse(text));
              } catch (error) {
                reject(new Error(`${method} answered ${res.statusCode}: ${text.slice(0, 200)} (${String(error)})`));
              }
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    stop: () => {
      agent.destroy();
      child.kill('SIGTERM');
    },
  };
  // A large file's integrity check runs on a worker thread for a few seconds after start (figure 6 times the start);
  // the figures that use this process time what comes after it.
  for (;;) {
    const status = await web.call('clinic.status', {});
    if ((status.value as { integrity?: { state: string } } | undefined)?.integrity?.state !== 'checking') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return web;
}

function announcedAddress(child: ChildProcess): Promise<[port: number, token: string]> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)/.exec(output);
      if (match) resolve([Number(match[1]), match[2] ?? '']);
    });
    child.once('exit', (code) => reject(new Error(`clinic-ops web exited ${code}: ${output}`)));
  });
}
