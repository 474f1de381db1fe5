// Page object: the Staff area (table, add/edit dialogs, PIN, deactivate, act as).
import type { Locator, Page } from '@playwright/test';

export interface NewStaffMember {
  name: string;
  role: 'Manager' | 'Therapist' | 'Front desk' | 'Auditor (read-only)';
  jobTitle?: string;
  pin?: string;
}

export class StaffPage {
  constructor(private readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Staff', exact: true });
  readonly row = (name: string): Locator => this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  readonly addButton = () => this.page.getByRole('button', { name: 'Add staff member' });
  readonly dialog = () => this.page.getByRole('dialog');

  async openAddDialog(): Promise<void> {
    await this.addButton().click();
  }

  async fillNewMember(member: NewStaffMember): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByLabel('Name').fill(member.name);
    await dialog.getByLabel('Role').selectOption({ label: member.role });
    if (member.jobTitle) await dialog.getByLabel('Job title').fill(member.jobTitle);
    if (member.pin) await dialog.getByLabel('PIN (optional)').fill(member.pin);
  }

  async addStaffMember(member: NewStaffMember): Promise<void> {
    await this.openAddDialog();
    await this.fillNewMember(member);
    await this.dialog().getByRole('button', { name: 'Add staff member' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async editStaffMember(name: string, changes: { name?: string; jobTitle?: string; role?: NewStaffMember['role']; reason?: string }): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${name}` }).click();
    const dialog = this.dialog();
    if (changes.name !== undefined) await dialog.getByLabel('Name').fill(changes.name);
    if (changes.role !== undefined) await dialog.getByLabel('Role').selectOption({ label: changes.role });
    if (changes.jobTitle !== undefined) await dialog.getByLabel('Job title').fill(changes.jobTitle);
    if (changes.reason !== undefined) await dialog.getByLabel('Reason for the change (optional)').fill(changes.reason);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async actAs(name: string, pin?: string): Promise<void> {
    await this.page.getByRole('button', { name: `Act as ${name}` }).click();
    if (pin !== undefined) {
      await this.dialog().getByLabel(`PIN of ${name}`).fill(pin);
      await this.dialog().getByRole('button', { name: 'Sign in' }).click();
      await this.dialog().waitFor({ state: 'detached' });
    }
  }

  async deactivate(name: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: `Deactivate ${name}` }).click();
    await this.dialog().getByLabel('Reason').fill(reason);
    await this.dialog().getByRole('button', { name: 'Deactivate' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async showInactive(): Promise<void> {
    await this.page.getByRole('switch', { name: 'Show inactive staff' }).check();
  }
}
