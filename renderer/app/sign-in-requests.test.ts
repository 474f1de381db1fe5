import { describe, expect, it } from 'vitest';
import { ApiCallFailed } from '../api/client';
import { SignInRequests, signInReasonForFailure } from './sign-in-requests';

describe('SignInRequests', () => {
  it('keeps the first reason until cleared and notifies listeners once per change', () => {
    const requests = new SignInRequests();
    let notified = 0;
    const unsubscribe = requests.subscribe(() => notified++);
    requests.require('lock_button');
    requests.require('not_signed_in');
    expect(requests.current()).toBe('lock_button');
    requests.clear();
    requests.clear();
    expect(requests.current()).toBeNull();
    expect(notified).toBe(2);
    unsubscribe();
    requests.require('idle');
    expect(notified).toBe(2);
  });
});

describe('signInReasonForFailure', () => {
  it('maps only the sign-in failures', () => {
    expect(signInReasonForFailure(new ApiCallFailed({ code: 'locked', message: 'idle' }))).toBe('locked');
    expect(signInReasonForFailure(new ApiCallFailed({ code: 'not_signed_in', message: 'nobody' }))).toBe('not_signed_in');
    expect(signInReasonForFailure(new ApiCallFailed({ code: 'forbidden', message: 'no' }))).toBeNull();
    expect(signInReasonForFailure(new Error('network'))).toBeNull();
  });
});
