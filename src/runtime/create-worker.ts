import { Worker } from '@temporalio/worker';
import type { NativeConnection, WorkerOptions } from '@temporalio/worker';
import type { PipelineActivities } from '../activities';

/** What a pipeline worker needs; the bundle is optional so tests and the demo can reuse a prebuilt one. */
export interface PipelineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: PipelineActivities;
  workflowBundle?: { codePath: string };
}

/** Creates the worker that runs pipelines and their activities on one task queue. */
export function createPipelineWorker(options: PipelineWorkerOptions): Promise<Worker> {
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundle
    ? { workflowBundle: options.workflowBundle }
    : { workflowsPath: require.resolve('../workflows') };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...workflowSource,
  });
}
