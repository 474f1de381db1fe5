// When this window last saw the user, when it must lock, and when to tell the server the user is still there.

/** The server only sees API calls; while someone reads or types without calling, a keep-alive stops a false lock. */
export function keepAliveIntervalMs(idleLockMs: number): number {
  return Math.min(60_000, Math.floor(idleLockMs / 3));
}

export class ActivityClock {
  private lastActivityMs: number;
  private lastKeepAliveMs: number;

  constructor(nowMs: number) {
    this.lastActivityMs = nowMs;
    this.lastKeepAliveMs = nowMs;
  }

  noteActivity(nowMs: number): void {
    this.lastActivityMs = Math.max(this.lastActivityMs, nowMs);
  }

  msUntilIdle(nowMs: number, idleLockMs: number): number {
    return Math.max(0, this.lastActivityMs + idleLockMs - nowMs);
  }

  /** True when the user has been active since the last keep-alive and that one is old enough to repeat. */
  isKeepAliveDue(nowMs: number, idleLockMs: number): boolean {
    return this.lastActivityMs > this.lastKeepAliveMs && nowMs - this.lastKeepAliveMs >= keepAliveIntervalMs(idleLockMs);
  }

  noteKeepAlive(nowMs: number): void {
    this.lastKeepAliveMs = nowMs;
  }
}
