import type { RequestIssue } from '../../src/request';

import { InvalidRequestError, validateCreateTaskRequest } from '../../src/request';

/** The issues a validator refuses `input` with; a test that expected a refusal fails if it accepts. */
export function issuesFrom(validate: (input: unknown) => unknown, input: unknown): RequestIssue[] {
  try {
    validate(input);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error.issues;
    throw error;
  }
  throw new Error('the input was accepted');
}

/** The issues `validateCreateTaskRequest` refuses `input` with. */
export function requestIssuesOf(input: unknown): RequestIssue[] {
  return issuesFrom(validateCreateTaskRequest, input);
}
