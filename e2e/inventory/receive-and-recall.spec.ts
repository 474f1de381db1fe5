// Journey: a new clinic builds its catalogue, receives a two-line delivery (one line from a scanned GS1 DataMatrix),
// sees on hand change, records use, recalls the lot and downloads the recall trace as CSV.
import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/AppFrame';
import { FirstRunScreen } from '../pages/FirstRunScreen';
import { InventoryCataloguePage } from '../pages/InventoryCataloguePage';
import { InventoryLotPage } from '../pages/InventoryLotPage';
import { InventoryPage } from '../pages/InventoryPage';
import { InventoryReceivePage } from '../pages/InventoryReceivePage';

const GS = '\u001d';
/** GTIN 09506000134352 (valid check digit), lot LOT-7/B ended by a group separator, expiry 2028-01-31, serial X1. */
const needleBoxCode = `0109506000134352` + `10LOT-7/B` + GS + `17280131` + `21X1`;

const screenshotDir = process.env.INVENTORY_SCREENSHOTS;

test('receive a scanned two-line delivery, see on hand change, recall the lot and download its trace', async ({ page, clinic, cspViolations }) => {
  const frame = new AppFrame(page);
  const inventory = new InventoryPage(page);
  const catalogue = new InventoryCataloguePage(page);
  const receive = new InventoryReceivePage(page);
  const lot = new InventoryLotPage(page);

  await page.goto(clinic.openUrl);
  await new FirstRunScreen(page).setUp({ clinicName: 'Harbor Street Physio', timeZone: 'America/New_York', managerName: 'Morgan Blake' });
  await expect(frame.pageHeading()).toHaveText('Dashboard');

  // The catalogue: one needle product and one glove, added through the item form.
  await frame.goTo('Inventory');
  await expect(inventory.heading()).toHaveText('Inventory');
  await inventory.goTo('Catalogue');
  await expect(inventory.heading()).toHaveText('Catalogue');
  await catalogue.addNeedle({ name: 'Seirin J-Type 0.16x30mm', manufacturer: 'Seirin', diameterMm: '0.16', gauge: '34', lengthMm: '30', reorderPoint: '200', parLevel: '1000' });
  await catalogue.addSupply({ kind: 'PPE', category: 'Exam gloves', name: 'Nitrile exam gloves M', unit: 'glove', unitsPerPack: '200', size: 'M', material: 'nitrile', reorderPoint: '100', parLevel: '800' });
  await expect(catalogue.row('Seirin J-Type 0.16x30mm')).toContainText('0.16 × 30 mm');
  await expect(catalogue.row('Nitrile exam gloves M')).toContainText('size M');

  // Nothing on hand yet.
  await inventory.goTo('Overview');
  await expect(inventory.itemRow('Seirin J-Type 0.16x30mm')).toContainText('0 needles');
  await expect(inventory.itemRow('Seirin J-Type 0.16x30mm')).toContainText('Out of usable stock');

  // Receive: line 1 from the scanner. The GTIN is new, so the app asks once which item it is.
  await inventory.goTo('Receive stock');
  await expect(inventory.heading()).toHaveText('Receive stock');
  await receive.fillHeader({ supplier: 'Lhasa OMS', reference: 'PO-1001' });
  await receive.scan(1, needleBoxCode);
  await expect(receive.linkDialog()).toBeVisible();
  await receive.linkDialog().getByLabel('Item for GTIN 09506000134352').selectOption({ label: 'Seirin J-Type 0.16x30mm' });
  await receive.linkDialog().getByRole('button', { name: 'Link and fill line' }).click();
  await expect(receive.linkDialog()).toBeHidden();
  await expect(receive.field('Lot', 1)).toHaveValue('LOT-7/B');
  await expect(receive.field('Expiry', 1)).toHaveValue('2028-01-31');
  await expect(receive.field('Item', 1)).toHaveValue(/\d+/);
  // The cursor waits on the quantity; Enter walks the line and, from Condition, starts line 2.
  await expect(receive.field('Quantity', 1)).toBeFocused();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter'); // → Counted in (boxes)
  await page.keyboard.press('Enter'); // → Cost
  await page.keyboard.type('12.50');
  await page.keyboard.press('Enter'); // → Cost per (box)
  await page.keyboard.press('Enter'); // → Condition
  await page.keyboard.press('Enter'); // → new line 2, scan field
  await expect(receive.field('Scan', 2)).toBeFocused();

  // Line 2 typed by hand, first with a quantity the API would refuse: the error names line 2's quantity.
  await receive.field('Item', 2).selectOption({ label: 'Nitrile exam gloves M' });
  await receive.field('Lot', 2).fill('G-2291');
  await receive.field('Quantity', 2).fill('0');
  await receive.saveWithKeyboard();
  await expect(receive.errorSummary()).toContainText('Line 2, quantity: must be more than zero');
  await expect(receive.field('Quantity', 2)).toHaveAccessibleDescription('must be more than zero');
  await expect(receive.field('Quantity', 2)).toBeFocused();
  await receive.field('Quantity', 2).fill('2');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/receive.png`, fullPage: true });
  await receive.saveWithKeyboard();
  await expect(receive.receivedSummary()).toContainText('Lot LOT-7/B of Seirin J-Type 0.16x30mm: 500 needles on hand');
  await expect(receive.receivedSummary()).toContainText('Lot G-2291 of Nitrile exam gloves M: 400 gloves on hand');

  // The overview shows the new stock.
  await inventory.goTo('Overview');
  await expect(inventory.itemRow('Seirin J-Type 0.16x30mm')).toContainText('500 needles');
  await expect(inventory.itemRow('Seirin J-Type 0.16x30mm')).toContainText('Stocked');
  await expect(inventory.itemRow('Nitrile exam gloves M')).toContainText('400 gloves');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/overview-fresh.png`, fullPage: true });

  // The item's lots, then the lot: record a use so the trace has something to list.
  await inventory.itemRow('Seirin J-Type 0.16x30mm').getByRole('link', { name: /^Lots of Seirin/ }).click();
  await expect(inventory.heading()).toHaveText('Lots of Seirin J-Type 0.16x30mm');
  await expect(inventory.lotRow('LOT-7/B')).toContainText('2028-01-31');
  await inventory.openLot('LOT-7/B');
  await expect(inventory.heading()).toHaveText('Lot LOT-7/B');
  await lot.recordUse('6');
  await expect(lot.movementRow('LOT-7/B', 'Used')).toContainText('−6');
  await expect(lot.movementRow('LOT-7/B', 'Used')).toContainText('494');
  await expect(lot.movementRow('LOT-7/B', 'Received')).toContainText('Supplier: Lhasa OMS');
  await expect(lot.movementRow('LOT-7/B', 'Received')).toContainText('Morgan Blake');

  // Recall: the lot is pulled from use and the trace opens.
  await lot.recall('SEIRIN-FSN-2026-01', 'Manufacturer letter: possible seal failure');
  await expect(inventory.heading()).toHaveText('Recall trace: lot LOT-7/B');
  await expect(lot.traceSummary()).toContainText('SEIRIN-FSN-2026-01');
  await expect(lot.traceSummary()).toContainText('Recalled');
  await expect(lot.traceUses('LOT-7/B').getByRole('row')).toHaveCount(3); // header, one use, totals
  await expect(lot.traceUses('LOT-7/B')).toContainText('Morgan Blake');
  if (screenshotDir) {
    await page.screenshot({ path: `${screenshotDir}/trace.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${screenshotDir}/trace-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('recall-trace-LOT-7_B.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('lot_number,item,expiry_date,use_date,quantity,session_id,chart_number,therapist,recorded_by,reversed');
  expect(csv).toContain('LOT-7/B');
  expect(csv).toContain('Seirin J-Type 0.16x30mm');

  // Back on the lot: recalled stock is not a dead end: return and destroy come first, use is gone.
  await page.getByRole('link', { name: 'Back to lot' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Recalled: do not use on a patient' })).toBeVisible();
  await expect(lot.actions().getByRole('button', { name: 'Return to supplier' })).toBeVisible();
  await expect(lot.actions().getByRole('button', { name: 'Destroy' })).toBeVisible();
  await expect(lot.actions().getByRole('button', { name: 'Record use' })).toHaveCount(0);
  await expect(lot.movementRow('LOT-7/B', 'Recalled')).toContainText('Notice: SEIRIN-FSN-2026-01');
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/lot-detail.png`, fullPage: true });

  expect(cspViolations).toEqual([]);
});

