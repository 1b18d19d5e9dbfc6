/** The task queue pipelines run on unless configured otherwise; workers and clients must agree. */
export const defaultTaskQueue = 'polardb-ai-pipelines';

/**
 * The queue of the activities that call PolarDB, derived from the pipeline queue so that workflow code
 * needs no configuration. The worker serving it carries the one task-queue-wide rate limit.
 */
export function apiTaskQueueOf(pipelineTaskQueue: string): string {
  return `${pipelineTaskQueue}-polardb-api`;
}
