// Page object: the Dashboard (counts, the charts with their data tables, alerts).
import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardPage {
  constructor(private readonly page: Page) {}

  readonly countCard = (label: 'Sessions today' | 'Sessions this week' | 'Sessions this month') => this.page.getByRole('group', { name: label });
  readonly chart = (title: string) => this.page.getByRole('figure', { name: title });
  readonly dataTable = (title: string) => this.page.getByRole('table', { name: `${title}: data` });
  readonly alerts = () => this.page.getByRole('region', { name: 'Alerts', exact: true });
  readonly rangePicker = () => this.page.getByRole('group', { name: 'Chart period' });

  async count(label: 'Sessions today' | 'Sessions this week' | 'Sessions this month'): Promise<number> {
    const text = (await this.countCard(label).getByText(/^[\d,]+$/).textContent()) ?? '';
    return Number(text.replaceAll(',', ''));
  }

  /** Opens a chart's data table if it is closed. */
  async showTable(title: string): Promise<Locator> {
    const table = this.dataTable(title);
    // The toggle says whether the table is open; the table itself may still be redrawing after a range change.
    const show = this.page.getByRole('button', { name: `Show the data of ${title}` });
    const hide = this.page.getByRole('button', { name: `Hide the data of ${title}` });
    await expect(show.or(hide)).toBeVisible();
    if (await show.isVisible()) await show.click();
    await expect(table).toBeVisible();
    return table;
  }

  /** The text of a data-table cell: the row of a period label ("Nov 2026"), the column of a series ("Self-pay revenue"). */
  async cell(title: string, periodLabel: string, column: string): Promise<string> {
    const table = await this.showTable(title);
    const headers = await table.locator('thead th').allTextContents();
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`No column ${column} in ${headers.join(', ')}`);
    const row = table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: periodLabel, exact: true }) });
    return ((await row.locator('th, td').nth(index).textContent()) ?? '').trim();
  }
}

/** "$5,910.00" as cents. */
export function centsOf(money: string): number {
  const match = /^(-)?\$([\d,]+)\.(\d\d)$/.exec(money.trim());
  if (!match) throw new Error(`Not money: ${money}`);
  return (match[1] ? -1 : 1) * (Number(match[2]?.replaceAll(',', '')) * 100 + Number(match[3]));
}
