// Waiting in the integration tests: always on an event, never on a fixed sleep or a polling
// loop. The timer only turns "the event never came" into a failure that says what was awaited.
import type * as vscode from 'vscode';

/** How long a test waits for an event before it fails. Generous: the first analysis also starts the server. */
export const EVENT_TIMEOUT_MS = 20_000;

/** Resolves with the first value of `event` that satisfies `predicate`. Subscribe before triggering the event. */
export function waitFor<T>(
  event: vscode.Event<T>,
  predicate: (value: T) => boolean,
  description: string,
  timeoutMs = EVENT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Resolves with `read()` as soon as it returns something other than undefined: at once when
 * the state is already there, otherwise after whichever later `event` brings it.
 */
export async function eventually<R>(
  read: () => R | undefined,
  event: vscode.Event<unknown>,
  description: string,
  timeoutMs = EVENT_TIMEOUT_MS,
): Promise<R> {
  const now = read();
  if (now !== undefined) return now;
  let value: R | undefined;
  await waitFor(event, () => (value = read()) !== undefined, description, timeoutMs);
  return value as R;
}
