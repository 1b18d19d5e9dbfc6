import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './demo';
import { isLoopbackHost } from './loopback';
import { DEFAULT_RATE_LIMIT, RateLimitError, parseRateLimit } from './throttle/rate-limiter';

import type { LifecycleDurations } from './actions/types';
import type { RequestLogEntry } from './log/request-log';
import type { RateLimit } from './throttle/token-bucket';

/** How to start an emulator. Every field is optional; the defaults give a memory-only demo emulator. */
export interface EmulatorOptions {
  /** Loopback address to listen on; anything else is refused. Default `127.0.0.1`. */
  host?: string;
  /** 0 (the default) picks a free port; read it back from `RunningEmulator.port`. */
  port?: number;
  /**
   * JSON state file, rewritten atomically after every mutation and loaded at start, so a restart loses nothing.
   * Seeded with the demo cluster and datasets only when the file does not exist. Undefined = memory only.
   */
  stateFile?: string;
  /** AccessKeyId → AccessKeySecret. Default: the demo key only. */
  accessKeys?: Record<string, string>;
  /** How long a new task stays `Creating`, then `ACTIVATION`/`RUNNING`, before it ends. Defaults 2000 / 8000 ms. */
  lifecycle?: { creatingMs?: number; runningMs?: number };
  /** The clock for lifecycles, request dates, nonces, STS expiry and flow control. Default `Date.now`. */
  now?: () => number;
  /**
   * Flow control for every (AccessKey, action) pair, until `setRateLimit` changes it. Default 50 requests/s with
   * a burst of 100, which no ordinary test meets.
   */
  rateLimit?: RateLimit;
  /** Called with each request log entry as it is recorded (the CLI prints them). */
  onRequest?: (entry: RequestLogEntry) => void;
}

/** Options with defaults applied and values checked. */
export interface ResolvedOptions {
  host: string;
  port: number;
  stateFile?: string;
  accessKeys: ReadonlyMap<string, string>;
  lifecycle: LifecycleDurations;
  now: () => number;
  rateLimit: RateLimit;
  onRequest?: (entry: RequestLogEntry) => void;
}

/** Default lifecycle: short enough for a demo, long enough to watch a poller see every state. */
export const DEFAULT_LIFECYCLE: LifecycleDurations = { creatingMs: 2000, runningMs: 8000 };

/** Options that cannot work (non-loopback host, bad port, empty key...). */
export class EmulatorOptionsError extends Error {
  override readonly name = 'EmulatorOptionsError';
}

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new EmulatorOptionsError(`${name} must be a non-negative integer.`);
  return value;
}

function rateLimitOf(limit: RateLimit | undefined): RateLimit {
  if (limit === undefined) return DEFAULT_RATE_LIMIT;
  try {
    return parseRateLimit(limit);
  } catch (error) {
    throw new EmulatorOptionsError(error instanceof RateLimitError ? error.message : String(error));
  }
}

/** Applies defaults and refuses unusable options; messages never include a secret. */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host))
    throw new EmulatorOptionsError(`Refusing to listen on ${host}: only loopback addresses are allowed.`);

  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EmulatorOptionsError(`Port ${port} is not valid.`);

  const accessKeys = new Map(Object.entries(options.accessKeys ?? { [DEMO_ACCESS_KEY_ID]: DEMO_ACCESS_KEY_SECRET }));
  if (accessKeys.size === 0) throw new EmulatorOptionsError('At least one access key is needed.');
  for (const [id, secret] of accessKeys) {
    if (!/^[\w.-]+$/.test(id))
      throw new EmulatorOptionsError('An AccessKey id may hold letters, digits, ".", "_" and "-" only.');
    if (secret === '') throw new EmulatorOptionsError(`The secret of AccessKey ${id} is empty.`);
  }

  return {
    host,
    port,
    ...(options.stateFile !== undefined && { stateFile: options.stateFile }),
    accessKeys,
    lifecycle: {
      creatingMs: duration('lifecycle.creatingMs', options.lifecycle?.creatingMs, DEFAULT_LIFECYCLE.creatingMs),
      runningMs: duration('lifecycle.runningMs', options.lifecycle?.runningMs, DEFAULT_LIFECYCLE.runningMs),
    },
    now: options.now ?? Date.now,
    rateLimit: rateLimitOf(options.rateLimit),
    ...(options.onRequest && { onRequest: options.onRequest }),
  };
}
