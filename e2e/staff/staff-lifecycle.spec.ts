// Journeys on the Staff page of the demo clinic: deactivate and reactivate with reasons, PINs, act as, and refused edits.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { StaffPage } from '../pages/StaffPage';

test('deactivate needs a reason, hides the member, and reactivate brings them back', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const staff = new StaffPage(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Staff');

  await page.getByRole('button', { name: 'Deactivate Tom Brennan' }).click();
  await staff.dialog().getByLabel('Reason').fill('no');
  await staff.dialog().getByRole('button', { name: 'Deactivate' }).click();
  await expect(staff.dialog().getByText('must say why (at least 3 characters)')).toBeVisible();
  await staff.dialog().getByLabel('Reason').fill('Left the clinic');
  await staff.dialog().getByRole('button', { name: 'Deactivate' }).click();
  await expect(staff.dialog()).toBeHidden();
  await expect(staff.row('Tom Brennan')).toHaveCount(0);

  await staff.showInactive();
  await expect(staff.row('Tom Brennan')).toContainText('Inactive');
  await page.getByRole('button', { name: 'Reactivate Tom Brennan' }).click();
  await staff.dialog().getByLabel('Reason').fill('Came back part-time');
  await staff.dialog().getByRole('button', { name: 'Reactivate' }).click();
  await expect(staff.row('Tom Brennan')).toContainText('Active');
});

test('the last manager cannot be demoted: the refusal shows beside the role', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const staff = new StaffPage(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Staff');
  await page.getByRole('button', { name: 'Edit Dana Whitfield' }).click();
  await staff.dialog().getByLabel('Role').selectOption({ label: 'Therapist' });
  await staff.dialog().getByRole('button', { name: 'Save changes' }).click();
  await expect(staff.dialog().getByText('The clinic must keep at least one active manager; add or promote another first.')).toBeVisible();
  await staff.dialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(staff.row('Dana Whitfield')).toContainText('Manager');
});

test('set and clear a PIN, and act as someone without one', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const staff = new StaffPage(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Staff');

  await page.getByRole('button', { name: 'PIN for Jordan Avery' }).click();
  await staff.dialog().getByLabel('New PIN').fill('12ab');
  await staff.dialog().getByRole('button', { name: 'Save PIN' }).click();
  await expect(staff.dialog().getByText('must be 4 to 8 digits')).toBeVisible();
  await staff.dialog().getByLabel('New PIN').fill('4321');
  await staff.dialog().getByRole('button', { name: 'Save PIN' }).click();
  await expect(staff.dialog()).toBeHidden();
  await expect(staff.row('Jordan Avery').getByRole('cell').nth(2)).toHaveText('Set');

  await page.getByRole('button', { name: 'PIN for Jordan Avery' }).click();
  await staff.dialog().getByRole('button', { name: 'Clear PIN' }).click();
  await expect(staff.dialog()).toBeHidden();
  await expect(staff.row('Jordan Avery').getByRole('cell').nth(2)).toHaveText('Not set');

  await staff.actAs('Priya Raman');
  await expect(frame.actingStaff()).toHaveText('Acting: Priya Raman (Therapist)');
  // A therapist may still set their own PIN, but no one else's.
  await expect(page.getByRole('button', { name: 'PIN for Priya Raman' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'PIN for Jordan Avery' })).toHaveCount(0);
});
