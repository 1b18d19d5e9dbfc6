import { z } from 'zod';
import { defaultTaskQueue } from '../task-queue';
import { hostPortProblem } from './host-port';
import type { HostPortRules } from './host-port';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');
/** Whole milliseconds in decimal digits: `z.coerce` would also read '0x10' or '1e3' as numbers. */
const milliseconds = (max = Number.MAX_SAFE_INTEGER, why = '') =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds')
    .transform(Number)
    .pipe(z.number().int().positive().max(max, `must be at most ${max}${why}`));
/** A `host[:port]` setting, reported with one reason only (zod would otherwise run every check on a bad value). */
const hostPort = (rules: HostPortRules, required = 'is required') =>
  z.string({ error: required }).superRefine((value, ctx) => {
    const problem = hostPortProblem(value, rules);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** Temporal matches namespace and queue names exactly, so a stray space would serve a queue no client uses. */
const temporalName = z.string().superRefine((name, ctx) => {
  if (name.trim() === '') ctx.addIssue({ code: 'custom', message: 'must not be blank (it is only whitespace)' });
  else if (name.trim() !== name) ctx.addIssue({ code: 'custom', message: 'must not start or end with whitespace' });
});

/**
 * Everything the worker reads from the environment, checked at start-up. Credentials are not here:
 * they come from the `@alicloud/credentials` default chain (ALIBABA_CLOUD_ACCESS_KEY_ID and friends),
 * so no secret ever sits in a config object that might be logged.
 */
const workerEnvironment = z.object({
  TEMPORAL_ADDRESS: hostPort({ portOptional: false, ipv6: true, example: '127.0.0.1:7233' }).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: temporalName.default('default'),
  TEMPORAL_TASK_QUEUE: temporalName.default(defaultTaskQueue),
  /** Temporal Cloud API key; TLS is switched on with it. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: booleanFlag.default(false),
  POLARDB_ENDPOINT: hostPort(
    { portOptional: true, ipv6: false, example: 'polardb.aliyuncs.com', schemeSetting: 'POLARDB_PROTOCOL' },
    'is required: host[:port] of the PolarDB OpenAPI, e.g. polardb.aliyuncs.com',
  ),
  POLARDB_PROTOCOL: z.enum(['https', 'http']).default('https'),
  POLARDB_REGION_ID: z
    .string({ error: 'is required, e.g. cn-beijing' })
    .regex(/^[a-z0-9-]+$/, 'must look like cn-beijing'),
  // Below the 90 s start-to-close timeout of the API activities, so a hung call always ends before a retry.
  POLARDB_READ_TIMEOUT_MS: milliseconds(60_000, ' (the API activities time out at 90 s)').default(30_000),
  POLARDB_CONNECT_TIMEOUT_MS: milliseconds(60_000).default(5_000),
  /**
   * How long a retried create keeps re-reading the task list before it may create again (0: not at all).
   * The look-up activity times out at 5 minutes, so the window must end well before that.
   */
  POLARDB_LIST_SETTLE_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds')
    .transform(Number)
    .pipe(z.number().max(240_000, 'must be at most 240000 (the task look-up activity times out at 5 minutes)'))
    .default(60_000),
  POLARDB_LIST_POLL_MS: milliseconds(60_000).default(10_000),
  /** Pause before retrying a call the service throttled (Throttling.*); retries stop after an hour. */
  POLARDB_THROTTLED_RETRY_DELAY_MS: milliseconds(300_000, ' (throttled calls are retried for an hour at most)').default(
    20_000,
  ),
  /** Task-queue-wide rate of PolarDB activities (each makes one to three calls); see README. */
  POLARDB_API_ACTIVITIES_PER_SECOND: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a positive number')
    .transform(Number)
    .pipe(z.number().positive())
    .default(5),
  PIPELINE_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    // Credentials in the URL would be logged with every error; sign with PIPELINE_WEBHOOK_SECRET instead.
    .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), 'must not contain a user name or password')
    .optional(),
  PIPELINE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  // Below the 30 s start-to-close timeout of the notify activity, so a slow receiver fails as a timeout of ours.
  PIPELINE_WEBHOOK_TIMEOUT_MS: milliseconds(25_000, ' (each delivery attempt times out at 30 s)').default(10_000),
});

/** The worker's validated settings. */
export type WorkerConfig = z.output<typeof workerEnvironment>;

/** A start-up configuration problem; the message names every bad variable and why. */
export class WorkerConfigError extends Error {
  override readonly name = 'WorkerConfigError';
}

/** Reads and validates the worker's environment, or throws one error naming every bad variable. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  // An empty value (common in compose files) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = workerEnvironment.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new WorkerConfigError(`Invalid worker configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.PIPELINE_WEBHOOK_SECRET && !parsed.data.PIPELINE_WEBHOOK_URL) {
    throw new WorkerConfigError(
      'Invalid worker configuration:\n  PIPELINE_WEBHOOK_SECRET: is set but PIPELINE_WEBHOOK_URL is not',
    );
  }
  return parsed.data;
}
