// Page object: one session's page (facts, stock used, payments, amendments; amend, void, pay, print).
import type { Page } from '@playwright/test';

export class SessionDetailPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: /^Session #\d+$/ });
  readonly dialog = () => this.page.getByRole('dialog');
  readonly needles = () => this.page.getByRole('table', { name: 'Needles used' });
  readonly amendments = () => this.page.getByRole('region', { name: 'Amendments' });
  readonly badge = (text: string) => this.page.getByRole('main').getByText(text, { exact: true });

  async void(reason: string, refund = true): Promise<void> {
    await this.page.getByRole('button', { name: 'Void', exact: true }).click();
    await this.dialog().getByLabel('Reason').fill(reason);
    const refundBox = this.dialog().getByRole('checkbox', { name: /^Refund the/ });
    if (await refundBox.count()) await refundBox.setChecked(refund);
    await this.dialog().getByRole('button', { name: 'Void session' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}
