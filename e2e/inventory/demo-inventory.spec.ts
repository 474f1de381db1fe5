// Journey: the seeded demo clinic's inventory opens with its alerts, stock by item, the recalled lot and a count sheet.
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { InventoryPage } from '../pages/InventoryPage';

const screenshotDir = process.env.INVENTORY_SCREENSHOTS;

test('the demo inventory shows alerts, stock by item, a lot ledger and a count sheet', async ({ page, seeded, cspViolations }) => {
  const frame = new AppFrame(page);
  const inventory = new InventoryPage(page);
  await page.goto(seeded.openUrl);
  await expect(frame.pageHeading()).toHaveText('Dashboard');
  await frame.goTo('Inventory');
  await expect(inventory.heading()).toHaveText('Inventory');

  await expect(inventory.alerts()).toBeVisible();
  await expect(inventory.alerts().getByRole('table').first()).toBeVisible();
  await expect(inventory.stockTable()).toBeVisible();
  await expect(inventory.itemRow('Seirin J-Type 0.16x30mm')).toContainText('needles');
  await expect(inventory.itemRow('Nitrile exam gloves M')).toContainText('gloves');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/overview-demo.png`, fullPage: true });

  // Filters: needles only, then a search.
  await inventory.filters().getByLabel('Kind').selectOption({ label: 'Needle' });
  await expect(inventory.itemRow('Nitrile exam gloves M')).toHaveCount(0);
  await inventory.filters().getByLabel('Search').fill('myotech');
  await expect(inventory.stockTable().getByRole('rowheader')).toHaveCount(1);

  // The item's lots, and a lot's ledger.
  await inventory.itemRow('Myotech 0.30x50mm').getByRole('link', { name: /^Lots of Myotech/ }).click();
  await expect(inventory.heading()).toHaveText('Lots of Myotech 0.30x50mm');
  const lotNumber = (await inventory.lotsTable().getByRole('rowheader').first().textContent()) ?? '';
  await inventory.openLot(lotNumber);
  await expect(inventory.heading()).toHaveText(`Lot ${lotNumber}`);
  const movements = page.getByRole('table', { name: `Movements of lot ${lotNumber}` });
  await expect(movements.getByRole('rowheader', { name: 'Received', exact: true }).first()).toBeVisible();
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/lot-demo.png`, fullPage: false });

  // A cycle count sheet of gloves shows expected quantities and the variance as it is typed.
  await inventory.goTo('Cycle count');
  await page.getByLabel('Category').selectOption({ label: 'Exam gloves' });
  const sheet = page.getByRole('table', { name: 'Count sheet: Exam gloves' });
  await expect(sheet).toBeVisible();
  const firstCount = sheet.getByRole('textbox').first();
  await firstCount.fill('0');
  await expect(page.getByRole('status').filter({ hasText: 'lots counted' })).toContainText('1 variance');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/count.png`, fullPage: true });
  const expected = Number(((await sheet.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()) ?? '').replace(/\D/g, ''));
  await page.getByRole('button', { name: 'Commit count' }).click();
  const adjustments = page.getByRole('table', { name: 'Count adjustments' });
  await expect(adjustments.getByRole('row')).toHaveCount(2);
  await expect(adjustments).toContainText(`−${expected.toLocaleString('en-US')}`);
  expect(cspViolations).toEqual([]);
});
