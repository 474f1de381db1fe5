// Page object: the sharps injury log (filters, identities switch, the log table) and the inspector view.
import type { Locator, Page } from '@playwright/test';

export class ComplianceInjuryLogPage {
  constructor(private readonly page: Page) {}

  readonly filters = () => this.page.getByRole('search', { name: 'Injury log filters' });
  readonly log = () => this.page.getByRole('table', { name: 'Sharps injury log' });
  readonly identityColumn = () => this.log().getByRole('columnheader', { name: 'Injured employee' });
  readonly showIdentities = () => this.filters().getByRole('switch', { name: 'Show identities' });
  readonly about = () => this.page.getByRole('group', { name: 'About this log' });
  readonly identitiesShownNotice = () => this.page.getByRole('status').filter({ hasText: 'Identities shown' });
  readonly inspectorRecords = () => this.page.getByRole('table', { name: 'Records the clinic keeps' });

  entryRow(caseNumber: string): Locator {
    return this.log().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${caseNumber}`) }) });
  }

  inspectorRecord(title: string): Locator {
    return this.inspectorRecords().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${title}`) }) });
  }
}
