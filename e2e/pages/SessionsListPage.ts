// Page object: the sessions list (filters, table, paging, print) and one session's page.
import { expect, type Locator, type Page } from '@playwright/test';

export class SessionsListPage {
  constructor(private readonly page: Page) {}

  readonly filters = () => this.page.getByRole('search', { name: 'Session filters' });
  readonly table = () => this.page.getByRole('table', { name: 'Sessions', exact: true });
  /** Session rows only (the header row has no links). */
  readonly rows = (): Locator => this.table().locator('tbody > tr');
  readonly pager = () => this.page.getByRole('navigation', { name: 'Session pages' });
  readonly summary = () => this.page.getByText(/\d[\d,]* sessions? match/);

  async filterBy(filter: { from?: string; to?: string; therapist?: string; kind?: 'Both' | 'Plan of care' | 'Self-pay'; chartNumber?: string; includeVoided?: boolean }): Promise<void> {
    const f = this.filters();
    if (filter.from !== undefined) await f.getByLabel('From').fill(filter.from);
    if (filter.to !== undefined) await f.getByLabel('To').fill(filter.to);
    if (filter.therapist !== undefined) await f.getByLabel('Therapist').selectOption({ label: filter.therapist });
    if (filter.kind !== undefined) await f.getByLabel('Kind').selectOption({ label: filter.kind });
    if (filter.chartNumber !== undefined) await f.getByLabel('Chart number').fill(filter.chartNumber);
    if (filter.includeVoided !== undefined) {
      const toggle = f.getByRole('switch', { name: 'Include voided' });
      // The filters live in the address; the switch follows once the router has moved.
      if ((await toggle.isChecked()) !== filter.includeVoided) await toggle.click();
      await expect(toggle).toBeChecked({ checked: filter.includeVoided });
    }
  }

  /** The number of sessions the list says match its filters. */
  async total(): Promise<number> {
    const text = (await this.summary().textContent()) ?? '';
    return Number(/([\d,]+) sessions? match/.exec(text)?.[1]?.replaceAll(',', ''));
  }
}
