import type { PolarDbTaskApi } from '../polardb/task-api';
import type { WebhookOptions } from '../notify/webhook';
import { checkDatasets } from './check-datasets';
import type { DuplicateWatch } from './duplicate-watch';
import { createTask, findTask } from './create-or-adopt-task';
import type { ListLagOptions, TaskLookup } from './create-or-adopt-task';
import { setThrottledRetryDelay } from './failures';
import { notifyPipelineEvent } from './notify';
import { pollTask } from './poll-task';
import { deleteUnfinishedTask, readFailureLogs } from './task-cleanup';
import { validateInput } from './validate-input';

/** What the activities need from the outside world; tests hand in local or real parts. */
export interface ActivityDependencies {
  api: PolarDbTaskApi;
  /** The region every call goes to; requests for another region are refused up front. */
  regionId: string;
  webhook?: WebhookOptions;
  listLag: ListLagOptions;
  /** Pause before retrying a throttled call; default 20 s. */
  throttledRetryDelayMs?: number;
}

/** Log lines kept with a failed task's report. */
const failureLogLines = 20;

/**
 * Builds the pipeline's activities over injected dependencies. The ones that call PolarDB run on the
 * worker's API task queue, whose rate limit keeps all pipelines together under the account's limit.
 */
export function createActivities(deps: ActivityDependencies) {
  if (deps.throttledRetryDelayMs !== undefined) setThrottledRetryDelay(deps.throttledRetryDelayMs);
  return {
    validateInput: (input: unknown) => validateInput(input, deps.regionId),
    checkDatasets: (request: Parameters<typeof checkDatasets>[1]) => checkDatasets(deps.api, request),
    findTask: (lookup: TaskLookup) => findTask(deps.api, lookup, deps.listLag),
    createTask: (params: Record<string, string>) => createTask(deps.api, params),
    pollTask: (taskId: string, sinceIso: string, watch?: DuplicateWatch) => pollTask(deps.api, taskId, sinceIso, watch),
    readFailureLogs: (taskId: string, sinceIso: string) => readFailureLogs(deps.api, taskId, sinceIso, failureLogLines),
    deleteUnfinishedTask: (taskId: string, clusterId: string) => deleteUnfinishedTask(deps.api, taskId, clusterId),
    notifyPipelineEvent: (event: Parameters<typeof notifyPipelineEvent>[1]) => notifyPipelineEvent(deps.webhook, event),
  };
}

/** The activity interface that workflow code proxies (types only cross into the sandbox). */
export type PipelineActivities = ReturnType<typeof createActivities>;
