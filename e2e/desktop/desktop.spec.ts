// Desktop journeys through the real Electron app with a fresh profile per test; skipped, with the reason printed,
// where the Electron binary is not installed (it cannot be downloaded on every machine).
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const projectDir = join(__dirname, '..', '..');
// The same lookup `npm start` uses; it reads electron's path.txt because require('electron') would try to download.
const requireFromHere = createRequire(__filename);
const { findElectronBinary } = requireFromHere('../../bin/start-desktop.js') as { findElectronBinary(): string | null };
const electronBinary = findElectronBinary();
const skipReason = 'Electron binary not installed (cannot be downloaded on this machine): desktop e2e skipped';
if (!electronBinary) console.log(skipReason);

interface ClinicOpsWindow {
  clinicOps?: { invoke(method: string, input: unknown): Promise<unknown> };
}

test.describe('desktop app', () => {
  test.skip(!electronBinary, skipReason);

  let userDataDir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(() => {
    expect(existsSync(join(projectDir, 'out', 'electron', 'main.js')), 'run `npm run build` first').toBe(true);
    expect(existsSync(join(projectDir, 'dist', 'renderer', 'index.html')), 'run `npm run build` first').toBe(true);
  });

  test.beforeEach(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'clinic-ops-desktop-'));
    app = await _electron.launch({
      executablePath: electronBinary ?? undefined,
      args: [projectDir, `--user-data-dir=${userDataDir}`],
    });
    page = await app.firstWindow();
  });

  test.afterEach(async () => {
    await app?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens on app://clinic-ops/ and keeps the clinic file in the profile folder', async () => {
    await expect(page).toHaveTitle(/Clinic Ops/);
    expect(page.url()).toMatch(/^app:\/\/clinic-ops\//);
    expect(existsSync(join(userDataDir, 'clinic-ops.sqlite3'))).toBe(true);
  });

  test('the page sees only clinicOps.invoke, and it reaches the clinic API', async () => {
    const globals = await page.evaluate(() => ({
      bridgeKeys: Object.keys((window as ClinicOpsWindow).clinicOps ?? {}),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ bridgeKeys: ['invoke'], require: 'undefined', process: 'undefined' });
    const status = await page.evaluate(() => (window as ClinicOpsWindow).clinicOps?.invoke('clinic.status', {}));
    expect(status).toMatchObject({ ok: true, value: { isSetUp: expect.any(Boolean) } });
  });

  test('every renderer is sandboxed (app.enableSandbox) and there is one window', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('enable-sandbox'))).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('refuses to navigate away or open a remote window', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
