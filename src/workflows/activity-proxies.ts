import { proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { PipelineActivities } from '../activities';
import { apiTaskQueueOf } from '../task-queue';

/**
 * Activity stubs and their policies, in one place. Everything that calls PolarDB goes to the API task
 * queue (one rate limit for all pipelines); start-to-close timeouts are longer than the client's read
 * timeout (30 s by default), so an abandoned attempt's HTTP call has always ended before a retry starts,
 * and heartbeats reveal a dead worker within seconds.
 */
export function pipelineActivities() {
  const apiTaskQueue = apiTaskQueueOf(workflowInfo().taskQueue);

  const local = proxyLocalActivities<PipelineActivities>({
    startToCloseTimeout: '10 seconds',
    retry: { maximumAttempts: 3 },
  });

  // Reads retry for up to an hour: throttling and 5xx bursts pass, a dead endpoint surfaces.
  const reads = proxyActivities<PipelineActivities>({
    taskQueue: apiTaskQueue,
    startToCloseTimeout: '90 seconds',
    heartbeatTimeout: '20 seconds',
    scheduleToCloseTimeout: '1 hour',
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

  // Looking for the task may wait out the list's lag (a minute by default), so it gets a longer timeout.
  const creates = proxyActivities<PipelineActivities>({
    taskQueue: apiTaskQueue,
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: '20 seconds',
    scheduleToCloseTimeout: '1 hour',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
  });

  // One attempt only: the workflow repeats a create itself, after looking for the task again.
  const createOnce = proxyActivities<PipelineActivities>({
    taskQueue: apiTaskQueue,
    startToCloseTimeout: '90 seconds',
    heartbeatTimeout: '20 seconds',
    retry: { maximumAttempts: 1 },
  });

  // A webhook gets a few quick tries; one that stays down is reported as `notified: false`, not waited on.
  const notifications = proxyActivities<PipelineActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 4 },
  });

  return { local, reads, creates, createOnce, notifications };
}

export type PipelineActivityStubs = ReturnType<typeof pipelineActivities>;
