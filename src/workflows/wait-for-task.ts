import { ApplicationFailure, isCancellation, log, sleep } from '@temporalio/workflow';
import type { DuplicateWatch } from '../activities/duplicate-watch';
import type { TaskPoll } from '../activities/poll-task';
import { isUnexpectedStatus, phaseOf } from '../pipeline/task-status';
import type { DuplicateTask, PipelineProgress, PollingOptions } from '../pipeline/types';
import type { PipelineActivityStubs } from './activity-proxies';

/**
 * Polls until the task is COMPLETED or FAILED. The wait grows by half each time (with ±20 % jitter, so
 * pipelines started together spread out) up to the ceiling; past the deadline the pipeline stops
 * waiting and fails with `TaskDeadlineExceeded`, leaving the task alone. Only one poll is ever in flight.
 * With a `watch` (a create of this pipeline may have been repeated), every poll also looks for other
 * unfinished tasks with the pipeline's name, and each one found is deleted: a lost create answer can
 * surface in the list after the settle window, when the pipeline has already made its second task.
 */
export async function waitForTask(
  stubs: PipelineActivityStubs,
  taskId: string,
  sinceIso: string,
  polling: Required<PollingOptions>,
  progress: PipelineProgress,
  watch?: DuplicateWatch,
): Promise<TaskPoll> {
  const deadline = Date.now() + polling.deadlineSeconds * 1000;
  const reported = new Set<string>();
  let intervalSeconds = polling.initialIntervalSeconds;

  for (;;) {
    const poll = await stubs.reads.pollTask(taskId, sinceIso, watch);
    progress.statusReads++;
    if (watch) await removeDuplicates(stubs, watch.clusterId, poll.duplicates ?? [], progress);
    progress.taskStatus = poll.state.status;
    if (poll.progress) progress.training = poll.progress;
    if (isUnexpectedStatus(poll.state.status) && !reported.has(poll.state.status)) {
      reported.add(poll.state.status);
      log.warn('Task reports an undocumented status; treating it as running', { taskId, status: poll.state.status });
    }
    if (phaseOf(poll.state.status) !== 'running') return poll;

    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) {
      throw ApplicationFailure.create({
        message: `Task ${taskId} still ${poll.state.status || 'without status'} after ${polling.deadlineSeconds} s; stopped waiting (the task keeps running)`,
        type: 'TaskDeadlineExceeded',
        nonRetryable: true,
      });
    }
    // Workflow Math.random is seeded per run, so the jitter replays identically.
    const jitteredMs = intervalSeconds * 1000 * (0.8 + 0.4 * Math.random());
    await sleep(Math.min(jitteredMs, remainingMs));
    intervalSeconds = Math.min(intervalSeconds * 1.5, polling.maxIntervalSeconds);
  }
}

/**
 * Deletes each newly found duplicate (the delete step re-reads its status and spares a finished one). A
 * failed delete is logged and tried again at the next poll: the pipeline's own task is still fine.
 */
async function removeDuplicates(
  stubs: PipelineActivityStubs,
  clusterId: string,
  taskIds: string[],
  progress: PipelineProgress,
): Promise<void> {
  for (const taskId of taskIds) {
    if (progress.duplicateTasks?.some((known) => known.taskId === taskId)) continue;
    let outcome: DuplicateTask['cleanup'];
    try {
      ({ outcome } = await stubs.reads.deleteUnfinishedTask(taskId, clusterId));
    } catch (error) {
      if (isCancellation(error)) throw error;
      log.warn('Could not delete a second task with this pipeline’s name; will try at the next poll', {
        taskId,
        ours: progress.taskId,
      });
      continue;
    }
    progress.duplicateTasks = [...(progress.duplicateTasks ?? []), { taskId, cleanup: outcome }];
    log.warn('Found a second task with this pipeline’s name (a lost create answer)', {
      taskId,
      cleanup: outcome,
      ours: progress.taskId,
    });
  }
}
