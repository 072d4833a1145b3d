// One run's deadline: an abort signal that fires when the Clock's timer runs out or the
// caller cancels, shared by the HTTP tests and the TCP checks.
import type { Clock } from './ports';

export interface Deadline {
  readonly signal: AbortSignal;
  /** True once the timer, not the caller, aborted the run. */
  readonly timedOut: () => boolean;
  /** Stops the timer and lets go of the caller's signal. */
  readonly dispose: () => void;
}

export function startDeadline(clock: Clock, timeoutMs: number, cancel: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let expired = false;
  const cancelTimer = clock.setTimer(timeoutMs, () => {
    expired = true;
    controller.abort();
  });
  const onCancel = () => controller.abort();
  cancel?.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose: () => {
      cancelTimer();
      cancel?.removeEventListener('abort', onCancel);
    },
  };
}
