// The app:// handler serves only files under the renderer folder, with the CSP, and never anything outside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../db/api/content-security-policy';
import { createAppProtocolHandler } from './app-protocol';

const base = mkdtempSync(join(tmpdir(), 'clinic-ops-protocol-'));
const rendererDir = join(base, 'dist', 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Ops</title>');
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")');
writeFileSync(join(base, 'dist', 'secret.txt'), 'outside the renderer');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handle = createAppProtocolHandler(rendererDir);
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves index.html and assets with the CSP and the right content type', async () => {
    const page = await get('app://clinic-ops/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Clinic Ops');
    const script = await get('app://clinic-ops/assets/index-abc.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('answers client-side routes with the app, but a missing asset with 404', async () => {
    expect(await (await get('app://clinic-ops/')).text()).toContain('Clinic Ops');
    expect(await (await get('app://clinic-ops/inventory/lots')).text()).toContain('Clinic Ops');
    expect((await get('app://clinic-ops/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/%00index.html', '/%E0%A4%A']) {
      const response = await get(`app://clinic-ops${path}`);
      expect(response.status, path).not.toBe(200);
      expect(await response.text(), path).not.toContain('outside the renderer');
    }
  });

  it('refuses other hosts and methods other than GET', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://clinic-ops/index.html', 'POST')).status).toBe(405);
  });

  it('says how to build when the renderer is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'clinic-ops-empty-'));
    const response = await createAppProtocolHandler(empty)(new Request('app://clinic-ops/'));
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/npm run build/);
    rmSync(empty, { recursive: true, force: true });
  });
});
