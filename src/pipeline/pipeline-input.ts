import { z } from 'zod';
import { InvalidRequestError, validateCreateTaskRequest } from '../request';
import type { RequestIssue, ValidatedCreateTaskRequest } from '../request';
import { createTaskParameterNames } from '../request/parameters';
import { formatPath } from '../request/request-issue';
import type { PathSegment } from '../request/request-issue';
import { unknownKeyIssue } from '../request/unknown-keys';
import type { KnownKeys } from '../request/unknown-keys';
import { isPlainObject, mustBe } from '../request/values';
import type { PollingOptions } from './types';

/** Production polling: a task runs minutes to hours, so the first read waits 30 s and later ones up to 5 min. */
export const defaultPolling: Required<PollingOptions> = {
  initialIntervalSeconds: 30,
  maxIntervalSeconds: 300,
  deadlineSeconds: 7 * 24 * 3600,
};

// A floor of 0.1 s keeps a typo from turning polling into a busy loop against the account's rate limit.
const seconds = (max: number) => {
  const reason = mustBe(`a number of seconds from 0.1 to ${max}`);
  return z.number({ error: reason }).min(0.1, { error: reason }).max(max, { error: reason }).optional();
};

const notPolling = mustBe('an object of polling options');

const pollingSchema = z
  .strictObject(
    {
      initialIntervalSeconds: seconds(3600),
      maxIntervalSeconds: seconds(3600),
      deadlineSeconds: seconds(90 * 24 * 3600),
    },
    // Unknown keys are left to unknownKeyIssue, which can suggest the key that was meant.
    { error: (issue) => (issue.code === 'invalid_type' ? notPolling(issue) : undefined) },
  )
  .superRefine(({ initialIntervalSeconds = 0, maxIntervalSeconds = Infinity }, context) => {
    if (maxIntervalSeconds >= initialIntervalSeconds) return;
    context.addIssue({
      code: 'custom',
      path: ['maxIntervalSeconds'],
      message: `must not be smaller than polling.initialIntervalSeconds (${initialIntervalSeconds}), got the number ${maxIntervalSeconds}`,
    });
  });

/** What the whole input must be; `request` is all a caller must give. */
const inputShape = "an object with the CreateAIDBClusterTask parameters under 'request'";

const optionsSchema = z.strictObject({
  // Checked by validateCreateTaskRequest, which also words its absence.
  request: z.unknown().optional(),
  polling: pollingSchema.optional(),
  notify: z.boolean({ error: mustBe('true or false') }).optional(),
  keepTaskOnCancel: z.boolean({ error: mustBe('true or false') }).optional(),
});

const pipelineOptions: KnownKeys = { parent: [], noun: 'a pipeline option', keys: optionsSchema.keyof().options };
const pollingOptions: KnownKeys = {
  parent: ['polling'],
  noun: 'a polling option',
  keys: pollingSchema.keyof().options,
};

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
  // Anything but an object has nothing else to check, so its one issue is the whole answer.
  if (!isPlainObject(input)) {
    throw new InvalidRequestError([{ path: '(input)', message: mustBe(inputShape)({ input }) }]);
  }

  // Request parameters beside `request` rather than inside it are one mistake, reported once, as the request's.
  const misplaced =
    input.request === undefined ? createTaskParameterNames.filter((name) => Object.hasOwn(input, name)) : [];
  const parsed = optionsSchema.safeParse(input);
  const issues = parsed.success ? [] : optionIssues(parsed.error, misplaced);

  let request: ValidatedCreateTaskRequest | undefined;
  try {
    request = validateCreateTaskRequest(input.request);
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    issues.push(...error.issues.map((issue) => requestIssue(issue, misplaced)));
  }

  if (!parsed.success || !request) throw new InvalidRequestError(issues);
  return {
    request,
    polling: withDefaults(parsed.data.polling),
    notify: parsed.data.notify ?? true,
    keepTaskOnCancel: parsed.data.keepTaskOnCancel ?? false,
  };
}

/** Zod's issues as pipeline issues: one per unknown key, with a suggestion where one is obvious. */
function optionIssues(error: z.ZodError, misplaced: readonly string[]): RequestIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path as PathSegment[];
    if (issue.code !== 'unrecognized_keys') return [{ path: formatPath(path), message: issue.message }];

    const known = path.length === 0 ? pipelineOptions : pollingOptions;
    return issue.keys.filter((key) => !misplaced.includes(key)).map((key) => unknownKeyIssue(key, known));
  });
}

/** A request issue addressed from the pipeline input; a missing request says where its stray parameters belong. */
function requestIssue(issue: RequestIssue, misplaced: readonly string[]): RequestIssue {
  if (issue.path !== '(request)') return { ...issue, path: `request.${issue.path}` };
  if (misplaced.length === 0) return { ...issue, path: 'request' };
  return {
    path: 'request',
    message: `${issue.message}; the input has ${misplaced.join(', ')} at its top level, which belong inside 'request'`,
  };
}

/**
 * Fills polling defaults so the given values always hold: a first interval above the default ceiling raises the
 * ceiling to it, and a ceiling below the default first interval lowers the first interval to it.
 */
function withDefaults(polling: PollingOptions | undefined): Required<PollingOptions> {
  const initialIntervalSeconds =
    polling?.initialIntervalSeconds ??
    Math.min(defaultPolling.initialIntervalSeconds, polling?.maxIntervalSeconds ?? Infinity);
  return {
    initialIntervalSeconds,
    maxIntervalSeconds:
      polling?.maxIntervalSeconds ?? Math.max(defaultPolling.maxIntervalSeconds, initialIntervalSeconds),
    deadlineSeconds: polling?.deadlineSeconds ?? defaultPolling.deadlineSeconds,
  };
}
