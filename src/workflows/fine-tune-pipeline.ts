import {
  ActivityFailure,
  ApplicationFailure,
  isCancellation,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { PipelineActivities } from '../activities';
import type { TaskState } from '../polardb/task-api';
import { taskNameForWorkflow } from '../pipeline/task-name';
import { isUnexpectedStatus, phaseOf } from '../pipeline/task-status';
import type { PipelineInput, PipelineProgress, PipelineResult, PipelineStage, PollingOptions } from '../pipeline/types';
import { searchAttributeKeys } from '../search-attributes';
import { progressQuery } from './definitions';

const { validateRequest } = proxyLocalActivities<PipelineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

// Reads retry for up to an hour: throttling and 5xx bursts pass, a dead endpoint surfaces.
const reads = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '90 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// The create re-reads the task list before every attempt, so retrying it can never make a second task.
const creates = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '5 minutes',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

const notifications = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumAttempts: 5 },
});

const defaultPolling: Required<PollingOptions> = {
  initialIntervalSeconds: 30,
  maxIntervalSeconds: 300,
  deadlineSeconds: 7 * 24 * 3600,
};

/**
 * One model-operator task from request to result: validate, check datasets, create (or adopt) the task,
 * wait until it is COMPLETED or FAILED, notify, return. Started by other services, by Schedules for
 * recurring fine-tunes, or by hand from the CLI; the workflow id is the job's business key.
 */
export async function fineTunePipeline(input: PipelineInput): Promise<PipelineResult> {
  const workflowId = workflowInfo().workflowId;
  const startedAt = new Date();
  const progress: PipelineProgress = { stage: 'validating', statusReads: 0 };
  setHandler(progressQuery, () => progress);
  const enter = (stage: PipelineStage): void => {
    progress.stage = stage;
    upsertSearchAttributes([{ key: searchAttributeKeys.stage, value: stage }]);
  };
  enter('validating');

  let clusterId: string | undefined;
  try {
    const request = await validateRequest(input.request);
    const cluster = request.params.DBClusterId ?? '';
    clusterId = cluster;
    upsertSearchAttributes([{ key: searchAttributeKeys.clusterId, value: cluster }]);
    const taskName = request.params.TaskName ?? taskNameForWorkflow(workflowId);
    progress.taskName = taskName;

    enter('checking-datasets');
    await reads.checkDatasets(request);

    enter('creating-task');
    const task = await creates.createOrAdoptTask({
      clusterId: cluster,
      kubeType: request.params.KubeType ?? '',
      taskName,
      params: { ...request.params, TaskName: taskName },
    });
    progress.taskId = task.taskId;
    upsertSearchAttributes([{ key: searchAttributeKeys.taskId, value: task.taskId }]);
    const taskCreatedAt = new Date();

    enter('waiting-for-task');
    const final = await waitForTerminalStatus(task.taskId, { ...defaultPolling, ...input.polling }, progress);
    if (phaseOf(final.status) === 'failed') {
      throw ApplicationFailure.create({
        message: `Task ${task.taskId} (${taskName}) ended FAILED on cluster ${cluster}`,
        type: 'RemoteTaskFailed',
        nonRetryable: true,
        details: [{ taskId: task.taskId, status: final.status, requestId: final.requestId }],
      });
    }

    enter('notifying');
    const finishedAt = new Date();
    const notified =
      input.notify !== false &&
      (await notifications.notifyPipelineEvent({
        event: 'pipeline.completed',
        workflowId,
        clusterId: cluster,
        taskName,
        taskId: task.taskId,
        status: final.status,
        modelPath: final.modelPath,
        finishedAt: finishedAt.toISOString(),
      }));

    enter('completed');
    log.info('Pipeline completed', {
      clusterId: cluster,
      taskId: task.taskId,
      status: final.status,
      adopted: task.adopted,
    });
    return {
      workflowId,
      taskId: task.taskId,
      taskName,
      adopted: task.adopted,
      status: 'COMPLETED',
      modelPath: final.modelPath,
      requestIds: { create: task.requestId, lastStatus: final.requestId },
      timings: {
        startedAt: startedAt.toISOString(),
        taskCreatedAt: taskCreatedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        totalSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
      },
      notified,
    };
  } catch (error) {
    // TODO(cancellation): delete the remote task on cancel unless asked to keep it (issue 4).
    if (isCancellation(error)) throw error;
    enter('failed');
    const failure = describeFailure(error);
    log.error('Pipeline failed', { clusterId, taskId: progress.taskId, failureType: failure.type });
    if (input.notify !== false) await notifyFailure(workflowId, clusterId, progress, failure);
    throw ApplicationFailure.create({
      message: failure.message,
      type: failure.type,
      nonRetryable: true,
      cause: asCause(error),
    });
  }
}

/** Polls the task's status, waiting longer (with jitter) while it runs, until it ends or the deadline passes. */
async function waitForTerminalStatus(
  taskId: string,
  polling: Required<PollingOptions>,
  progress: PipelineProgress,
): Promise<TaskState> {
  const deadline = Date.now() + polling.deadlineSeconds * 1000;
  const reported = new Set<string>();
  let intervalSeconds = polling.initialIntervalSeconds;

  for (;;) {
    const state = await reads.describeTask(taskId);
    progress.statusReads++;
    progress.taskStatus = state.status;
    if (isUnexpectedStatus(state.status) && !reported.has(state.status)) {
      reported.add(state.status);
      log.warn('Task reports an undocumented status; treating it as running', { taskId, status: state.status });
    }
    if (phaseOf(state.status) !== 'running') return state;

    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) {
      throw ApplicationFailure.create({
        message: `Task ${taskId} still ${state.status || 'without status'} after ${polling.deadlineSeconds} s; stopped waiting (the task keeps running)`,
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

async function notifyFailure(
  workflowId: string,
  clusterId: string | undefined,
  progress: PipelineProgress,
  failure: { type: string; message: string },
): Promise<void> {
  try {
    await notifications.notifyPipelineEvent({
      event: 'pipeline.failed',
      workflowId,
      clusterId,
      taskName: progress.taskName,
      taskId: progress.taskId,
      status: progress.taskStatus,
      failure,
      finishedAt: new Date().toISOString(),
    });
  } catch (error) {
    // The pipeline's own failure is what the caller needs to see; a lost notification is only logged.
    log.warn('Failure notification not delivered', { workflowId, error: describeFailure(error).message });
  }
}

/** The failure type and message that describe why the pipeline stopped, from whatever was thrown. */
function describeFailure(error: unknown): { type: string; message: string } {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return { type: cause.type ?? 'ApplicationFailure', message: cause.message };
  if (cause instanceof Error) return { type: cause.name, message: cause.message };
  return { type: 'Unknown', message: String(cause) };
}

function asCause(error: unknown): Error | undefined {
  return error instanceof Error ? error : undefined;
}
