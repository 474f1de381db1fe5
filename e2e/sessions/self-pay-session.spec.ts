// Journey: the front desk records a self-pay session with needles from the FEFO lot and takes a card payment;
// the Dashboard's count and revenue chart move; voiding it returns the stock and the revenue.
// Setup and checks of stock read the app's own HTTP API with this run's token (see clinic-api.ts); every
// action is done through the UI.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { centsOf, DashboardPage } from '../pages/DashboardPage';
import { SessionDetailPage } from '../pages/SessionDetailPage';
import { SessionEntryForm } from '../pages/SessionEntryForm';
import { SessionsListPage } from '../pages/SessionsListPage';
import { ClinicApi } from './clinic-api';

const revenueChart = 'Self-pay revenue and the year before';
const kindChart = 'Sessions by kind';
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The first test of a run also seeds the demo clinic (about half a minute).
test.setTimeout(180_000);

test('record a self-pay session from the FEFO lot, pay by card, see the Dashboard move, void it and see stock and revenue return', async ({
  page,
  seeded,
  cspViolations,
}) => {
  const api = ClinicApi.fromOpenUrl(seeded.openUrl);
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const entry = new SessionEntryForm(page);
  const detail = new SessionDetailPage(page);
  const today = await api.today();
  const month = `${monthNames[Number(today.slice(5, 7)) - 1]} ${today.slice(0, 4)}`;
  const chartNumber = 'E2E-SP-7001';

  // What FEFO says the form must start from: the first needle product with stock, at its earliest-expiring usable lot.
  const defaults = await api.call('sessions.formDefaults', { kind: 'self_pay', date: today });
  const needle = defaults.needleItems.find((n) => n.lotId !== null);
  if (!needle) throw new Error('The demo clinic has no needle stock');
  const fefo = await api.earliestUsableLot(needle.itemId);
  const onHandBefore = await api.onHand(fefo.id);

  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  const countBefore = await dashboard.count('Sessions today');
  const monthSessionsBefore = Number(await dashboard.cell(kindChart, month, 'Self-pay'));
  const revenueBefore = centsOf(await dashboard.cell(revenueChart, month, 'Self-pay revenue'));

  await frame.goTo('Sessions');
  await entry.open();
  await expect(entry.field('Date')).toHaveValue(today);
  await entry.field('Therapist').selectOption({ label: 'Elena Sokolova' });
  await entry.fillChartNumber(chartNumber);

  // A new chart has no consent: the override reason appears; recording the consent instead removes it.
  await expect(entry.chartStatus(chartNumber)).toContainText('No consent on file');
  await expect(entry.field('Reason to proceed without consent on file')).toBeVisible();
  await entry.recordConsent('DN-CONSENT-2024-2');
  await expect(entry.chartStatus(chartNumber)).toContainText('Consent on file');
  await expect(entry.field('Reason to proceed without consent on file')).toHaveCount(0);

  // Self-pay without a good-faith estimate warns, with a button to record it.
  await entry.kind('Self-pay');
  await expect(entry.chartStatus(chartNumber)).toContainText('No good-faith estimate on file');
  await entry.recordGoodFaithEstimate();
  await expect(entry.chartStatus(chartNumber)).toContainText('Good-faith estimate on file');

  await entry.addRegion('Upper back / trapezius');
  // The needle line starts from the earliest-expiring usable lot, with its expiry shown.
  await expect(entry.needleProduct(1)).toHaveValue(String(needle.itemId));
  await expect(entry.needleLot(1)).toHaveValue(String(fefo.id));
  await expect(entry.needleLot(1).locator('option:checked')).toContainText(fefo.lotNumber);
  await expect(entry.needleLot(1).locator('option:checked')).toContainText('(first to expire)');
  if (fefo.expiryDate) await expect(entry.form()).toContainText(`Expires ${fefo.expiryDate}`);
  await entry.needleQuantity(1).fill('6');
  await expect(entry.field('Needles into the sharps container')).toHaveValue('6');
  await entry.field('Pain before (0–10)').fill('7');
  await entry.field('Pain after (0–10)').fill('3');
  await entry.payNow('Card');
  await expect(entry.field('Amount ($)')).toHaveValue('65.00');
  await entry.save();

  await expect(entry.saved()).toContainText('recorded');
  await expect(entry.saved()).toContainText('Paid $65.00 by Card; balance $0.00');
  const sessionId = await entry.savedSessionId();
  expect(await api.onHand(fefo.id)).toBe(onHandBefore - 6);

  // The Dashboard's count and this month's self-pay sessions and revenue each move by this visit.
  await frame.goTo('Dashboard');
  await expect(dashboard.countCard('Sessions today')).toContainText(String(countBefore + 1));
  await expect.poll(async () => Number(await dashboard.cell(kindChart, month, 'Self-pay'))).toBe(monthSessionsBefore + 1);
  await expect.poll(async () => centsOf(await dashboard.cell(revenueChart, month, 'Self-pay revenue'))).toBe(revenueBefore + 6500);

  // Void it from its page, refunding the card payment: stock and revenue come back.
  await frame.goTo('Sessions');
  await page.getByRole('link', { name: new RegExp(`^Session #${sessionId},`) }).click();
  await expect(detail.heading()).toHaveText(`Session #${sessionId}`);
  await expect(detail.needles()).toContainText(fefo.lotNumber);
  await detail.void('Entered for the wrong chart');
  await expect(detail.badge('Voided')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Entered for the wrong chart');
  expect(await api.onHand(fefo.id)).toBe(onHandBefore);
  const payments = (await api.call('revenue.listPayments', { from: today, to: today })).filter((p) => p.sessionId === sessionId);
  expect(payments.map((p) => [p.kind, p.method, p.amountCents])).toEqual(expect.arrayContaining([['payment', 'card', 6500], ['refund', 'card', 6500]]));

  await frame.goTo('Dashboard');
  await expect(dashboard.countCard('Sessions today')).toContainText(String(countBefore));
  await expect.poll(async () => Number(await dashboard.cell(kindChart, month, 'Self-pay'))).toBe(monthSessionsBefore);
  await expect.poll(async () => centsOf(await dashboard.cell(revenueChart, month, 'Self-pay revenue'))).toBe(revenueBefore);

  // The voided session stays listed, as voided, when asked for.
  await frame.goTo('Sessions');
  const list = new SessionsListPage(page);
  await list.filterBy({ chartNumber });
  await expect(list.table()).toHaveCount(0);
  await list.filterBy({ includeVoided: true });
  await expect(list.rows()).toHaveCount(1);
  await expect(list.rows().first()).toContainText('Voided');

  expect(cspViolations).toEqual([]);
});
