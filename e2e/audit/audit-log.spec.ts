// Journeys on the Audit log of the demo clinic: keyset paging both ways, filters, and a refused date range.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { AuditLogPage } from '../pages/AuditLogPage';
import { SignInScreen } from '../pages/SignInScreen';

test('pages older and newer through the log, and filters by staff member and action', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const audit = new AuditLogPage(page);
  const signIn = new SignInScreen(page);
  await page.goto(seeded.openUrl);

  // Two lock/sign-in rounds add four events to the demo clinic's log.
  for (let round = 0; round < 2; round++) {
    await frame.lock();
    await signIn.signInAs('Dana Whitfield');
    await expect(frame.actingStaff()).toBeVisible();
  }
  await frame.goTo('Audit log');
  // Sequence numbers are contiguous, so the newest is the event count and each page of 10 starts 10 lower.
  const total = Number((await audit.chainStatus().textContent())?.match(/(\d+) events/)?.[1]);
  expect(total).toBeGreaterThan(20);

  await audit.filters().getByLabel('Events per page').selectOption('10');
  await expect(audit.eventRows()).toHaveCount(10);
  await expect(audit.eventRows().first().getByRole('cell').first()).toHaveText(String(total));
  await expect(audit.pager().getByRole('button', { name: 'Newer' })).toBeDisabled();

  await audit.pager().getByRole('button', { name: 'Older' }).click();
  await expect(audit.pager()).toContainText('Page 2');
  await expect(audit.eventRows().first().getByRole('cell').first()).toHaveText(String(total - 10));
  await audit.pager().getByRole('button', { name: 'Older' }).click();
  await expect(audit.pager()).toContainText('Page 3');
  await expect(audit.eventRows().first().getByRole('cell').first()).toHaveText(String(total - 20));
  await audit.pager().getByRole('button', { name: 'Newer' }).click();
  await expect(audit.eventRows().first().getByRole('cell').first()).toHaveText(String(total - 10));

  await audit.pager().getByRole('button', { name: 'Newer' }).click();
  await expect(audit.pager()).toContainText('Page 1');
  await expect(audit.eventRows().first().getByRole('cell').first()).toHaveText(String(total));

  // Only the two lock rounds above logged out; a filtered page that fits shows no Older page.
  await audit.filterBy({ staff: 'Dana Whitfield', action: 'logout' });
  await expect(audit.pager()).toContainText('Page 1');
  await expect(audit.eventRows()).toHaveCount(2);
  for (const row of await audit.eventRows().all()) await expect(row).toContainText('Dana Whitfield');
  await expect(audit.pager().getByRole('button', { name: 'Older' })).toBeDisabled();

  await audit.filters().getByRole('button', { name: 'Clear filters' }).click();
  await audit.filterBy({ from: '2030-02-01', to: '2030-01-01' });
  await expect(audit.filters().getByText('must not be after the end date')).toBeVisible();
});

test('an auditor reads the log; a front-desk user is told it is closed to them', async ({ page, seeded }) => {
  const frame = new AppFrame(page);
  const signIn = new SignInScreen(page);
  await page.goto(seeded.openUrl);
  await frame.switchUser();
  await signIn.signInAs('Sam Ortiz');
  await frame.goTo('Audit log');
  await expect(new AuditLogPage(page).chainStatus()).toContainText('Chain intact');

  await frame.switchUser();
  await signIn.signInAs('Jordan Avery');
  await expect(frame.pageHeading()).toHaveText('Audit log');
  await expect(page.getByText('Managers and auditors only')).toBeVisible();
});
