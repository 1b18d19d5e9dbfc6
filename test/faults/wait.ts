import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** A wait that ran out: the message names what never happened, so a failed run says where it stuck. */
export class WaitTimedOut extends Error {
  override readonly name = 'WaitTimedOut';
}

/** How long and how often {@link waitUntil} asks. */
export interface WaitOptions {
  /** Named in the error when the wait runs out. */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
}

/**
 * Asks `ready` until it answers true, bounded both in time and in the number of checks, so a stuck
 * pipeline or process fails the suite instead of hanging it. A check that throws counts as "not yet"
 * (the Temporal server may be restarting); its last error is quoted if the wait runs out.
 */
export async function waitUntil(ready: () => Promise<boolean> | boolean, options: WaitOptions): Promise<void> {
  const intervalMs = options.intervalMs ?? 200;
  const deadline = Date.now() + options.timeoutMs;
  const maxChecks = Math.ceil(options.timeoutMs / intervalMs) + 1;
  let lastError: unknown;

  for (let check = 0; check < maxChecks && Date.now() <= deadline; check++) {
    try {
      if (await ready()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new WaitTimedOut(`Gave up after ${options.timeoutMs} ms waiting for ${options.what}${cause}`);
}
