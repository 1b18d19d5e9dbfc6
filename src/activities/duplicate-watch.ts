import { log } from '@temporalio/activity';
import { PolarDbApiError } from '../polardb/errors';
import type { PolarDbTaskApi } from '../polardb/task-api';
import { phaseOf } from '../pipeline/task-status';
import { isSameJob } from './task-identity';
import type { TaskIdentity } from './task-identity';

/** Where to look for other tasks carrying the pipeline's name. */
export interface DuplicateWatch {
  clusterId: string;
  kubeType: string;
  taskName: string;
  /** The job the pipeline runs: a namesake running another job is someone else's, never deleted. */
  expected?: TaskIdentity;
}

/**
 * Ids of unfinished tasks, other than `ourTaskId`, that carry the pipeline's name and run its job
 * (confirmed on each task). Only pipelines whose name derives from their workflow id and whose create may
 * have been repeated ask for this: a create whose answer was lost can surface in the list after the settle
 * window has passed and a second create was made. Tasks the list already shows as finished are skipped
 * without a read, so old namesakes cost nothing.
 */
export async function findUnfinishedNamesakes(
  api: PolarDbTaskApi,
  watch: DuplicateWatch,
  ourTaskId: string,
): Promise<string[]> {
  const listed = await api.listTasks(watch.clusterId, watch.kubeType);
  const namesakes = listed.filter(
    (task) =>
      task.taskName === watch.taskName &&
      task.taskId !== ourTaskId &&
      (task.status === undefined || phaseOf(task.status) === 'running') &&
      isSameJob(task, watch.expected),
  );
  const unfinished: string[] = [];
  for (const candidate of namesakes) {
    try {
      const state = await api.describeTask(candidate.taskId);
      if (state.taskName === watch.taskName && phaseOf(state.status) === 'running') unfinished.push(state.taskId);
    } catch (error) {
      if (error instanceof PolarDbApiError && error.verdict.kind === 'NotFound') continue;
      throw error;
    }
  }
  if (unfinished.length > 0) {
    log.warn('Found unfinished tasks carrying this pipeline’s name besides its own', {
      taskName: watch.taskName,
      taskId: ourTaskId,
      duplicates: unfinished,
    });
  }
  return unfinished;
}
