import { CancellationScope, log } from '@temporalio/workflow';
import type { CancelCleanup, PipelineProgress, PipelineStage } from '../pipeline/types';
import type { PipelineActivityStubs } from './activity-proxies';

/** Where the cleanup looks for the task when the cancel came before the create answered. */
export interface CleanupTarget {
  clusterId?: string;
  kubeType?: string;
  taskName?: string;
  keepTask: boolean;
}

/**
 * After a cancel: deletes the remote task unless the caller asked to keep it or it already finished.
 * Runs in a non-cancellable scope, so a second cancel cannot interrupt it half-way. A cancel that came
 * during the create first looks the task up by name, since the create may have succeeded unseen.
 */
export function cleanUpAfterCancel(
  stubs: PipelineActivityStubs,
  target: CleanupTarget,
  progress: PipelineProgress,
  stageAtCancel: PipelineStage,
): Promise<CancelCleanup> {
  return CancellationScope.nonCancellable(async () => {
    if (target.keepTask) return progress.taskId ? 'kept' : 'not-created';

    let taskId = progress.taskId;
    if (!taskId && stageAtCancel === 'creating-task' && target.clusterId && target.taskName) {
      const found = await stubs.creates.findTask({
        clusterId: target.clusterId,
        kubeType: target.kubeType ?? '',
        taskName: target.taskName,
        mayExist: true,
      });
      taskId = found?.taskId;
      progress.taskId = taskId;
    }
    if (!taskId || !target.clusterId) return 'not-created';

    const { outcome, status } = await stubs.reads.deleteUnfinishedTask(taskId, target.clusterId);
    // The status read just before the delete is fresher than the last poll's.
    if (status !== undefined) progress.taskStatus = status;
    log.info('Cleaned up after cancel', { taskId, clusterId: target.clusterId, outcome, status });
    return outcome;
  });
}
