// Serves the built renderer (dist/renderer) on app://clinic-ops/ through protocol.handle, never a path outside it.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { appHost } from './app-origin';
import { appResponseHeaders } from './security';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export type AppProtocolHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(rendererDir: string): AppProtocolHandler {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Only GET is served.');
    const url = new URL(request.url);
    if (url.hostname !== appHost) return textResponse(404, 'Not found.');
    const file = await resolveFile(root, url.pathname);
    if (file === 'outside' || file === 'missing') return textResponse(404, 'Not found.');
    if (file === 'not_built') return textResponse(500, 'The renderer is not built: run `npm run build` first.');
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        ...appResponseHeaders,
        'Content-Type': mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      },
    });
  };
}

/** Maps a URL path to a file under root; client-side routes (no extension) get index.html. */
export async function resolveFile(root: string, urlPath: string): Promise<string | 'outside' | 'missing' | 'not_built'> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return 'outside';
  }
  if (pathname.includes('\0')) return 'outside';
  const candidate = resolve(root, `.${pathname.startsWith('/') ? pathname : `/${pathname}`}`);
  // Refuse .., %2e%2e, encoded separators and absolute paths: whatever they resolve to must stay under root.
  if (candidate !== root && !candidate.startsWith(root + sep)) return 'outside';
  if (await isFile(candidate)) return candidate;
  if (extname(pathname) !== '') return 'missing';
  const index = resolve(root, 'index.html');
  return (await isFile(index)) ? index : 'not_built';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...appResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}
