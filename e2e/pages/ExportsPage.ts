// Page object: the Exports page (audit bundle form and progress, past exports, accounting of disclosures).
import type { Locator, Page } from '@playwright/test';

export class ExportsPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('main').getByRole('heading', { level: 1 });
  readonly bundleForm = () => this.page.getByRole('form', { name: 'Audit bundle' });
  readonly progress = () => this.page.getByRole('group', { name: 'Export progress' });
  readonly progressBar = () => this.progress().getByRole('progressbar');
  readonly cancelButton = () => this.progress().getByRole('button', { name: 'Cancel export' });
  readonly downloadButton = () => this.progress().getByRole('button', { name: /^Download bundle/ });
  readonly manifestHash = () => this.progress().getByTestId('manifest-hash');
  readonly headHash = () => this.progress().getByTestId('head-hash');
  readonly history = () => this.page.getByRole('table', { name: 'Past exports' });
  readonly disclosures = () => this.page.getByRole('table', { name: /^Disclosures/ });
  readonly disclosureFilter = () => this.page.getByRole('search', { name: 'Disclosure filter' });

  async choosePreset(label: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Date range presets' }).getByRole('button', { name: label, exact: true }).click();
  }

  async fillBundle(fields: { from?: string; to?: string; purpose: string; recipient?: string; deidentify?: boolean }): Promise<void> {
    const form = this.bundleForm();
    if (fields.from) await form.getByLabel('From').fill(fields.from);
    if (fields.to) await form.getByLabel('To').fill(fields.to);
    if (fields.deidentify) await form.getByRole('checkbox', { name: 'De-identified' }).check();
    await form.getByRole('textbox', { name: 'Purpose' }).fill(fields.purpose);
    if (fields.recipient) await form.getByRole('textbox', { name: /^Recipient/ }).fill(fields.recipient);
  }

  async start(): Promise<void> {
    await this.bundleForm().getByRole('button', { name: 'Start export' }).click();
  }

  historyRow(purpose: string): Locator {
    return this.history().getByRole('row').filter({ hasText: purpose });
  }
}
