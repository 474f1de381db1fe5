// Locks the PC after the clinic's idle time with no keys or pointer, and keeps the server's idle clock in step meanwhile.
import { useEffect, useRef } from 'react';
import { ActivityClock } from './activity-clock';

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(idleLockMinutes: number, handlers: { onIdle: () => void; onKeepAlive: () => void }): void {
  // Handlers change every render; the timers read the latest ones without restarting.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const idleLockMs = idleLockMinutes * 60_000;
    const clock = new ActivityClock(Date.now());
    let timer: ReturnType<typeof setTimeout> | undefined;

    const schedule = () => {
      timer = setTimeout(() => {
        const remainingMs = clock.msUntilIdle(Date.now(), idleLockMs);
        if (remainingMs > 0) schedule();
        else latest.current.onIdle();
      }, clock.msUntilIdle(Date.now(), idleLockMs));
    };
    const onActivity = () => {
      const now = Date.now();
      clock.noteActivity(now);
      if (clock.isKeepAliveDue(now, idleLockMs)) {
        clock.noteKeepAlive(now);
        latest.current.onKeepAlive();
      }
    };

    schedule();
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [idleLockMinutes]);
}
