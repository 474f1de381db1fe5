// Page object: the Revenue area (sections, charts, payments, outstanding, packages, prices, daily close).
import type { Page } from '@playwright/test';

export type RevenueSection = 'Charts' | 'Payments' | 'Outstanding' | 'Packages' | 'Prices' | 'Daily close';

export class RevenuePage {
  constructor(private readonly page: Page) {}

  readonly sections = () => this.page.getByRole('navigation', { name: 'Revenue sections' });
  readonly dialog = () => this.page.getByRole('dialog');
  readonly payments = () => this.page.getByRole('table', { name: 'Payments and refunds' });
  readonly closeSheet = () => this.page.getByRole('region', { name: 'Close sheet' });
  readonly closing = () => this.page.getByRole('group', { name: 'Closing' });

  async goTo(section: RevenueSection): Promise<void> {
    await this.sections().getByRole('link', { name: section, exact: true }).click();
  }

  async closeDay(cashCounted: string, note = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Close the day' }).click();
    await this.dialog().getByLabel('Cash counted in the drawer ($)').fill(cashCounted);
    if (note) await this.dialog().getByLabel('Note').fill(note);
    await this.dialog().getByRole('button', { name: 'Close the day' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}
