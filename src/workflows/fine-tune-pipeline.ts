import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { PipelineEvent } from '../notify/webhook';
import { taskNameForWorkflow } from '../pipeline/task-name';
import { phaseOf } from '../pipeline/task-status';
import type { PipelineInput, PipelineProgress, PipelineResult, PipelineStage } from '../pipeline/types';
import { searchAttributeKeys } from '../search-attributes';
import { pipelineActivities } from './activity-proxies';
import type { PipelineActivityStubs } from './activity-proxies';
import { cleanUpAfterCancel } from './cancel-cleanup';
import type { CleanupTarget } from './cancel-cleanup';
import { createOrAdoptTask } from './create-or-adopt';
import { progressQuery } from './definitions';
import { waitForTask } from './wait-for-task';

/**
 * One model-operator task from request to result: validate, check datasets, create (or adopt) the task,
 * wait until it is COMPLETED or FAILED, notify, return. Started by other services, by Schedules for
 * recurring fine-tunes, or by hand from the CLI; the workflow id is the job's business key. A cancelled
 * pipeline deletes its unfinished task (unless `keepTaskOnCancel`) and returns status CANCELLED.
 */
export async function fineTunePipeline(input: PipelineInput): Promise<PipelineResult> {
  const stubs = pipelineActivities();
  const workflowId = workflowInfo().workflowId;
  const startedAt = new Date();
  const progress: PipelineProgress = { stage: 'validating', statusReads: 0 };
  setHandler(progressQuery, () => progress);
  const enter = (stage: PipelineStage): void => {
    progress.stage = stage;
    upsertSearchAttributes([{ key: searchAttributeKeys.stage, value: stage }]);
  };
  enter('validating');

  // Until the input is validated only this flag is trusted (and only as "do not notify").
  const quiet = (input as PipelineInput | null | undefined)?.notify === false;
  const target: CleanupTarget = { keepTask: (input as PipelineInput | null | undefined)?.keepTaskOnCancel === true };
  const result: PipelineResult = {
    workflowId,
    taskId: '',
    taskName: '',
    adopted: false,
    status: 'COMPLETED',
    requestIds: {},
    timings: { startedAt: startedAt.toISOString(), finishedAt: '', totalSeconds: 0 },
    notified: false,
  };

  try {
    const { request, polling, notify: notifyWanted, keepTaskOnCancel } = await stubs.local.validateInput(input);
    target.keepTask = keepTaskOnCancel;
    const clusterId = request.params.DBClusterId ?? '';
    const taskName = request.params.TaskName ?? taskNameForWorkflow(workflowId);
    const expected = {
      modelName: request.params.ModelName,
      modelSource: request.params.ModelSource,
      trainMode: request.runningParameter.trainMode,
      trainType: request.runningParameter.trainType,
    };
    Object.assign(target, { clusterId, kubeType: request.params.KubeType ?? '', taskName, expected });
    progress.taskName = taskName;
    result.taskName = taskName;
    upsertSearchAttributes([{ key: searchAttributeKeys.clusterId, value: clusterId }]);

    enter('checking-datasets');
    await stubs.reads.checkDatasets(request);

    enter('creating-task');
    const task = await createOrAdoptTask(
      stubs,
      {
        clusterId,
        kubeType: target.kubeType ?? '',
        taskName,
        expected,
      },
      { ...request.params, TaskName: taskName },
      isLaterRun(),
      progress,
    );
    progress.taskId = task.taskId;
    Object.assign(result, { taskId: task.taskId, adopted: task.adopted });
    result.requestIds.create = task.requestId;
    result.timings.taskCreatedAt = task.createdAt ?? new Date().toISOString();
    upsertSearchAttributes([{ key: searchAttributeKeys.taskId, value: task.taskId }]);

    enter('waiting-for-task');
    // Logs and metrics are read from the task's creation: an adopted task may have run before this run.
    const since = task.createdAt ?? startedAt.toISOString();
    // Only a name derived from the workflow id is this pipeline's alone; a caller-chosen one may be shared.
    const watchForDuplicates = task.mayHaveDuplicates && request.params.TaskName === undefined;
    const watch = watchForDuplicates ? { clusterId, kubeType: target.kubeType ?? '', taskName, expected } : undefined;
    const final = await waitForTask(stubs, task.taskId, since, polling, progress, watch);
    Object.assign(result, { taskStatus: final.state.status, modelPath: final.state.modelPath });
    result.training = progress.training;
    result.duplicateTasks = progress.duplicateTasks;
    result.requestIds.lastStatus = final.state.requestId;
    if (phaseOf(final.state.status) === 'failed') {
      progress.failureLogs = await stubs.reads.readFailureLogs(task.taskId, since);
      throw ApplicationFailure.create({
        message:
          `Task ${task.taskId} (${taskName}) ended FAILED on cluster ${clusterId}` +
          `${adoptedNote(task)}${lastLine(progress.failureLogs)}`,
        type: 'RemoteTaskFailed',
        nonRetryable: true,
        details: [{ taskId: task.taskId, status: final.state.status, logTail: progress.failureLogs }],
      });
    }

    enter('notifying');
    finish(result, startedAt);
    result.notified = notifyWanted && (await notify(stubs, eventOf(result, 'pipeline.completed', target.clusterId)));
    enter('completed');
    log.info('Pipeline completed', {
      clusterId,
      taskId: task.taskId,
      status: final.state.status,
      adopted: task.adopted,
    });
    return result;
  } catch (error) {
    if (isCancellation(error)) return cancelled(stubs, quiet, target, progress, result, startedAt, enter);

    enter('failed');
    const failure = describeFailure(error);
    log.error('Pipeline failed', { clusterId: target.clusterId, taskId: progress.taskId, failureType: failure.type });
    finish(result, startedAt);
    const notice = { type: failure.type, message: failure.message };
    if (!quiet) await notify(stubs, { ...eventOf(result, 'pipeline.failed', target.clusterId), failure: notice });
    // Retryable on purpose: only a retry policy that the caller set on the workflow acts on it, and the
    // next run adopts the task this run created instead of making another.
    throw ApplicationFailure.create({
      message: failure.message,
      type: failure.type,
      nonRetryable: false,
      details: failure.details,
      cause: error instanceof Error ? error : undefined,
    });
  }
}

