// Journeys: the Lock button and the idle timer hide everything behind the sign-in screen until someone signs in.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { SignInScreen } from '../pages/SignInScreen';

test('Lock hides the app until someone signs in, then returns to the same page', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const signIn = new SignInScreen(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Staff');
  await expect(frame.pageHeading()).toHaveText('Staff');

  await frame.lock();
  await expect(signIn.heading()).toHaveText('Locked');
  await expect(page.getByText('The PC is locked. Sign in to continue.')).toBeVisible();
  await expect(frame.navigation()).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);

  await signIn.signInAs('Dana Whitfield');
  await expect(frame.pageHeading()).toHaveText('Staff');
  await expect(frame.actingStaff()).toHaveText('Acting: Dana Whitfield (Manager)');
});

test('after the idle-lock time without keys or pointer the PC locks itself', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const signIn = new SignInScreen(page);
  await page.clock.install();
  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');

  // The demo clinic locks after the default 5 minutes.
  await page.clock.fastForward('04:00');
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  await page.clock.fastForward('01:30');
  await expect(signIn.heading()).toHaveText('Locked');
  await expect(page.getByText('The PC locked itself after being idle.')).toBeVisible();

  await signIn.signInAs('Priya Raman');
  await expect(frame.actingStaff()).toHaveText('Acting: Priya Raman (Therapist)');
});

test('someone with a PIN must type it on the sign-in screen; a wrong one is refused beside the field', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const signIn = new SignInScreen(page);
  await page.goto(seeded.openUrl);
  await frame.goTo('Staff');
  await page.getByRole('button', { name: 'PIN for Priya Raman' }).click();
  await page.getByRole('dialog').getByLabel('New PIN').fill('2580');
  await page.getByRole('dialog').getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await frame.switchUser();
  await expect(signIn.heading()).toHaveText('Sign in');
  await signIn.signInAs('Priya Raman', '0000');
  await expect(page.getByText('That PIN is not correct.')).toBeVisible();
  await expect(frame.navigation()).toHaveCount(0);
  await page.getByLabel('PIN').fill('2580');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(frame.actingStaff()).toHaveText('Acting: Priya Raman (Therapist)');
});
