// Journey on Settings → Backups: the manager backs up now, sees the copy listed with a passed check, and runs a
// restore drill whose result shows in the status.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';

const screenshotDir = process.env.EXPORTS_SCREENSHOTS;

test('back up now, see the checked copy listed, and run a restore drill', async ({ page, seeded }) => {
  test.setTimeout(120_000);
  const frame = new AppFrame(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Settings');
  const section = page.getByRole('region', { name: 'Backups' });
  await expect(section.getByRole('group', { name: 'Backup status' })).toBeVisible();

  // A passphrase too short for encryption is refused beside its field before anything runs.
  await section.getByLabel('Passphrase (optional)').fill('short');
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section.getByLabel('Passphrase (optional)')).toHaveAccessibleDescription(/must be at least 8 characters/);
  await section.getByLabel('Passphrase (optional)').fill('');

  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section.getByText('✓ Backup made and checked')).toBeVisible({ timeout: 60_000 });
  const table = section.getByRole('table', { name: 'Backups' });
  const manualRow = table.getByRole('row').filter({ hasText: 'Manual' });
  await expect(manualRow).toHaveCount(1);
  await expect(manualRow).toContainText('Check passed');
  await expect(section.getByTestId('last-good-backup')).toContainText('today');

  await section.getByRole('button', { name: 'Run restore drill' }).click();
  await expect(section.getByText('✓ Restore drill passed')).toBeVisible({ timeout: 60_000 });
  await expect(section.getByTestId('last-drill')).toContainText('Drill passed');
  await expect(section.getByTestId('last-drill')).toContainText('run by hand');

  // Restore asks for a reason and explains that the current file is kept aside before anything happens.
  await section.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  await dialog.getByRole('button', { name: 'Review restore…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(/must say why/);
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('e2e: checking the confirmation');
  await dialog.getByRole('button', { name: 'Review restore…' }).click();
  await expect(dialog).toContainText('kept aside under a new name');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/backups-restore-confirm.png` });
  await dialog.getByRole('button', { name: 'Back', exact: true }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  if (screenshotDir) {
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotDir}/backups.png`, fullPage: true });
  }
});
