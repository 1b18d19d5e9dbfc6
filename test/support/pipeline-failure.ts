import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/**
 * The typed failure a pipeline's workflow ended with. A pipeline that completes, or fails in any other
 * way, fails the calling test.
 */
export async function pipelineFailure(result: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await result;
  } catch (error) {
    if (error instanceof WorkflowFailedError && error.cause instanceof ApplicationFailure) return error.cause;
    throw error;
  }
  throw new Error('Expected the pipeline to fail, but it completed');
}
