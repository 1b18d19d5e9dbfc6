import { z } from 'zod';

import { SERVED_ACTIONS } from '../actions/names';
import { TokenBucket } from './token-bucket';

import type { RateLimit } from './token-bucket';

/** What a rate limit applies to: one served action, or `'*'` for every action without its own limit. */
export type RateLimitTarget = (typeof SERVED_ACTIONS)[number] | '*';

/** Generous enough that no ordinary test or demo meets it; throttling tests lower it. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 100 };

/** A rate limit or target that cannot be used. */
export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
}

const limitSchema = z.strictObject({
  perSecond: z.number().positive().max(1_000_000),
  burst: z.number().int().min(1).max(1_000_000),
});
const targetSchema = z.union([z.literal('*'), z.enum(SERVED_ACTIONS)]);

/** Checks an untrusted rate limit (option, admin body or test object). */
export function parseRateLimit(input: unknown): RateLimit {
  const parsed = limitSchema.safeParse(input);
  if (!parsed.success) throw new RateLimitError(`Invalid rate limit: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Checks an untrusted target. */
export function parseRateLimitTarget(input: unknown): RateLimitTarget {
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success) throw new RateLimitError(`Invalid rate limit action: ${String(input)}`);
  return parsed.data;
}

/**
 * Flow control per (AccessKey, action), as the cloud limits per account and API (§13): each pair has its own
 * token bucket, sized by the action's limit or the `'*'` limit. Changing a limit starts every bucket afresh.
 */
export class RateLimiter {
  private readonly limits = new Map<RateLimitTarget, RateLimit>();
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly initial: RateLimit) {
    this.limits.set('*', initial);
  }

  /** Sets the limit of one action or of `'*'`; `null` removes an action's own limit (not `'*'`'s). */
  set(target: RateLimitTarget, limit: RateLimit | null): void {
    parseRateLimitTarget(target);
    if (limit === null && target === '*') throw new RateLimitError('The "*" limit can be changed, not removed.');
    if (limit === null) this.limits.delete(target);
    else this.limits.set(target, parseRateLimit(limit));
    this.buckets.clear();
  }

  /** Back to the start-up limit for every action. */
  reset(): void {
    this.limits.clear();
    this.limits.set('*', this.initial);
    this.buckets.clear();
  }

  /** The limits in force, `'*'` first. */
  list(): Record<string, RateLimit> {
    return Object.fromEntries(structuredClone([...this.limits]));
  }

  /** Takes a token for one request: 0 when it may proceed, else the retry-after in ms. */
  take(accessKeyId: string, action: RateLimitTarget, nowMs: number): number {
    const key = `${accessKeyId}\n${action}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limits.get(action) ?? this.limits.get('*') ?? this.initial, nowMs);
      this.buckets.set(key, bucket);
    }
    return bucket.take(nowMs);
  }
}
