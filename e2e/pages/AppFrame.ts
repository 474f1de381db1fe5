// Page object: the app frame around every area (header with the acting user, navigation).
import type { Page } from '@playwright/test';

export type AreaName = 'Dashboard' | 'Inventory' | 'Sessions' | 'Revenue' | 'Compliance' | 'Exports' | 'Staff' | 'Audit log' | 'Settings';

export class AppFrame {
  constructor(private readonly page: Page) {}

  readonly header = () => this.page.getByRole('banner');
  readonly actingStaff = () => this.page.getByTestId('acting-staff');
  readonly navigation = () => this.page.getByRole('navigation', { name: 'Areas' });
  readonly pageHeading = () => this.page.getByRole('main').getByRole('heading', { level: 1 });

  async goTo(area: AreaName): Promise<void> {
    await this.navigation().getByRole('link', { name: area, exact: true }).click();
  }

  async switchUser(): Promise<void> {
    await this.header().getByRole('button', { name: 'Switch user' }).click();
  }

  async lock(): Promise<void> {
    await this.header().getByRole('button', { name: 'Lock' }).click();
  }
}
