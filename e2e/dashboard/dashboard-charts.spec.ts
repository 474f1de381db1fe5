// Journey: the Dashboard's charts for the demo clinic: counts and charts agree with the API, a table number lists
// exactly the sessions behind it, the range picker drives the charts, and each chart downloads as CSV and PNG.
import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { DashboardPage } from '../pages/DashboardPage';
import { SessionsListPage } from '../pages/SessionsListPage';
import { ClinicApi } from '../sessions/clinic-api';

test.setTimeout(180_000);

test('the Dashboard charts match the API, drill into their sessions, follow the range and download as CSV and PNG', async ({ page, seeded, cspViolations }) => {
  const api = ClinicApi.fromOpenUrl(seeded.openUrl);
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const list = new SessionsListPage(page);
  const summary = await api.call('dashboard.summary', {});

  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  await expect(dashboard.countCard('Sessions this month')).toContainText(String(summary.sessionsThisMonth));
  await expect(dashboard.countCard('Sessions this week')).toContainText(String(summary.sessionsThisWeek));
  // The audit chain is checked on the Audit log page only (it walks every event).
  await expect(page.getByRole('group', { name: 'Audit chain status' })).toHaveCount(0);
  await expect(dashboard.alerts()).toContainText('Stock alerts');

  // Charts are figures with a title and a description, and their data as a table.
  const byKind = dashboard.chart('Sessions by kind');
  await expect(byKind).toHaveAccessibleDescription(/plan-of-care and self-pay stacked/);
  const table = await dashboard.showTable('Sessions by kind');
  await expect(table.locator('tbody tr')).toHaveCount(12);
  // The latest month with self-pay sessions (the demo data need not reach this month).
  const monthIndex = summary.monthlyCounts.findLastIndex((m) => m.selfPay > 0);
  const month = summary.monthlyCounts[monthIndex];
  if (!month) throw new Error('The demo clinic has no self-pay sessions in the last 12 months');
  const monthLabel = (await table.locator('tbody tr').nth(monthIndex).locator('th').textContent()) ?? '';
  expect(await dashboard.cell('Sessions by kind', monthLabel, 'Self-pay')).toBe(String(month.selfPay));
  expect(await dashboard.cell('Sessions by kind', monthLabel, 'All sessions')).toBe(String(month.total));
  await expect(table.locator('tfoot')).toContainText(summary.monthlyCounts.reduce((t, m) => t + m.total, 0).toLocaleString('en-US'));

  // A number in the table lists exactly the sessions behind it.
  await table.getByRole('link', { name: new RegExp(`Self-pay, ${monthLabel}: list the sessions`) }).click();
  await expect(frame.pageHeading()).toHaveText('Sessions');
  await expect(list.filters().getByLabel('Kind')).toHaveValue('self_pay');
  expect(await list.total()).toBe(month.selfPay);

  // A bar does the same: the last self-pay segment drawn is that month's (empty months draw no bar).
  await frame.goTo('Dashboard');
  await dashboard.chart('Sessions by kind').locator('.recharts-bar').nth(1).locator('path').last().click();
  await expect(frame.pageHeading()).toHaveText('Sessions');
  await expect(list.summary()).toContainText(`${month.selfPay} session`);

  // The range picker drives the charts: the last 30 days by day.
  await frame.goTo('Dashboard');
  await dashboard.rangePicker().getByLabel('Period').selectOption({ label: 'Last 30 days' });
  await expect(dashboard.rangePicker().getByLabel('Group by')).toHaveValue('day');
  await expect((await dashboard.showTable('Sessions by kind')).locator('tbody tr')).toHaveCount(30);

  // CSV: BOM, CRLF, a header and one row per day; numbers as numbers.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Sessions by kind as CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^sessions-by-kind_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv.startsWith('\uFEFFPeriod,Label,Plan of care,Self-pay,All sessions\r\n')).toBe(true);
  const csvRows = csv.trim().split('\r\n').slice(1);
  expect(csvRows).toHaveLength(30);
  expect(csvRows[0]).toMatch(/^\d{4}-\d\d-\d\d,"[A-Z][a-z]{2} \d{1,2}, \d{4}",\d+,\d+,\d+$/);

  // PNG: drawn from the chart's own SVG in a canvas.
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Sessions by kind as PNG' }).click()]);
  const png = readFileSync(await pngDownload.path());
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.length).toBeGreaterThan(5000);

  expect(cspViolations).toEqual([]);
});
