// The app's own HTTP API, called from a test with the run's token, for setup and for reading the records a
// journey should have changed (stock on hand, payments). Journeys still act through the UI; nothing is stubbed.
import type { MethodInput, MethodName, MethodOutput } from '../../db/api/contract';

export class ClinicApi {
  private constructor(
    private readonly origin: string,
    private readonly token: string,
  ) {}

  /** From the address `clinic-ops web` printed (http://127.0.0.1:PORT/#token=...). */
  static fromOpenUrl(openUrl: string): ClinicApi {
    const url = new URL(openUrl);
    const token = /^#token=(.+)$/.exec(url.hash)?.[1];
    if (!token) throw new Error(`No token in ${openUrl}`);
    return new ClinicApi(url.origin, token);
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const response = await fetch(`${this.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: true; value: MethodOutput<M> } | { ok: false; error: { message: string } };
    if (!body.ok) throw new Error(`${method} failed: ${body.error.message}`);
    return body.value;
  }

  async today(): Promise<string> {
    return (await this.call('clinic.status', {})).today;
  }

  async onHand(lotId: number): Promise<number> {
    return (await this.call('inventory.lotDetail', { lotId })).lot.onHand;
  }

  /** The lot FEFO says to use next: usable (available, in date) with stock, soonest expiry first. */
  async earliestUsableLot(itemId: number): Promise<{ id: number; lotNumber: string; expiryDate: string | null }> {
    const lots = (await this.call('inventory.listLots', { itemId })).filter((l) => l.effectiveStatus === 'available' && l.onHand > 0);
    lots.sort((a, b) => (a.expiryDate ?? '9999-12-31').localeCompare(b.expiryDate ?? '9999-12-31') || a.id - b.id);
    const first = lots[0];
    if (!first) throw new Error(`No usable lot of item ${itemId}`);
    return first;
  }
}
