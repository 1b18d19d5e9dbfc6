import type { ZodError } from 'zod';
import type { PathSegment, RequestIssue } from './request-issue';
import type { RunningParameterSummary } from './running-parameter';
import type { KnownKeys } from './unknown-keys';

import { crossFieldIssues } from './cross-field-rules';
import { createTaskParameterNames, createTaskParametersSchema } from './parameters';
import { formatPath, InvalidRequestError } from './request-issue';
import { checkRunningParameter, summariseRunningParameter } from './running-parameter';
import { unknownKeyIssue } from './unknown-keys';
import { isPlainObject, mustBe } from './values';

/** A request that passed every check, in the shape the API client sends. */
export interface ValidatedCreateTaskRequest {
  /**
   * Exactly the CreateAIDBClusterTask parameters to send, with the API's names, in spec order, all strings (the API
   * takes every parameter as a string). RunningParameter is the JSON text to send.
   */
  params: Record<string, string>;
  /** What the dataset checks before a create need to know about RunningParameter. */
  runningParameter: RunningParameterSummary;
}

/**
 * Checks a CreateAIDBClusterTask request before anything is sent, so a bad request fails at once with every reason
 * instead of as a 400 from the server or, worse, as a task that fails hours into training. Pure and deterministic
 * (no I/O, no clock), so workflows, activities and client code can all call it and agree.
 *
 * @throws InvalidRequestError listing every issue, each with the full path (e.g. `RunningParameter.batch_size`).
 */
export function validateCreateTaskRequest(input: unknown): ValidatedCreateTaskRequest {
  if (!isPlainObject(input)) {
    throw new InvalidRequestError([
      { path: '(request)', message: mustBe('an object of CreateAIDBClusterTask parameters')({ input }) },
    ]);
  }

  const parameters = createTaskParametersSchema.safeParse(input);
  const runningParameter = checkRunningParameter(input.RunningParameter);
  if (!parameters.success || !runningParameter.ok) {
    throw new InvalidRequestError([
      ...(parameters.success ? [] : parameterIssues(parameters.error)),
      ...(runningParameter.ok ? [] : runningParameter.issues),
    ]);
  }

  const ruleIssues = crossFieldIssues(parameters.data, runningParameter.values);
  if (ruleIssues.length > 0) throw new InvalidRequestError(ruleIssues);

  const params: Record<string, string> = {};
  for (const name of createTaskParameterNames) {
    const value = name === 'RunningParameter' ? runningParameter.text : parameters.data[name];
    if (value !== undefined) params[name] = value;
  }

  return { params, runningParameter: summariseRunningParameter(runningParameter.values) };
}

const parameters: KnownKeys = { parent: [], noun: 'a CreateAIDBClusterTask parameter', keys: createTaskParameterNames };

/** Zod's issues as request issues; each unknown key becomes its own issue, with a suggestion where one is obvious. */
function parameterIssues(error: ZodError): RequestIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => unknownKeyIssue(key, parameters))
      : [{ path: formatPath(issue.path as PathSegment[]), message: issue.message }],
  );
}
