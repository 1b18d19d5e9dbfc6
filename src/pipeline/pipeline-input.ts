import { z } from 'zod';
import { InvalidRequestError, validateCreateTaskRequest } from '../request';
import type { RequestIssue, ValidatedCreateTaskRequest } from '../request';
import type { PollingOptions } from './types';

/** Production polling: a task runs minutes to hours, so the first read waits 30 s and later ones up to 5 min. */
export const defaultPolling: Required<PollingOptions> = {
  initialIntervalSeconds: 30,
  maxIntervalSeconds: 300,
  deadlineSeconds: 7 * 24 * 3600,
};

// A floor of 0.1 s keeps a typo from turning polling into a busy loop against the account's rate limit.
const seconds = (max: number) => z.number().min(0.1).max(max);

const pollingSchema = z
  .strictObject({
    initialIntervalSeconds: seconds(3600).optional(),
    maxIntervalSeconds: seconds(3600).optional(),
    deadlineSeconds: seconds(90 * 24 * 3600).optional(),
  })
  .refine((polling) => (polling.maxIntervalSeconds ?? Infinity) >= (polling.initialIntervalSeconds ?? 0), {
    message: 'maxIntervalSeconds must not be smaller than initialIntervalSeconds',
    path: ['maxIntervalSeconds'],
  });

const optionsSchema = z.strictObject({
  request: z.unknown(),
  polling: pollingSchema.optional(),
  notify: z.boolean().optional(),
  keepTaskOnCancel: z.boolean().optional(),
});

/** A pipeline input that passed every check, with defaults filled in. */
export interface ValidatedPipelineInput {
  request: ValidatedCreateTaskRequest;
  polling: Required<PollingOptions>;
  notify: boolean;
  keepTaskOnCancel: boolean;
}

/**
 * Checks the whole pipeline input, the request and the pipeline's own options alike, before any API
 * call: a bad polling option found after the create would leave a task running with nobody watching.
 *
 * @throws InvalidRequestError naming every bad field by its full path (e.g. `polling.deadlineSeconds`).
 */
export function validatePipelineInput(input: unknown): ValidatedPipelineInput {
  const options = optionsSchema.safeParse(input);
  const issues: RequestIssue[] = options.success
    ? []
    : options.error.issues.map((issue) => ({
        path: issue.path.length > 0 ? issue.path.join('.') : '(input)',
        message: issue.code === 'unrecognized_keys' ? `unknown option(s) ${issue.keys.join(', ')}` : issue.message,
      }));

  let request: ValidatedCreateTaskRequest | undefined;
  const rawRequest = typeof input === 'object' && input !== null ? (input as { request?: unknown }).request : undefined;
  try {
    request = validateCreateTaskRequest(rawRequest);
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    issues.push(
      ...error.issues.map((issue) => ({
        ...issue,
        path: issue.path === '(request)' ? 'request' : `request.${issue.path}`,
      })),
    );
  }

  if (issues.length > 0 || !options.success || !request) throw new InvalidRequestError(issues);
  return {
    request,
    polling: withDefaults(options.data.polling),
    notify: options.data.notify ?? true,
    keepTaskOnCancel: options.data.keepTaskOnCancel ?? false,
  };
}

/** Fills polling defaults; a first interval above the default ceiling raises the ceiling to it. */
function withDefaults(polling: PollingOptions | undefined): Required<PollingOptions> {
  const initialIntervalSeconds = polling?.initialIntervalSeconds ?? defaultPolling.initialIntervalSeconds;
  return {
    initialIntervalSeconds,
    maxIntervalSeconds:
      polling?.maxIntervalSeconds ?? Math.max(defaultPolling.maxIntervalSeconds, initialIntervalSeconds),
    deadlineSeconds: polling?.deadlineSeconds ?? defaultPolling.deadlineSeconds,
  };
}
