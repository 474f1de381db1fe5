// Page object: the session entry form (Sessions → Record session), also used to amend a session.
import type { Locator, Page } from '@playwright/test';
import { escapeRegExp } from './escape-reg-exp';

export interface NewSession {
  therapist: string;
  chartNumber: string;
  kind?: 'Plan of care' | 'Self-pay';
  regions: string[];
  needles: string;
  painBefore: string;
  painAfter: string;
}

export class SessionEntryForm {
  constructor(private readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: /^(Record a session|Amend the session)$/ });
  /** A field by its label as shown; a required field's label also carries " *". */
  readonly field = (label: string) => this.form().getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
  readonly chartStatus = (chartNumber: string) => this.page.getByRole('region', { name: `Chart ${chartNumber} on file` });
  readonly needleLot = (line = 1) => this.field(`Needle lot, line ${line}`);
  readonly needleProduct = (line = 1) => this.field(`Needle product, line ${line}`);
  readonly needleQuantity = (line = 1) => this.field(`Needles opened, line ${line}`);
  readonly saved = () => this.page.getByRole('status', { name: 'Saved session' });
  readonly dialog = () => this.page.getByRole('dialog');
  readonly saveButton = () => this.form().getByRole('button', { name: /^Save (session|amendment)$/ });

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Record session' }).click();
    await this.form().waitFor();
  }

  async kind(kind: 'Plan of care' | 'Self-pay'): Promise<void> {
    await this.form().getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
  }

  async addRegion(region: string): Promise<void> {
    const input = this.form().getByRole('combobox', { name: 'Body regions treated' });
    await input.click();
    await input.fill(region);
    await this.page.getByRole('option', { name: region, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async fillChartNumber(chartNumber: string): Promise<void> {
    await this.field('Chart number').fill(chartNumber);
    // Leaving the field checks the chart's consent, estimate and packages.
    await this.field('Chart number').blur();
    await this.chartStatus(chartNumber).waitFor();
  }

  async fill(session: NewSession): Promise<void> {
    await this.field('Therapist').selectOption({ label: session.therapist });
    await this.fillChartNumber(session.chartNumber);
    if (session.kind) await this.kind(session.kind);
    for (const region of session.regions) await this.addRegion(region);
    await this.needleQuantity(1).fill(session.needles);
    await this.field('Pain before (0–10)').fill(session.painBefore);
    await this.field('Pain after (0–10)').fill(session.painAfter);
  }

  async recordConsent(formVersion: string): Promise<void> {
    await this.form().getByRole('button', { name: 'Record consent' }).click();
    await this.dialog().getByLabel('Consent form version').fill(formVersion);
    await this.dialog().getByRole('button', { name: 'Record consent' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async recordGoodFaithEstimate(): Promise<void> {
    await this.form().getByRole('button', { name: 'Record good-faith estimate' }).click();
    await this.dialog().getByRole('button', { name: 'Record estimate' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async payNow(method: 'Cash' | 'Card' | 'HSA/FSA card' | 'Check', amount?: string): Promise<void> {
    await this.form().getByRole('radio', { name: 'Pay now' }).check();
    await this.field('Payment method').selectOption({ label: method });
    if (amount !== undefined) await this.field('Amount ($)').fill(amount);
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  /** The id in "Session #N recorded". */
  async savedSessionId(): Promise<number> {
    const text = (await this.saved().getByText(/Session #\d+ recorded/).textContent()) ?? '';
    return Number(/#(\d+)/.exec(text)?.[1]);
  }

  fieldError(label: string): Locator {
    return this.field(label);
  }
}
