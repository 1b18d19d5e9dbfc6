import { Worker } from '@temporalio/worker';
import type { NativeConnection, WorkerOptions } from '@temporalio/worker';
import type { PipelineActivities } from '../activities';
import { apiTaskQueueOf } from '../task-queue';

/** What a pipeline worker needs; the bundle is optional so tests and the demo can reuse a prebuilt one. */
export interface PipelineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: PipelineActivities;
  /**
   * Activities per second started from the API task queue, across every worker polling it: the one
   * knob that keeps all pipelines together under the account's PolarDB flow-control limit.
   */
  apiActivitiesPerSecond: number;
  workflowBundle?: { codePath: string };
}

/** The two workers of one process, run and stopped together. */
export interface PipelineWorker {
  run(): Promise<void>;
  shutdown(): void;
}

/**
 * Creates the pipeline worker (workflows, validation, notifications) and the API worker (every activity
 * that calls PolarDB, on its own task queue with a task-queue-wide rate limit).
 */
export async function createPipelineWorker(options: PipelineWorkerOptions): Promise<PipelineWorker> {
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundle
    ? { workflowBundle: options.workflowBundle }
    : { workflowsPath: require.resolve('../workflows') };
  const pipelines = await Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...workflowSource,
  });
  const api = await Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: apiTaskQueueOf(options.taskQueue),
    activities: options.activities,
    maxTaskQueueActivitiesPerSecond: options.apiActivitiesPerSecond,
  });
  return {
    run: async () => {
      await Promise.all([pipelines.run(), api.run()]);
    },
    shutdown: () => {
      pipelines.shutdown();
      api.shutdown();
    },
  };
}
