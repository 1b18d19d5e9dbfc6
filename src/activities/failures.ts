import { ApplicationFailure } from '@temporalio/activity';
import { PolarDbApiError } from '../polardb/errors';

/**
 * Throttling answers get a longer pause than the default backoff, so many pipelines back off together.
 * Process-wide because flow control is per account, not per pipeline; set once by `createActivities`.
 */
let throttledRetryDelayMs = 20_000;

/** Sets the pause after a throttled call (worker configuration `POLARDB_THROTTLED_RETRY_DELAY_MS`). */
export function setThrottledRetryDelay(ms: number): void {
  throttledRetryDelayMs = ms;
}

/**
 * Turns whatever an activity caught into the failure Temporal records: classified API errors keep
 * their kind as the failure type and their retry verdict; anything else is an unexpected bug and is
 * retried by the policy (its message is already free of secrets only if it never touched the client).
 */
export function toActivityFailure(error: unknown): Error {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof PolarDbApiError) {
    return ApplicationFailure.create({
      message: error.message,
      type: error.verdict.kind,
      nonRetryable: !error.verdict.retryable,
      nextRetryDelay: error.verdict.kind === 'Throttled' ? throttledRetryDelayMs : undefined,
      details: [
        {
          action: error.action,
          code: error.code,
          httpStatus: error.httpStatus,
          requestId: error.requestId,
          ambiguous: error.verdict.ambiguous,
        },
      ],
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs `work`, converting any failure with {@link toActivityFailure}. */
export async function asActivity<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toActivityFailure(error);
  }
}
