// Journeys on Settings: the manager changes the idle lock and expiry thresholds and the clinic profile; they persist.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';

test('a manager changes settings and the clinic profile, and they are kept', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Settings');
  const settings = page.getByRole('form', { name: 'Clinic settings' });
  const profile = page.getByRole('form', { name: 'Clinic profile' });

  await settings.getByLabel('Idle lock (minutes)').fill('0');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('must be at least 1 minute')).toBeVisible();

  await settings.getByLabel('Idle lock (minutes)').fill('15');
  await settings.getByLabel('Expiry warning (days)').fill('60, 14');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('✓ Saved');
  await expect(settings.getByLabel('Expiry warning (days)')).toHaveValue('14, 60');

  await profile.getByLabel('Clinic name').fill('Riverside PT (renamed)');
  await profile.getByRole('button', { name: 'Save clinic profile' }).click();
  await expect(frame.header()).toContainText('Riverside PT (renamed)');

  // A reload keeps the session: the token stays in this tab's sessionStorage.
  await page.reload();
  await expect(frame.pageHeading()).toHaveText('Settings');
  await expect(page.getByRole('form', { name: 'Clinic settings' }).getByLabel('Idle lock (minutes)')).toHaveValue('15');
  await expect(page.getByRole('form', { name: 'Clinic settings' }).getByLabel('Expiry warning (days)')).toHaveValue('14, 60');
});

test('a therapist sees the settings but cannot change them', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Staff');
  await page.getByRole('button', { name: 'Act as Marcus Lee' }).click();
  await expect(frame.actingStaff()).toHaveText('Acting: Marcus Lee (Therapist)');
  await frame.goTo('Settings');
  await expect(page.getByText('Only a manager can change settings.')).toBeVisible();
  await expect(page.getByLabel('Idle lock (minutes)')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
});
