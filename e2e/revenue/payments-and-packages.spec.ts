// Journey: a refund is limited to what was paid; only a manager voids a payment; a package is sold, a self-pay
// visit is paid from it and its visits go down; a new price is listed as upcoming.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { RevenuePage } from '../pages/RevenuePage';
import { SessionEntryForm } from '../pages/SessionEntryForm';
import { SignInScreen } from '../pages/SignInScreen';
import { ClinicApi } from '../sessions/clinic-api';

test.setTimeout(180_000);

test('refund within what was paid, void as a manager only, sell a package and pay a visit from it, add a price', async ({ page, seeded }) => {
  const api = ClinicApi.fromOpenUrl(seeded.openUrl);
  const frame = new AppFrame(page);
  const revenue = new RevenuePage(page);
  const entry = new SessionEntryForm(page);
  const today = await api.today();
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const payment = (await api.call('revenue.listPayments', { from, to: today })).find(
    (p) => p.kind === 'payment' && p.status === 'recorded' && p.sessionId !== null && p.refundedCents === 0,
  );
  if (!payment) throw new Error('The demo clinic has no payment in the last 30 days');

  await page.goto(seeded.openUrl);
  await frame.goTo('Revenue');
  await revenue.goTo('Payments');
  await page.getByRole('button', { name: `Refund payment #${payment.id}` }).click();
  const amount = revenue.dialog().getByLabel(/^Amount to refund/);
  await expect(amount).toHaveValue((payment.amountCents / 100).toFixed(2));
  await amount.fill(((payment.amountCents + 500) / 100).toFixed(2));
  await revenue.dialog().getByLabel(/^Reason/).fill('Session cut short');
  await revenue.dialog().getByRole('button', { name: 'Refund' }).click();
  await expect(revenue.dialog()).toContainText(`must not be more than what is left to refund ($${(payment.amountCents / 100).toFixed(2)})`);
  await amount.fill('20');
  await revenue.dialog().getByRole('button', { name: 'Refund' }).click();
  await revenue.dialog().waitFor({ state: 'detached' });
  const paymentRow = revenue.payments().getByRole('row').filter({ has: page.getByRole('cell', { name: String(payment.id), exact: true }) }).first();
  await expect(paymentRow).toContainText('$20.00');
  // A payment with a refund against it cannot be voided; the refund itself can, by a manager.
  await expect(page.getByRole('button', { name: `Void payment #${payment.id}` })).toHaveCount(0);
  const refund = (await api.call('revenue.listPayments', { from: today, to: today })).find((p) => p.refundOfPaymentId === payment.id);
  await expect(page.getByRole('button', { name: `Void refund #${refund?.id}` })).toBeVisible();

  // The front desk sees no void buttons at all.
  await frame.switchUser();
  await new SignInScreen(page).signInAs('Jordan Avery');
  await frame.goTo('Revenue');
  await revenue.goTo('Payments');
  await expect(revenue.payments()).toBeVisible();
  await expect(revenue.payments().getByRole('button', { name: /^Void / })).toHaveCount(0);

  // Sell a 5-visit package, then pay a self-pay visit from it.
  await revenue.goTo('Packages');
  await page.getByRole('button', { name: 'Sell package' }).click();
  await revenue.dialog().getByLabel(/^Chart number/).fill('E2E-PK-1');
  await revenue.dialog().getByLabel(/^Price/).fill('275');
  await revenue.dialog().getByRole('button', { name: 'Sell package' }).click();
  await revenue.dialog().waitFor({ state: 'detached' });
  const packages = page.getByRole('table', { name: 'Packages' });
  await expect(packages.getByRole('row').filter({ hasText: 'E2E-PK-1' })).toContainText('5 of 5');

  await frame.goTo('Sessions');
  await entry.open();
  await entry.fill({ therapist: 'Tom Brennan', chartNumber: 'E2E-PK-1', kind: 'Self-pay', regions: ['Knee'], needles: '4', painBefore: '6', painAfter: '3' });
  await expect(entry.chartStatus('E2E-PK-1')).toContainText('5 visits: 5 of 5 visits left');
  await entry.field('Reason to proceed without consent on file').fill('Consent form signed on paper; scanning tomorrow.');
  // A chart with a package left pays from it unless the desk chooses otherwise.
  await expect(entry.form().getByRole('radio', { name: 'Use prepaid package' })).toBeChecked();
  await entry.save();
  await expect(entry.saved()).toContainText('Paid from the prepaid package.');
  await expect(entry.saved()).toContainText('No consent on file for chart E2E-PK-1');

  await frame.goTo('Revenue');
  await revenue.goTo('Packages');
  await expect(packages.getByRole('row').filter({ hasText: 'E2E-PK-1' })).toContainText('4 of 5');

  // Prices are a manager's: back to the demo manager, add next year's price.
  await frame.switchUser();
  await new SignInScreen(page).signInAs('Dana Whitfield');
  await frame.goTo('Revenue');
  await revenue.goTo('Prices');
  const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
  await page.getByRole('button', { name: 'Add price' }).click();
  await revenue.dialog().getByLabel(/^Effective from/).fill(nextYear);
  await revenue.dialog().getByLabel(/^Price per visit/).fill('70');
  await revenue.dialog().getByRole('button', { name: 'Add price' }).click();
  await revenue.dialog().waitFor({ state: 'detached' });
  const prices = page.getByRole('table', { name: 'Self-pay prices' });
  await expect(prices.getByRole('row').filter({ hasText: nextYear })).toContainText('$70.00');
  await expect(prices.getByRole('row').filter({ hasText: nextYear })).toContainText('Upcoming');
  await expect(prices.getByRole('row').filter({ hasText: 'In force' })).toContainText('$65.00');
});
