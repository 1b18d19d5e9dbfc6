/** The task queue pipelines run on unless configured otherwise; workers and clients must agree. */
export const defaultTaskQueue = 'polardb-ai-pipelines';
