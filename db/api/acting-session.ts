// Who is acting at this front-desk PC right now, and when they last did something (for the idle lock).
// One per transport instance: the desktop window or the browser-mode server.
export class ActingSession {
  staffId: number | null = null;
  lastActivityMs = 0;

  signIn(staffId: number, nowMs: number): void {
    this.staffId = staffId;
    this.lastActivityMs = nowMs;
  }

  lock(): void {
    this.staffId = null;
  }

  isIdleLongerThan(idleLockMs: number, nowMs: number): boolean {
    return this.staffId !== null && nowMs - this.lastActivityMs > idleLockMs;
  }
}
