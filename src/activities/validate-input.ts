import { ApplicationFailure } from '@temporalio/activity';
import { InvalidRequestError } from '../request';
import { validatePipelineInput } from '../pipeline/pipeline-input';
import type { ValidatedPipelineInput } from '../pipeline/pipeline-input';

/**
 * Validates a pipeline's whole input: the request and the pipeline's own options. It runs as a local activity, so its verdict is recorded in history
 * and a later, stricter schema cannot change what an in-flight pipeline already decided.
 */
export function validateInput(input: unknown): Promise<ValidatedPipelineInput> {
  try {
    return Promise.resolve(validatePipelineInput(input));
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
