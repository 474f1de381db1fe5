// Page object: the first-run setup screen of a new clinic file.
import type { Page } from '@playwright/test';

export interface ClinicSetup {
  clinicName: string;
  address?: string;
  timeZone?: string;
  managerName: string;
  jobTitle?: string;
  pin?: string;
}

export class FirstRunScreen {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Set up your clinic' });

  async setUp(setup: ClinicSetup): Promise<void> {
    await this.page.getByLabel('Clinic name').fill(setup.clinicName);
    if (setup.address) await this.page.getByLabel('Address').fill(setup.address);
    if (setup.timeZone) await this.page.getByLabel('Time zone').selectOption(setup.timeZone);
    await this.page.getByLabel('Manager name').fill(setup.managerName);
    if (setup.jobTitle) await this.page.getByLabel('Job title').fill(setup.jobTitle);
    if (setup.pin) await this.page.getByLabel('PIN (optional)').fill(setup.pin);
    await this.page.getByRole('button', { name: 'Set up clinic' }).click();
  }
}
