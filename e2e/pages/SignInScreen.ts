// Page object: the sign-in / lock screen (staff list, then a PIN for staff who have one).
import type { Page } from '@playwright/test';
import { escapeRegExp } from './escape-reg-exp';

export class SignInScreen {
  constructor(private readonly page: Page) {}

  /** "Sign in", or "Locked" after Lock or the idle timer. */
  readonly heading = () => this.page.getByRole('heading', { level: 1, name: /^(Sign in|Locked)$/ });

  readonly staffChoice = (name: string) =>
    this.page.getByRole('group', { name: 'Who is using this PC?' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}\\b`) });

  async signInAs(name: string, pin?: string): Promise<void> {
    await this.staffChoice(name).click();
    if (pin !== undefined) {
      await this.page.getByLabel('PIN').fill(pin);
      await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    }
  }
}
