import { ApplicationFailure } from '@temporalio/activity';
import { InvalidRequestError, validateCreateTaskRequest } from '../request';
import type { ValidatedCreateTaskRequest } from '../request';

/**
 * Validates a pipeline's request. It runs as a local activity, so its verdict is recorded in history
 * and a later, stricter schema cannot change what an in-flight pipeline already decided.
 */
export function validateRequest(input: unknown): Promise<ValidatedCreateTaskRequest> {
  try {
    return Promise.resolve(validateCreateTaskRequest(input));
  } catch (error) {
    if (error instanceof InvalidRequestError) {
      throw ApplicationFailure.create({
        message: error.message,
        type: 'InvalidRequest',
        nonRetryable: true,
        details: [error.issues],
      });
    }
    throw error;
  }
}
