// Why the sign-in screen must show right now, raised from anywhere (a refused call, the idle timer, the Lock button).
import { ApiCallFailed } from '../api/client';

export type SignInReason =
  /** The server refused a call: nobody is signed in (server restarted, staff member deactivated). */
  | 'not_signed_in'
  /** The server locked itself after idle time. */
  | 'locked'
  /** This window saw no keys or pointer for the idle-lock time. */
  | 'idle'
  /** Someone pressed Lock. */
  | 'lock_button'
  /** Someone pressed Switch user. */
  | 'switch_user';

export const signInReasonMessages: Record<SignInReason, string> = {
  not_signed_in: 'Nobody is signed in at this PC. Choose who you are.',
  locked: 'The PC locked itself after being idle. Sign in again to continue.',
  idle: 'The PC locked itself after being idle. Sign in again to continue.',
  lock_button: 'The PC is locked. Sign in to continue.',
  switch_user: 'Choose who is using this PC now.',
};

/** The reason to show when the server refused a call for want of a signed-in user; null for any other failure. */
export function signInReasonForFailure(error: unknown): SignInReason | null {
  if (!(error instanceof ApiCallFailed)) return null;
  if (error.code === 'locked') return 'locked';
  if (error.code === 'not_signed_in') return 'not_signed_in';
  return null;
}

type Listener = () => void;

/** A tiny external store, so the query cache (outside React) can ask the session gate to show the sign-in screen. */
export class SignInRequests {
  private reason: SignInReason | null = null;
  private readonly listeners = new Set<Listener>();

  current = (): SignInReason | null => this.reason;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  require(reason: SignInReason): void {
    // The first reason wins: a burst of refused calls after a lock should not replace "you pressed Lock".
    if (this.reason !== null) return;
    this.reason = reason;
    this.emit();
  }

  clear(): void {
    if (this.reason === null) return;
    this.reason = null;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
