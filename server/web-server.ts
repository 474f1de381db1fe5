// Browser transport: a loopback HTTP server that carries the API and serves the built renderer.
// It binds 127.0.0.1 only and demands a per-run token; Host and Origin are checked against DNS rebinding and CSRF.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { dispatch } from '../db/api/dispatch';
import type { ApiErrorBody, ApiErrorCode } from '../db/api/errors';
import type { AppEnvironment } from '../db/api/handler-context';
import { apiCatalogue } from './api-catalogue';
import { contentSecurityPolicy } from '../db/api/content-security-policy';

export const maxRequestBodyBytes = 1024 * 1024;

export interface WebServerOptions {
  env: AppEnvironment;
  rendererDir: string;
  port?: number;
  /** Fixed only by tests; otherwise 32 random bytes per run. */
  token?: string;
}

export interface RunningWebServer {
  url: string;
  /** The URL to open: carries the token in the fragment, which browsers never send to a server. */
  openUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const statusByCode: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_signed_in: 401,
  locked: 423,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  storage_full: 507,
  database_busy: 503,
  database_damaged: 503,
  internal: 500,
};

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererRoot = resolve(options.rendererDir);
  let port = 0;

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      console.error('[clinic-ops web] request failed:', error);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'The server failed to answer.' });
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    if (!isOwnHost(req.headers.host, port)) {
      return sendError(res, 403, { code: 'forbidden', message: 'Requests must be addressed to this computer (Host header refused).' });
    }
    if (req.headers.origin !== undefined && !isOwnOrigin(req.headers.origin, port)) {
      return sendError(res, 403, { code: 'forbidden', message: 'Requests from another site are refused (Origin header refused).' });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, { code: 'forbidden', message: 'Only GET is served outside /api.' });
    }
    return serveStatic(req, res, url);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!hasToken(req.headers.authorization, tokenBytes)) {
      return sendError(res, 403, { code: 'forbidden', message: 'This API needs the token printed when the server started.' });
    }
    if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, { methods: apiCatalogue() });
    if (req.method !== 'POST') return sendError(res, 405, { code: 'invalid_input', message: 'API methods are called with POST.' });
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      return sendError(res, 415, { code: 'invalid_input', message: 'API calls must send Content-Type: application/json.' });
    }
    const body = await readBody(req);
    if (body === 'too_large') {
      return sendError(res, 413, { code: 'invalid_input', message: `The request body is larger than ${maxRequestBodyBytes} bytes.`, field: 'input' });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendError(res, 400, { code: 'invalid_input', message: 'The request body is not valid JSON.', field: 'input' });
    }
    const methodName = decodeURIComponent(url.pathname.slice('/api/'.length));
    const result = await dispatch(options.env, methodName, input);
    sendJson(res, result.ok ? 200 : statusByCode[result.error.code], result);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendError(res, 400, { code: 'invalid_input', message: 'The path is not valid.' });
    }
    if (pathname.includes('\0')) return sendError(res, 400, { code: 'invalid_input', message: 'The path is not valid.' });
    const candidate = resolve(rendererRoot, `.${pathname}`);
    // Never serve anything outside the renderer folder (.., %2e%2e, absolute paths).
    if (candidate !== rendererRoot && !candidate.startsWith(rendererRoot + sep)) {
      return sendError(res, 404, { code: 'not_found', message: 'Not found.' });
    }
    let file = candidate;
    let stat = statOrNull(file);
    if (!stat?.isFile()) {
      // Client-side routes (no file extension) get the app; missing assets get 404.
      if (extname(pathname) !== '') return sendError(res, 404, { code: 'not_found', message: 'Not found.' });
      file = resolve(rendererRoot, 'index.html');
      stat = statOrNull(file);
      if (!stat?.isFile()) {
        return sendError(res, 500, { code: 'internal', message: 'The renderer is not built: run `npm run build` first.' });
      }
    }
    res.writeHead(200, {
      'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Constant-time comparison of the bearer token. */
export function hasToken(authorization: string | undefined, expected: Buffer): boolean {
  if (!authorization?.startsWith('Bearer ')) return false;
  const given = Buffer.from(authorization.slice('Bearer '.length));
  // Compare equal-length buffers so the time taken does not reveal where they differ.
  const padded = Buffer.alloc(expected.length);
  given.copy(padded, 0, 0, Math.min(given.length, expected.length));
  return timingSafeEqual(padded, expected) && given.length === expected.length;
}

function readBody(req: IncomingMessage): Promise<string | 'too_large'> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxRequestBodyBytes) {
      req.resume();
      return resolveBody('too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? 'too_large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(res, status, { ok: false, error });
}
