import { Context } from '@temporalio/activity';

/** How often a waiting activity tells the server it is alive. */
const heartbeatEveryMs = 2_000;

/**
 * Runs `work` while heartbeating, and gives up on it as soon as the server cancels the attempt (for a
 * missed heartbeat, a timeout or a workflow cancel). A call that hangs is thereby abandoned instead of
 * holding the attempt; the client's read timeout, shorter than the attempt's start-to-close timeout,
 * guarantees the abandoned HTTP call ends before the next attempt can start one.
 */
export async function withHeartbeats<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), heartbeatEveryMs);
  try {
    return await Promise.race([work(), context.cancelled]);
  } finally {
    clearInterval(timer);
  }
}
