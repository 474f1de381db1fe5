// Page object: the receive-stock form (delivery header, lines with a scan field each, the GTIN link dialog).
import type { Locator, Page } from '@playwright/test';

export class InventoryReceivePage {
  constructor(private readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: 'Receive delivery' });
  readonly errorSummary = () => this.form().getByRole('alert').filter({ hasText: 'Not saved' });
  readonly receivedSummary = () => this.page.getByRole('status').filter({ hasText: 'Delivery received' });
  readonly linkDialog = () => this.page.getByRole('dialog', { name: 'Link this barcode to an item' });

  /** An input of a line, by its visible label and the line number counted from 1 ("Lot", 2 → "Lot, line 2"). */
  field(label: 'Scan' | 'Item' | 'Lot' | 'Expiry' | 'Quantity' | 'Counted in' | 'Cost ($)' | 'Cost per' | 'Condition', line: number): Locator {
    return this.form().getByLabel(`${label}, line ${line}`, { exact: true });
  }

  async fillHeader(header: { receivedOn?: string; supplier: string; reference?: string }): Promise<void> {
    if (header.receivedOn) await this.form().getByLabel('Received on').fill(header.receivedOn);
    await this.form().getByLabel('Supplier').fill(header.supplier);
    if (header.reference) await this.form().getByLabel('Invoice or PO number').fill(header.reference);
  }

  /** Types a barcode into a line's scan field key by key, as a USB scanner does, ending with Enter. */
  async scan(line: number, code: string): Promise<void> {
    const input = this.field('Scan', line);
    await input.click();
    await input.pressSequentially(code);
    await input.press('Enter');
  }

  async saveWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }
}
