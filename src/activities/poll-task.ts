import { ApplicationFailure, log } from '@temporalio/activity';
import { PolarDbApiError } from '../polardb/errors';
import type { PolarDbTaskApi, TaskState, TrainingProgress } from '../polardb/task-api';
import { phaseOf } from '../pipeline/task-status';
import { findUnfinishedNamesakes } from './duplicate-watch';
import type { DuplicateWatch } from './duplicate-watch';
import { toActivityFailure } from './failures';
import { withHeartbeats } from './heartbeat';

/** What one poll learned: the authoritative status and, while training runs, its latest progress point. */
export interface TaskPoll {
  state: TaskState;
  progress?: TrainingProgress;
  /** With a duplicate watch: other unfinished tasks that carry the pipeline's name. */
  duplicates?: string[];
}

/**
 * Reads the task's status (DescribeAIDBClusterTaskAttribute) and, unless it failed, its newest training
 * metric (DescribeAIDBClusterTaskMetrics) since `sinceIso`. Progress is best effort: a failed metrics
 * read never fails the poll. A task that no longer exists is `TaskVanished`, non-retryable. With a
 * `watch`, the list is read first for other unfinished tasks carrying the pipeline's name.
 */
export async function pollTask(
  api: PolarDbTaskApi,
  taskId: string,
  sinceIso: string,
  watch?: DuplicateWatch,
): Promise<TaskPoll> {
  return withHeartbeats(async () => {
    const duplicates = watch ? await lookForDuplicates(api, watch, taskId) : undefined;
    const poll = await readStatusAndProgress(api, taskId, sinceIso);
    return duplicates ? { ...poll, duplicates } : poll;
  });
}

/** Best effort: a failed look must not fail the poll (and with it a pipeline whose task runs fine). */
async function lookForDuplicates(api: PolarDbTaskApi, watch: DuplicateWatch, taskId: string): Promise<string[]> {
  try {
    return await findUnfinishedNamesakes(api, watch, taskId);
  } catch (error) {
    log.warn('Could not look for a second task with this pipeline’s name this time', {
      taskId,
      error: error instanceof Error ? error.message : 'unknown',
    });
    return [];
  }
}

async function readStatusAndProgress(api: PolarDbTaskApi, taskId: string, sinceIso: string): Promise<TaskPoll> {
  let state: TaskState;
  try {
    state = await api.describeTask(taskId);
  } catch (error) {
    if (error instanceof PolarDbApiError && error.verdict.kind === 'NotFound') {
      throw ApplicationFailure.create({
        message: `Task ${taskId} no longer exists (${error.code ?? 'not found'}); someone deleted it or it was never kept`,
        type: 'TaskVanished',
        nonRetryable: true,
      });
    }
    throw toActivityFailure(error);
  }
  // A failed task has no progress worth reading; a completed one gets its final point.
  if (phaseOf(state.status) === 'failed') return { state };

  try {
    const progress = await api.latestProgress(taskId, { start: new Date(sinceIso), end: new Date() });
    return { state, progress };
  } catch (error) {
    log.warn('Training progress not available this time', {
      taskId,
      error: error instanceof Error ? error.message : 'unknown',
    });
    return { state };
  }
}
