/** A request rate: `perSecond` tokens refill a bucket holding at most `burst`. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * One token bucket, driven by the emulator clock passed in (never a timer), so a test with a fake clock decides
 * exactly when tokens come back. A clock that goes backwards adds nothing.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: RateLimit,
    nowMs: number,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = nowMs;
  }

  /** Takes one token and answers 0, or takes nothing and answers the milliseconds until a token is due. */
  take(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.updatedAt);
    this.tokens = Math.min(this.limit.burst, this.tokens + (elapsed * this.limit.perSecond) / 1000);
    this.updatedAt = Math.max(this.updatedAt, nowMs);

    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.limit.perSecond));
  }
}
