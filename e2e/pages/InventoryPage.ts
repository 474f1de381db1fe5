// Page object: the Inventory area's overview (stock alerts, filters, stock by item) and its sub-navigation.
import type { Locator, Page } from '@playwright/test';

export type InventorySubPage = 'Overview' | 'Lots' | 'Receive stock' | 'Cycle count' | 'Catalogue';

export class InventoryPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('main').getByRole('heading', { level: 1 });
  readonly subNavigation = () => this.page.getByRole('navigation', { name: 'Inventory pages' });
  readonly alerts = () => this.page.getByRole('region', { name: 'Stock alerts' });
  readonly alertList = (title: RegExp | string) => this.alerts().getByRole('table', { name: title });
  readonly stockTable = () => this.page.getByRole('table', { name: 'Stock by item' });
  readonly filters = () => this.page.getByRole('search', { name: 'Inventory filters' });
  readonly lotsTable = () => this.page.getByRole('table', { name: 'Lots', exact: true });

  /** The overview row of an item (its name is the row header). */
  itemRow(name: string): Locator {
    return this.stockTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(name)}`) }) });
  }

  lotRow(lotNumber: string): Locator {
    return this.lotsTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: lotNumber, exact: true }) });
  }

  async goTo(subPage: InventorySubPage): Promise<void> {
    await this.subNavigation().getByRole('link', { name: subPage, exact: true }).click();
  }

  async openLot(lotNumber: string): Promise<void> {
    await this.page.getByRole('link', { name: lotNumber, exact: true }).first().click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
