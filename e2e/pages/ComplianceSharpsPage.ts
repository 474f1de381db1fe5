// Page object: sharps containers (list, register), a container's detail (flags, checks, seal) and waste pickups.
import type { Locator, Page } from '@playwright/test';

export interface NewContainer {
  label: string;
  room: string;
  size: string;
  make?: string;
  capacityNeedles: string;
}

export interface NewPickup {
  containers: string[];
  hauler: string;
  manifestNumber: string;
  weight?: string;
  weightUnit?: 'lb' | 'kg';
}

export class ComplianceSharpsPage {
  constructor(private readonly page: Page) {}

  readonly dialog = () => this.page.getByRole('dialog');
  readonly containerTable = () => this.page.getByRole('table', { name: 'Sharps containers' });
  readonly roomsWithoutContainer = () => this.page.getByRole('list', { name: 'Rooms without a container' });
  readonly facts = () => this.page.getByLabel('Container facts');
  readonly flags = () => this.page.getByRole('group', { name: 'Container flags' });
  readonly actions = () => this.page.getByRole('group', { name: 'Container actions' });
  readonly checks = (label: string) => this.page.getByRole('table', { name: `Fill checks of ${label}` });
  readonly pickupTable = () => this.page.getByRole('table', { name: 'Waste pickups' });
  readonly awaitingTable = () => this.page.getByRole('table', { name: 'Sealed containers awaiting pickup' });

  containerRow(label: string): Locator {
    return this.containerTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label}\\b`) }) });
  }

  pickupRow(manifest: string): Locator {
    return this.pickupTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${manifest}`) }) });
  }

  async register(container: NewContainer): Promise<void> {
    await this.page.getByRole('button', { name: 'Register container' }).click();
    await this.dialog().getByLabel('Label').fill(container.label);
    await this.dialog().getByLabel('Room').fill(container.room);
    await this.dialog().getByLabel('Size').fill(container.size);
    if (container.make) await this.dialog().getByLabel('Make').fill(container.make);
    await this.dialog().getByLabel(/^Capacity to the fill line/).fill(container.capacityNeedles);
    await this.dialog().getByRole('button', { name: 'Register container' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async openContainer(label: string): Promise<void> {
    await this.containerTable().getByRole('link', { name: label, exact: true }).click();
  }

  async act(action: string): Promise<void> {
    await this.actions().getByRole('button', { name: action, exact: true }).click();
  }

  async recordFillCheck(level: string, options: { isUprightAndClosed?: boolean } = {}): Promise<void> {
    await this.act('Record fill check');
    await this.dialog().getByLabel('Fill level').selectOption({ label: level });
    if (options.isUprightAndClosed === false) await this.dialog().getByLabel('Upright and closed').uncheck();
    await this.dialog().getByRole('button', { name: 'Record fill check' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async recordPickup(pickup: NewPickup): Promise<void> {
    for (const label of pickup.containers) await this.dialog().getByRole('checkbox', { name: new RegExp(`^${label} `) }).check();
    await this.dialog().getByLabel('Hauler').fill(pickup.hauler);
    await this.dialog().getByLabel('Manifest or tracking number').fill(pickup.manifestNumber);
    if (pickup.weight) await this.dialog().getByLabel('Weight (if known)').fill(pickup.weight);
    if (pickup.weightUnit) await this.dialog().getByLabel('Unit').selectOption(pickup.weightUnit);
    await this.dialog().getByRole('button', { name: 'Record pickup' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}
