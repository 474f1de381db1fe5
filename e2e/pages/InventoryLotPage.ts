// Page object: a lot's detail page (facts, actions, movements) and its recall trace page.
import type { Locator, Page } from '@playwright/test';

export class InventoryLotPage {
  constructor(private readonly page: Page) {}

  readonly facts = () => this.page.getByLabel('Lot facts');
  readonly actions = () => this.page.getByRole('group', { name: 'Lot actions' });
  readonly dialog = () => this.page.getByRole('dialog');
  readonly movements = (lotNumber: string) => this.page.getByRole('table', { name: `Movements of lot ${lotNumber}` });
  readonly traceUses = (lotNumber: string) => this.page.getByRole('table', { name: `Uses of lot ${lotNumber}` });
  readonly traceSummary = () => this.page.getByLabel('Trace summary');

  movementRow(lotNumber: string, kind: string): Locator {
    return this.movements(lotNumber).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) });
  }

  async act(action: string): Promise<void> {
    await this.actions().getByRole('button', { name: action, exact: true }).click();
  }

  async recordUse(quantity: string): Promise<void> {
    await this.act('Record use');
    await this.dialog().getByLabel(/^Quantity/).fill(quantity);
    await this.dialog().getByRole('button', { name: 'Record use' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async recall(noticeReference: string, note?: string): Promise<void> {
    await this.act('Recall');
    await this.dialog().getByLabel("Manufacturer's notice reference").fill(noticeReference);
    if (note) await this.dialog().getByLabel('Note').fill(note);
    await this.dialog().getByRole('button', { name: 'Recall lot' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}
