import { log } from '@temporalio/activity';
import { PolarDbApiError } from '../polardb/errors';
import type { PolarDbTaskApi } from '../polardb/task-api';
import { phaseOf } from '../pipeline/task-status';
import { toActivityFailure } from './failures';
import { withHeartbeats } from './heartbeat';

/** What the cancel cleanup did to the remote task. */
export type CleanupOutcome = 'deleted' | 'already-finished' | 'already-gone';

/**
 * Deletes a cancelled pipeline's task unless it has already finished: a COMPLETED or FAILED task holds
 * results (model files, logs) that a late cancel must not destroy.
 */
export async function deleteUnfinishedTask(
  api: PolarDbTaskApi,
  taskId: string,
  clusterId: string,
): Promise<{ outcome: CleanupOutcome; status?: string }> {
  return withHeartbeats(async () => {
    try {
      const state = await api.describeTask(taskId);
      if (phaseOf(state.status) !== 'running') return { outcome: 'already-finished', status: state.status };

      const { requestId } = await api.deleteTask(taskId, clusterId);
      log.info('Deleted an unfinished task', { taskId, clusterId, status: state.status, requestId });
      return { outcome: 'deleted', status: state.status };
    } catch (error) {
      if (error instanceof PolarDbApiError && error.verdict.kind === 'NotFound') return { outcome: 'already-gone' };
      throw toActivityFailure(error);
    }
  });
}

/** The last log lines of a task, for a failure report; empty when the logs cannot be read. */
export async function readFailureLogs(
  api: PolarDbTaskApi,
  taskId: string,
  sinceIso: string,
  count: number,
): Promise<string[]> {
  try {
    return await api.lastLogLines(taskId, { start: new Date(sinceIso), end: new Date() }, count);
  } catch (error) {
    log.warn('Could not read the failed task’s logs', { taskId, error: error instanceof Error ? error.message : '' });
    return [];
  }
}