async function cancelled(
  stubs: PipelineActivityStubs,
  quiet: boolean,
  target: CleanupTarget,
  progress: PipelineProgress,
  result: PipelineResult,
  startedAt: Date,
  enter: (stage: PipelineStage) => void,
): Promise<PipelineResult> {
  const stageAtCancel = progress.stage;
  enter('cleaning-up');
  result.status = 'CANCELLED';
  result.cleanup = await cleanUpAfterCancel(stubs, target, progress, stageAtCancel);
  result.taskId = progress.taskId ?? '';
  result.taskStatus = progress.taskStatus;
  finish(result, startedAt);
  if (!quiet) {
    result.notified = await CancellationScope.nonCancellable(() =>
      notify(stubs, eventOf(result, 'pipeline.cancelled', target.clusterId)),
    );
  }
  enter('cancelled');
  log.info('Pipeline cancelled', { clusterId: target.clusterId, taskId: result.taskId, cleanup: result.cleanup });
  return result;
}

/**
 * True for a run that follows another run of the same pipeline: a reset (from the UI or CLI) or a
 * workflow retry. Such a run may find a task that the earlier run created moments ago and that the
 * list does not show yet.
 */
function isLaterRun(): boolean {
  const info = workflowInfo();
  return info.attempt > 1 || info.runId !== info.firstExecutionRunId || info.continuedFromExecutionRunId !== undefined;
}

function finish(result: PipelineResult, startedAt: Date): void {
  const finishedAt = new Date();
  result.timings.finishedAt = finishedAt.toISOString();
  result.timings.totalSeconds = Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000);
}

/**
 * Delivers an event; a webhook that stays down is logged and reported as `notified: false`, never
 * allowed to turn a finished pipeline into a failed one.
 */
async function notify(stubs: PipelineActivityStubs, event: PipelineEvent): Promise<boolean> {
  try {
    return await stubs.notifications.notifyPipelineEvent(event);
  } catch (error) {
    if (isCancellation(error)) throw error;
    log.warn('Pipeline event not delivered', { event: event.event, error: describeFailure(error).message });
    return false;
  }
}

function eventOf(result: PipelineResult, event: PipelineEvent['event'], clusterId: string | undefined): PipelineEvent {
  return {
    event,
    workflowId: result.workflowId,
    clusterId,
    taskName: result.taskName || undefined,
    taskId: result.taskId || undefined,
    status: result.taskStatus,
    modelPath: result.modelPath,
    cleanup: result.cleanup,
    finishedAt: result.timings.finishedAt,
  };
}

/** Says that the failed task was found rather than created by this run, so an old failure is recognisable. */
function adoptedNote(task: { adopted: boolean; createdAt?: string }): string {
  return task.adopted ? ` (adopted, created ${task.createdAt ?? 'before this look'})` : '';
}

function lastLine(lines: string[] | undefined): string {
  const line = lines?.[lines.length - 1];
  return line ? `: ${line}` : '';
}

/** The failure type and message that describe why the pipeline stopped, from whatever was thrown. */
function describeFailure(error: unknown): { type: string; message: string; details?: unknown[] } {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    return { type: cause.type ?? 'ApplicationFailure', message: cause.message, details: cause.details ?? undefined };
  }
  if (cause instanceof Error) return { type: cause.name, message: cause.message };
  return { type: 'Unknown', message: String(cause) };
}
