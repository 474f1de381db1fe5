// Page object: the Compliance area's frame (sub-navigation, page heading) and its calendar (readiness, item groups).
import type { Locator, Page } from '@playwright/test';
import { escapeRegExp } from './escape-reg-exp';

export type ComplianceSubPage =
  | 'Calendar'
  | 'Sharps containers'
  | 'Waste pickups'
  | 'Injury log'
  | 'MDR'
  | 'Training'
  | 'Vaccination'
  | 'Plan reviews'
  | 'Credentials'
  | 'Tasks'
  | 'Inspector view';

export class CompliancePage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('main').getByRole('heading', { level: 1 });
  readonly subNavigation = () => this.page.getByRole('navigation', { name: 'Compliance pages' });
  readonly dialog = () => this.page.getByRole('dialog');

  // The calendar.
  readonly readiness = () => this.page.getByRole('status', { name: 'Inspection readiness' });
  readonly overdueItems = () => this.page.getByRole('table', { name: 'Overdue items' });
  readonly dueSoonItems = () => this.page.getByRole('table', { name: 'Items due within 30 days' });
  /** Every calendar item row, in either group. */
  readonly calendarRows = () => this.page.getByRole('main').getByRole('table').getByRole('row');

  /** Calendar item rows whose title mentions the text (a container label, a staff name). */
  calendarItemsAbout(text: string): Locator {
    return this.page
      .getByRole('main')
      .getByRole('table', { name: /^(Overdue items|Items due within 30 days)$/ })
      .getByRole('rowheader', { name: new RegExp(escapeRegExp(text)) });
  }

  async goTo(subPage: ComplianceSubPage): Promise<void> {
    await this.subNavigation().getByRole('link', { name: subPage, exact: true }).click();
  }

  async submitDialog(button: string): Promise<void> {
    await this.dialog().getByRole('button', { name: button, exact: true }).click();
  }
}
