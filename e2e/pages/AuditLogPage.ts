// Page object: the Audit log area (chain status, filters, event table, paging).
import type { Locator, Page } from '@playwright/test';
import { escapeRegExp } from './escape-reg-exp';

export class AuditLogPage {
  constructor(private readonly page: Page) {}

  readonly chainStatus = () => this.page.getByRole('group', { name: 'Audit chain status' });
  readonly table = () => this.page.getByRole('table', { name: 'Audit events' });
  /** Event rows only (the header row has no cells). */
  readonly eventRows = (): Locator => this.table().locator('tbody > tr').filter({ has: this.page.getByRole('button', { name: /details of event/ }) });
  readonly filters = () => this.page.getByRole('search', { name: 'Audit log filters' });
  readonly pager = () => this.page.getByRole('navigation', { name: 'Audit log pages' });

  /** The row of the newest event matching an action and entity ("update", "staff #2"; a staff entity also shows the name). */
  eventRow(action: string, entity: string): Locator {
    return this.eventRows()
      .filter({ has: this.page.getByRole('cell', { name: action, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: new RegExp(`^${escapeRegExp(entity)}( \\(.*\\))?$`) }) })
      .first();
  }

  async filterBy(filter: { entityType?: string; action?: string; staff?: string; from?: string; to?: string }): Promise<void> {
    const filters = this.filters();
    if (filter.entityType !== undefined) await filters.getByLabel('Entity type').selectOption({ label: filter.entityType });
    if (filter.action !== undefined) await filters.getByLabel('Action').selectOption({ label: filter.action });
    if (filter.staff !== undefined) await filters.getByLabel('Staff member').selectOption({ label: filter.staff });
    if (filter.from !== undefined) await filters.getByLabel('From').fill(filter.from);
    if (filter.to !== undefined) await filters.getByLabel('To').fill(filter.to);
  }

  async showDetails(seq: number | string): Promise<void> {
    await this.page.getByRole('button', { name: `Show details of event #${seq}` }).click();
  }
}
