import { ActivityFailure, ApplicationFailure, CancellationScope, log } from '@temporalio/workflow';
import type { CancelCleanup, PipelineProgress, PipelineStage } from '../pipeline/types';
import type { TaskIdentity } from '../activities/task-identity';
import type { PipelineActivityStubs } from './activity-proxies';

/** Where the cleanup looks for the task when the cancel came before the create answered. */
export interface CleanupTarget {
  clusterId?: string;
  kubeType?: string;
  taskName?: string;
  /** The job the request runs; a namesake running another job is not this pipeline's to delete. */
  expected?: TaskIdentity;
  keepTask: boolean;
}

/**
 * After a cancel: deletes the remote task unless the caller asked to keep it or it already finished.
 * Runs in a non-cancellable scope, so a second cancel cannot interrupt it half-way. A cancel that came
 * during the create first looks the task up by name (waiting out the list's settle window), since the
 * create may have succeeded unseen; if a create was sent and still nothing is listed, it says `unknown`.
 */
export function cleanUpAfterCancel(
  stubs: PipelineActivityStubs,
  target: CleanupTarget,
  progress: PipelineProgress,
  stageAtCancel: PipelineStage,
): Promise<CancelCleanup> {
  return CancellationScope.nonCancellable(async () => {
    // A create was sent and not answered: a task may exist that no look has shown yet.
    const createUnanswered = !progress.taskId && progress.createMayHaveSucceeded === true;
    if (target.keepTask) return progress.taskId ? 'kept' : createUnanswered ? 'unknown' : 'not-created';

    let taskId = progress.taskId;
    if (!taskId && stageAtCancel === 'creating-task' && target.clusterId && target.taskName) {
      const found = await findOwnTask(stubs, { ...target, clusterId: target.clusterId, taskName: target.taskName });
      taskId = found?.taskId;
      progress.taskId = taskId;
    }
    if (!taskId || !target.clusterId) {
      if (!createUnanswered) return 'not-created';
      log.warn('Cancelled after a create whose answer was lost, and no task with the name is listed yet', {
        taskName: target.taskName,
        clusterId: target.clusterId,
        createsSent: progress.createsSent,
      });
      return 'unknown';
    }

    const { outcome, status } = await stubs.reads.deleteUnfinishedTask(taskId, target.clusterId);
    // The status read just before the delete is fresher than the last poll's.
    if (status !== undefined) progress.taskStatus = status;
    log.info('Cleaned up after cancel', { taskId, clusterId: target.clusterId, outcome, status });
    return outcome;
  });
}

/** The pipeline's task by name, waiting out the list's lag; a namesake running another job counts as none. */
async function findOwnTask(
  stubs: PipelineActivityStubs,
  target: CleanupTarget & { clusterId: string; taskName: string },
): Promise<{ taskId: string } | null> {
  try {
    return await stubs.creates.findTask({
      clusterId: target.clusterId,
      kubeType: target.kubeType ?? '',
      taskName: target.taskName,
      expected: target.expected,
      mayExist: true,
    });
  } catch (error) {
    if (
      error instanceof ActivityFailure &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === 'TaskNameConflict'
    ) {
      return null;
    }
    throw error;
  }
}
