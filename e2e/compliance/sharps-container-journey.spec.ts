// Journey (issue 5): a new clinic places a sharps container, checks it at ¾ and sees the flag on the container
// and on the calendar, seals it, records the pickup, and the calendar no longer lists that container; with the plan
// review recorded the calendar goes green. Everything is done through the UI against the real server.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { CompliancePage } from '../pages/CompliancePage';
import { ComplianceSharpsPage } from '../pages/ComplianceSharpsPage';
import { FirstRunScreen } from '../pages/FirstRunScreen';

const screenshotDir = process.env.COMPLIANCE_SCREENSHOTS;

test('place a container, check it at ¾, see the flag, seal it, record the pickup and see the calendar go green for it', async ({ page, clinic, cspViolations }) => {
  const frame = new AppFrame(page);
  const compliance = new CompliancePage(page);
  const sharps = new ComplianceSharpsPage(page);

  await page.goto(clinic.openUrl);
  await new FirstRunScreen(page).setUp({ clinicName: 'Harbor Street Physio', timeZone: 'America/New_York', managerName: 'Morgan Blake' });
  await expect(frame.pageHeading()).toHaveText('Dashboard');

  // The compliance home is the calendar; a new clinic has no plan review yet, so it is not inspection-ready.
  await frame.goTo('Compliance');
  await expect(compliance.heading()).toHaveText('Compliance calendar');
  await expect(compliance.readiness()).toContainText('Not inspection-ready');
  await expect(compliance.overdueItems()).toContainText('Exposure control plan review: none on record');

  // Place a container in Room 1.
  await compliance.goTo('Sharps containers');
  await expect(compliance.heading()).toHaveText('Sharps containers');
  await sharps.register({ label: 'R1-A', room: 'Room 1', size: '2 gal', make: 'BD Home Sharps', capacityNeedles: '1000' });
  await expect(compliance.heading()).toHaveText('Sharps container R1-A');
  await expect(sharps.facts()).toContainText('In service');

  // Bad input: a check without a level is refused beside the level, and nothing is written.
  await sharps.act('Record fill check');
  await sharps.dialog().getByRole('button', { name: 'Record fill check' }).click();
  await expect(sharps.dialog().getByLabel('Fill level')).toHaveAccessibleDescription('choose the fill level');
  await sharps.dialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(sharps.checks('R1-A')).toHaveCount(0);

  // Check it at ¾ (the fill line), by keyboard only. The container is flagged until it is sealed.
  await sharps.actions().getByRole('button', { name: 'Record fill check' }).focus();
  await page.keyboard.press('Enter');
  await expect(sharps.dialog().getByLabel('Fill level')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // Choose → ¼ → ½ → ¾
  await expect(sharps.dialog().getByLabel('Fill level')).toHaveValue('three_quarter');
  await expect(sharps.dialog().getByText('At the fill line')).toBeVisible();
  await page.keyboard.press('Tab'); // → Checked on
  await page.keyboard.press('Enter'); // submits the form
  await sharps.dialog().waitFor({ state: 'detached' });
  await expect(sharps.flags()).toContainText('Fill line reached: seal it');
  await expect(sharps.checks('R1-A')).toContainText('¾ (fill line)');
  await expect(sharps.checks('R1-A')).toContainText('Morgan Blake');

  // The flag shows on the container list ...
  await compliance.goTo('Sharps containers');
  await expect(sharps.containerRow('R1-A')).toContainText('Fill line reached: seal it');
  await expect(sharps.containerRow('R1-A')).toContainText('In service');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/containers-flagged.png`, fullPage: true });

  // ... and on the calendar, as an overdue item whose link opens the container.
  await compliance.goTo('Calendar');
  await expect(compliance.overdueItems().getByRole('rowheader', { name: /^Seal and replace: R1-A \(Room 1\)/ })).toBeVisible();
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/calendar-flagged.png`, fullPage: true });
  await page.getByRole('link', { name: 'Open container: Seal and replace: R1-A (Room 1)' }).click();
  await expect(compliance.heading()).toHaveText('Sharps container R1-A');

  // Seal it. A seal date before the container was placed is refused beside the date, by the API.
  await sharps.act('Seal and remove');
  await expect(sharps.dialog().getByLabel('Level at removal')).toHaveValue('three_quarter');
  await sharps.dialog().getByLabel('Sealed on').fill('2020-01-01');
  await sharps.dialog().getByRole('button', { name: 'Seal container' }).click();
  await expect(sharps.dialog().getByLabel('Sealed on')).toHaveAccessibleDescription(/is before R1-A was placed in service/);
  // Cancel and start again: the dialog opens on today's date.
  await sharps.dialog().getByRole('button', { name: 'Cancel' }).click();
  await sharps.act('Seal and remove');
  await sharps.dialog().getByRole('button', { name: 'Seal container' }).click();
  await sharps.dialog().waitFor({ state: 'detached' });
  await expect(sharps.facts()).toContainText('Sealed, awaiting pickup');
  await expect(sharps.flags()).toHaveCount(0);
  await expect(sharps.actions().getByRole('button', { name: 'Record fill check' })).toHaveCount(0);

  // The calendar now waits for its pickup instead.
  await compliance.goTo('Calendar');
  await expect(compliance.calendarItemsAbout('Seal and replace: R1-A')).toHaveCount(0);
  await expect(compliance.dueSoonItems().getByRole('rowheader', { name: /^Awaiting pickup: R1-A \(Room 1\)/ })).toBeVisible();

  // Record the pickup: without a container it is refused beside the container list; then with R1-A.
  await compliance.goTo('Waste pickups');
  await expect(sharps.awaitingTable()).toContainText('R1-A');
  await page.getByRole('button', { name: 'Record pickup' }).click();
  await sharps.dialog().getByLabel('Hauler').fill('Stericycle');
  await sharps.dialog().getByLabel('Manifest or tracking number').fill('STC-0001');
  await sharps.dialog().getByRole('button', { name: 'Record pickup' }).click();
  await expect(sharps.dialog().getByRole('group', { name: 'Sealed containers in this pickup' })).toContainText('a pickup takes at least one sealed container');
  await sharps.recordPickup({ containers: ['R1-A'], hauler: 'Stericycle', manifestNumber: 'STC-0001', weight: '1.2', weightUnit: 'kg' });
  await expect(sharps.pickupRow('STC-0001')).toContainText('R1-A');
  await expect(sharps.pickupRow('STC-0001')).toContainText('1.2 kg');
  await expect(sharps.pickupRow('STC-0001')).toContainText('Not received yet');
  await expect(sharps.awaitingTable()).toHaveCount(0);

  // The calendar no longer lists anything about R1-A.
  await compliance.goTo('Calendar');
  await expect(compliance.readiness()).toBeVisible();
  await expect(compliance.calendarItemsAbout('R1-A')).toHaveCount(0);

  // With the plan review recorded nothing is overdue: green.
  await compliance.goTo('Plan reviews');
  await page.getByRole('button', { name: 'Record review' }).click();
  await compliance.dialog().getByLabel('Changes made').fill('No changes');
  await compliance.dialog().getByLabel('Safer devices considered').fill('No engineered-protection filiform needle is on the market; guide-tube packs kept.');
  await compliance.dialog().getByRole('radio', { name: 'Yes' }).check();
  await compliance.dialog().getByLabel('Who was consulted').fill('Priya Raman (PT)');
  await compliance.submitDialog('Record review');
  await compliance.dialog().waitFor({ state: 'detached' });
  await compliance.goTo('Calendar');
  await expect(compliance.readiness()).toContainText('Inspection-ready');
  await expect(compliance.readiness()).not.toContainText('Not inspection-ready');
  await expect(compliance.overdueItems()).toHaveCount(0);
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/calendar-green.png`, fullPage: true });

  expect(cspViolations).toEqual([]);
});
