// Page object: the inventory catalogue (items table and the add/edit item dialog).
import type { Page } from '@playwright/test';

export interface NewNeedleItem {
  name: string;
  manufacturer?: string;
  diameterMm: string;
  gauge?: string;
  lengthMm: string;
  reorderPoint?: string;
  parLevel?: string;
}

export interface NewSupplyItem {
  kind: 'PPE' | 'Supply';
  category: string;
  name: string;
  unit: string;
  unitsPerPack: string;
  size?: string;
  material?: string;
  reorderPoint?: string;
  parLevel?: string;
}

export class InventoryCataloguePage {
  constructor(private readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Catalogue items' });
  readonly dialog = () => this.page.getByRole('dialog');
  readonly row = (name: string) => this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });

  async addNeedle(item: NewNeedleItem): Promise<void> {
    await this.page.getByRole('button', { name: 'Add item' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('Kind').selectOption({ label: 'Needle' });
    await dialog.getByLabel('Name').fill(item.name);
    if (item.manufacturer) await dialog.getByLabel('Manufacturer').fill(item.manufacturer);
    await dialog.getByLabel('Diameter (mm)').fill(item.diameterMm);
    if (item.gauge) await dialog.getByLabel('Gauge').fill(item.gauge);
    await dialog.getByLabel('Length (mm)').fill(item.lengthMm);
    if (item.reorderPoint) await dialog.getByLabel('Reorder point (units)').fill(item.reorderPoint);
    if (item.parLevel) await dialog.getByLabel('Par level (units)').fill(item.parLevel);
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async addSupply(item: NewSupplyItem): Promise<void> {
    await this.page.getByRole('button', { name: 'Add item' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('Kind').selectOption({ label: item.kind });
    await dialog.getByLabel('Category').selectOption({ label: item.category });
    await dialog.getByLabel('Name').fill(item.name);
    await dialog.getByRole('textbox', { name: 'Unit', exact: true }).fill(item.unit);
    await dialog.getByLabel('Units per pack').fill(item.unitsPerPack);
    if (item.size) await dialog.getByLabel('Size').selectOption(item.size);
    if (item.material) await dialog.getByLabel('Material').fill(item.material);
    if (item.reorderPoint) await dialog.getByLabel('Reorder point (units)').fill(item.reorderPoint);
    if (item.parLevel) await dialog.getByLabel('Par level (units)').fill(item.parLevel);
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
