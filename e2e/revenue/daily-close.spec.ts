// Journey: the manager reconciles today (payments by method against the counted drawer) and closes it; the close
// sheet carries the audit chain's head hash and event count; a session entered for the closed day then needs
// a reason and shows as a late entry.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { RevenuePage } from '../pages/RevenuePage';
import { SessionEntryForm } from '../pages/SessionEntryForm';
import { ClinicApi } from '../sessions/clinic-api';

test.setTimeout(180_000);

test('close today with the cash counted, print the sheet with the chain witness, and see a later session marked late', async ({ page, seeded }) => {
  const api = ClinicApi.fromOpenUrl(seeded.openUrl);
  const frame = new AppFrame(page);
  const revenue = new RevenuePage(page);
  const entry = new SessionEntryForm(page);
  const today = await api.today();
  const before = await api.call('revenue.dayClose', { date: today });
  expect(before.closed).toBeNull();

  await page.goto(seeded.openUrl);
  await frame.goTo('Revenue');
  await revenue.goTo('Daily close');
  await expect(revenue.closeSheet()).toContainText('Open');
  const expectedCash = (before.summary.cashExpectedCents / 100).toFixed(2);
  await expect(revenue.closeSheet()).toContainText(`Cash expected in the drawer: $${Number(expectedCash).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);

  // A short drawer is shown as the manager types.
  await page.getByRole('button', { name: 'Close the day' }).click();
  await revenue.dialog().getByLabel('Cash counted in the drawer ($)').fill(String(Number(expectedCash) + 5));
  await expect(revenue.dialog().getByRole('status')).toContainText('over by $5.00');
  await revenue.dialog().getByLabel('Cash counted in the drawer ($)').fill(expectedCash);
  await expect(revenue.dialog().getByRole('status')).toContainText('The drawer matches');
  await revenue.dialog().getByLabel('Note').fill('Counted with the front desk.');
  await revenue.dialog().getByRole('button', { name: 'Close the day' }).click();
  await revenue.dialog().waitFor({ state: 'detached' });

  const after = await api.call('revenue.dayClose', { date: today });
  if (!after.closed) throw new Error('The day did not close');
  await expect(revenue.closing()).toContainText('Closed');
  await expect(revenue.closing()).toContainText('matched');
  await expect(page.getByTestId('close-chain-head')).toHaveText(after.closed.chainHeadHash);
  expect(after.closed.chainHeadHash).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('close-chain-count')).toHaveText(`Events: ${after.closed.chainEventCount.toLocaleString('en-US')}`);

  // The close sheet prints without the app frame, the witness on it.
  await page.emulateMedia({ media: 'print' });
  await expect(frame.navigation()).toBeHidden();
  await expect(page.getByTestId('close-chain-head')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print the close sheet' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // A session for the closed day asks why it is entered late, and says so once saved.
  await frame.goTo('Sessions');
  await entry.open();
  await expect(entry.field('Reason for entering after the day was closed')).toBeVisible();
  const recent = await api.call('sessions.list', { from: '2000-01-01', to: today, limit: 1 });
  await entry.fill({ therapist: 'Priya Raman', chartNumber: recent.sessions[0]?.chartNumber ?? '', regions: ['Calf'], needles: '4', painBefore: '5', painAfter: '2' });
  await entry.save();
  await expect(entry.field('Reason for entering after the day was closed')).toHaveAttribute('aria-invalid', 'true');
  await entry.field('Reason for entering after the day was closed').fill('Paper note found after the close.');
  await entry.save();
  await expect(entry.saved()).toContainText('recorded');

  await frame.goTo('Revenue');
  await revenue.goTo('Daily close');
  await expect(revenue.closeSheet().getByRole('table', { name: 'Late entries' })).toContainText('Paper note found after the close.');
  await expect(revenue.closeSheet().getByRole('table', { name: 'Changes since the close' })).toContainText('Plan-of-care sessions');
});
