import { ApplicationFailure } from '@temporalio/activity';
import { PolarDbApiError } from '../polardb/errors';
import type { PolarDbTaskApi, TaskState } from '../polardb/task-api';
import { toActivityFailure } from './failures';

/**
 * Reads the task's authoritative status. A task that no longer exists is reported as `TaskVanished`
 * (non-retryable): polling a deleted task would never end.
 */
export async function describeTask(api: PolarDbTaskApi, taskId: string): Promise<TaskState> {
  try {
    return await api.describeTask(taskId);
  } catch (error) {
    if (error instanceof PolarDbApiError && error.verdict.kind === 'NotFound') {
      throw ApplicationFailure.create({
        message: `Task ${taskId} no longer exists (${error.code ?? 'not found'})`,
        type: 'TaskVanished',
        nonRetryable: true,
      });
    }
    throw toActivityFailure(error);
  }
}
