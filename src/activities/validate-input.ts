import { ApplicationFailure } from '@temporalio/activity';
import { InvalidRequestError } from '../request';
import { validatePipelineInput } from '../pipeline/pipeline-input';
import type { ValidatedPipelineInput } from '../pipeline/pipeline-input';

/**
 * Validates a pipeline's whole input: the request and the pipeline's own options. It runs as a local
 * activity, so its verdict is recorded in history and a later, stricter schema cannot change what an
 * in-flight pipeline already decided. A request for another region than the worker's is refused: the
 * dataset check and the task lookup run in the worker's region, so the create must too.
 */
export function validateInput(input: unknown, workerRegionId: string): Promise<ValidatedPipelineInput> {
  try {
    const validated = validatePipelineInput(input);
    const requested = validated.request.params.RegionId;
    if (requested !== undefined && requested !== workerRegionId) {
      throw new InvalidRequestError([
        {
          path: 'request.RegionId',
          message: `is ${requested}, but this worker serves ${workerRegionId}; send it to a worker of that region or leave RegionId out`,
        },
      ]);
    }
    return Promise.resolve(validated);
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