test('a known GTIN fills the line without asking, the bracketed form reads too, and bad lines name their fields', async ({ page, clinic }) => {
  const frame = new AppFrame(page);
  const inventory = new InventoryPage(page);
  const catalogue = new InventoryCataloguePage(page);
  const receive = new InventoryReceivePage(page);

  await page.goto(clinic.openUrl);
  await new FirstRunScreen(page).setUp({ clinicName: 'Harbor Street Physio', timeZone: 'America/New_York', managerName: 'Morgan Blake' });
  await frame.goTo('Inventory');
  await inventory.goTo('Catalogue');
  // The item form checks with the contract's schema before sending.
  await page.getByRole('button', { name: 'Add item' }).click();
  await catalogue.dialog().getByLabel('Diameter (mm)').fill('3');
  await catalogue.dialog().getByRole('button', { name: 'Add item' }).click();
  await expect(catalogue.dialog().getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('must not be empty');
  await expect(catalogue.dialog().getByLabel('Diameter (mm)')).toHaveAccessibleDescription('must be at most 2 mm');
  await catalogue.dialog().getByRole('button', { name: 'Cancel' }).click();
  await catalogue.addNeedle({ name: 'Seirin J-Type 0.16x30mm', diameterMm: '0.16', lengthMm: '30' });
  await page.getByRole('button', { name: 'Edit Seirin J-Type 0.16x30mm' }).click();
  await catalogue.dialog().getByLabel('Par level (units)').fill('2000');
  await catalogue.dialog().getByRole('button', { name: 'Save changes' }).click();
  await expect(catalogue.row('Seirin J-Type 0.16x30mm')).toContainText('2,000');
  await inventory.goTo('Receive stock');

  // An unreadable code is refused beside the scan field.
  await receive.scan(1, '0109506000134353');
  await expect(receive.field('Scan', 1)).toHaveAccessibleDescription(/could not read this code: GTIN 09506000134353 has a wrong check digit/);

  // Link the GTIN once on line 1 ...
  await receive.field('Scan', 1).fill('');
  await receive.scan(1, `0109506000134352${'10A-1'}${GS}17290630`);
  await receive.linkDialog().getByLabel('Item for GTIN 09506000134352').selectOption({ label: 'Seirin J-Type 0.16x30mm' });
  await receive.linkDialog().getByRole('button', { name: 'Link and fill line' }).click();
  await expect(receive.field('Lot', 1)).toHaveValue('A-1');

  // ... and the next box, in the human-readable bracketed form, fills line 2 without asking.
  await receive.form().getByRole('button', { name: 'Add line' }).click();
  await receive.scan(2, '(01)09506000134352(17)270600(10)B-2(21)77');
  await expect(receive.linkDialog()).toHaveCount(0);
  await expect(receive.field('Lot', 2)).toHaveValue('B-2');
  await expect(receive.field('Expiry', 2)).toHaveValue('2027-06-30');
  await expect(receive.field('Item', 2)).toHaveValue(await receive.field('Item', 1).inputValue());

  // Bad input: no supplier, an expiry before the receipt date, fractional and absurd quantities, a negative cost.
  await receive.fillHeader({ receivedOn: '2025-03-01', supplier: ' ' });
  await receive.field('Expiry', 1).fill('2025-02-01');
  await receive.field('Quantity', 1).fill('1.5');
  await receive.field('Cost ($)', 1).fill('-2');
  await receive.field('Quantity', 2).fill('2000000');
  await receive.field('Counted in', 2).selectOption({ label: 'Needles' });
  await receive.form().getByRole('button', { name: 'Save delivery' }).click();
  const summary = receive.errorSummary();
  await expect(summary).toContainText('Supplier: must not be empty');
  await expect(summary).toContainText('Line 1, expiry: the expiry 2025-02-01 is before the receipt date 2025-03-01');
  await expect(summary).toContainText('Line 1, quantity: must be a whole number');
  await expect(summary).toContainText('Line 1, cost: must not be negative');
  await expect(summary).toContainText('Line 2, quantity: is more than 1,000,000');
  await expect(receive.field('Expiry', 1)).toHaveAccessibleDescription(/before the receipt date/);

  // Remove line 2 by keyboard, fix line 1 and save; a receipt date after today is refused by the API beside its field.
  await receive.form().getByRole('button', { name: 'Remove line 2' }).press('Enter');
  await expect(receive.field('Scan', 2)).toHaveCount(0);
  await receive.fillHeader({ receivedOn: '2099-01-01', supplier: 'Lhasa OMS' });
  await receive.field('Expiry', 1).fill('2099-06-30');
  await receive.field('Quantity', 1).fill('1');
  await receive.field('Cost ($)', 1).fill('');
  await receive.saveWithKeyboard();
  await expect(receive.form().getByLabel('Received on')).toHaveAccessibleDescription(/is after today/);
});
