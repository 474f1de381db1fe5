// Journey: the demo clinic's manager exports an audit bundle from the UI, follows its progress, downloads it, and
// the real verifier (`clinic-ops verify-export`) accepts it; with one byte changed, the verifier refuses it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { ExportsPage } from '../pages/ExportsPage';

const projectRoot = join(__dirname, '..', '..');
const screenshotDir = process.env.EXPORTS_SCREENSHOTS;

function verifyExport(path: string) {
  return spawnSync(process.execPath, [join(projectRoot, 'bin', 'clinic-ops.js'), 'verify-export', path], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
}

test('export a bundle for a date range, download it and verify it with clinic-ops verify-export', async ({ page, seeded }) => {
  test.setTimeout(180_000);
  const frame = new AppFrame(page);
  const exportsPage = new ExportsPage(page);
  const workDir = mkdtempSync(join(tmpdir(), 'clinic-ops-export-e2e-'));
  try {
    await page.goto(seeded.openUrl);
    await frame.goTo('Exports');
    await expect(exportsPage.heading()).toHaveText('Exports');
    await expect(page.getByText('sha256sum -c MANIFEST.txt')).toBeVisible();

    await exportsPage.choosePreset('Last 30 days');
    await expect(exportsPage.bundleForm().getByLabel('From')).not.toHaveValue('');
    // The form checks with the API's schema first: a purpose is required.
    await exportsPage.start();
    await expect(exportsPage.bundleForm().getByRole('textbox', { name: 'Purpose' })).toHaveAccessibleDescription(/must not be empty|required/);

    await exportsPage.fillBundle({ purpose: 'Annual OSHA inspection (e2e)' });
    await exportsPage.start();
    await expect(exportsPage.progress()).toBeVisible();
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/exports-progress.png`, fullPage: true });
    await expect(exportsPage.progressBar()).toBeVisible();

    await expect(exportsPage.downloadButton()).toBeVisible({ timeout: 120_000 });
    await expect(exportsPage.progress()).toContainText('Finished (100%)');
    await expect(exportsPage.manifestHash()).toHaveText(/^[0-9a-f]{64}$/);
    await expect(exportsPage.headHash()).toHaveText(/^[0-9a-f]{64}$/);
    const manifestHash = await exportsPage.manifestHash().textContent();
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/exports-done.png`, fullPage: true });

    // The export log lists it with its manifest hash.
    const row = exportsPage.historyRow('Annual OSHA inspection (e2e)');
    await expect(row).toContainText('Done');
    await expect(row).toContainText(manifestHash?.slice(0, 16) ?? 'no hash');

    const downloadPromise = page.waitForEvent('download');
    await exportsPage.downloadButton().click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const bundlePath = join(workDir, download.suggestedFilename());
    await download.saveAs(bundlePath);

    const intact = verifyExport(bundlePath);
    expect(intact.status, `${intact.stdout}\n${intact.stderr}`).toBe(0);
    expect(intact.stdout).toMatch(/^Bundle intact: \d+ checks passed\./m);

    // One changed byte in the middle of the file: the verifier must refuse the bundle.
    const bytes = readFileSync(bundlePath);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const tamperedPath = join(workDir, 'tampered.zip');
    writeFileSync(tamperedPath, bytes);
    const tampered = verifyExport(tamperedPath);
    expect(tampered.status, `${tampered.stdout}\n${tampered.stderr}`).toBe(1);
    expect(tampered.stderr).toContain('Bundle check FAILED');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});

test('a disclosure recorded by hand is listed, and found by its chart number', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const exportsPage = new ExportsPage(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Exports');

  await page.getByRole('button', { name: 'Record a disclosure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a disclosure' });
  await dialog.getByRole('button', { name: 'Record disclosure' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Chart numbers' })).toHaveAccessibleDescription(/must name at least one chart number/);
  await dialog.getByRole('textbox', { name: 'Recipient', exact: true }).fill('Seirin America (recall desk)');
  await dialog.getByRole('textbox', { name: 'Purpose' }).fill('Device recall notification');
  await dialog.getByRole('textbox', { name: 'What was sent' }).fill('Chart numbers and session dates for lot 7B');
  await dialog.getByRole('textbox', { name: 'Chart numbers' }).fill('E2E-0001, E2E-0002');
  await dialog.getByRole('button', { name: 'Record disclosure' }).click();
  await expect(dialog).toBeHidden();
  await expect(exportsPage.disclosures()).toContainText('Seirin America (recall desk)');
  await expect(exportsPage.disclosures()).toContainText('2 patients');

  await exportsPage.disclosureFilter().getByRole('textbox', { name: 'Chart number' }).fill('E2E-0002');
  await exportsPage.disclosureFilter().getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('table', { name: 'Disclosures for chart E2E-0002' })).toContainText('Device recall notification');
  await exportsPage.disclosureFilter().getByRole('textbox', { name: 'Chart number' }).fill('NOBODY-9');
  await exportsPage.disclosureFilter().getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('No disclosures for chart NOBODY-9.')).toBeVisible();
});
