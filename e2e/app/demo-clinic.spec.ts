// Journey: the seeded demo clinic opens straight on the Dashboard as its demo manager.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';

test('the demo clinic opens on the Dashboard signed in as Dana Whitfield', async ({ page, seeded, cspViolations }) => {
  const frame = new AppFrame(page);
  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  await expect(frame.header()).toContainText('Riverside Physical Therapy (demo)');
  await expect(frame.actingStaff()).toHaveText('Acting: Dana Whitfield (Manager)');
  const staffByRole = page.getByRole('table', { name: 'Active staff by role' });
  await expect(staffByRole.getByRole('row', { name: 'Therapist 4' })).toBeVisible();
  await expect(staffByRole.getByRole('row', { name: 'Manager 1' })).toBeVisible();
  expect(cspViolations).toEqual([]);
});

test('every area is reachable from the keyboard', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  const expected = ['Inventory', 'Sessions', 'Revenue', 'Compliance', 'Exports', 'Staff', 'Audit log', 'Settings'];
  for (const area of expected) {
    const link = frame.navigation().getByRole('link', { name: area, exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    // An area's home page may name itself more fully ("Compliance calendar").
    await expect(frame.pageHeading()).toHaveText(new RegExp(`^${area}`));
    await expect(link).toHaveAttribute('aria-current', 'page');
  }
});
