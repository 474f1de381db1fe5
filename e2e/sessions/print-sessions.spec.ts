// Journey: the sessions list for one chart, printed: on paper the app frame and filters are gone, the table is
// full width, and the PDF Chromium makes carries the chart number (its text read back from the PDF itself).
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { SessionsListPage } from '../pages/SessionsListPage';
import { ClinicApi } from './clinic-api';
import { pdfPageCount, pdfText } from './pdf-text';

test.setTimeout(180_000);

test('the sessions list prints without the app frame and the PDF names the chart', async ({ page, seeded }) => {
  const api = ClinicApi.fromOpenUrl(seeded.openUrl);
  const frame = new AppFrame(page);
  const list = new SessionsListPage(page);
  const today = await api.today();
  const recent = await api.call('sessions.list', { from: '2000-01-01', to: today, limit: 1 });
  const chartNumber = recent.sessions[0]?.chartNumber ?? '';
  const ofChart = await api.call('sessions.list', { from: '2000-01-01', to: today, chartNumber, limit: 1000 });

  await page.goto(seeded.openUrl);
  await frame.goTo('Sessions');
  await list.filterBy({ from: '2020-01-01', chartNumber });
  await expect(list.summary()).toContainText(`${ofChart.total} session`);
  await expect(list.rows()).toHaveCount(Math.min(ofChart.total, 50));

  await page.emulateMedia({ media: 'print' });
  await expect(frame.navigation()).toBeHidden();
  await expect(frame.header()).toBeHidden();
  await expect(list.filters()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the sessions list' })).toBeHidden();
  await expect(page.getByTestId('sessions-print-heading')).toHaveText(`Sessions 2020-01-01 to ${today}, chart ${chartNumber}`);
  // The table spans the page: the navigation's width is no longer kept free beside it.
  const tableBox = await list.table().boundingBox();
  const viewport = page.viewportSize();
  expect(tableBox?.x ?? 999).toBeLessThan(40);
  expect(tableBox?.width ?? 0).toBeGreaterThan((viewport?.width ?? 0) * 0.9);

  const pdf = await page.pdf({ format: 'Letter', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfPageCount(pdf)).toBeGreaterThan(0);
  const text = pdfText(pdf);
  expect(text).toContain(`chart ${chartNumber}`);
  // Where a cell wraps, the space at the line break is not drawn: compare names without spaces.
  const squeezed = text.replace(/\s+/g, '');
  expect(squeezed).toContain((recent.sessions[0]?.therapistName ?? '').replace(/\s+/g, ''));
  expect(squeezed.split(chartNumber).length - 1).toBe(1 + Math.min(ofChart.total, 50));
  expect(text).not.toContain('Record session');
  expect(text).not.toContain('Audit log');
});
