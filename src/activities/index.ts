import type { PolarDbTaskApi } from '../polardb/task-api';
import type { WebhookOptions } from '../notify/webhook';
import { checkDatasets } from './check-datasets';
import { createOrAdoptTask } from './create-or-adopt-task';
import type { ListLagOptions } from './create-or-adopt-task';
import { describeTask } from './describe-task';
import { notifyPipelineEvent } from './notify';
import { validateRequest } from './validate-request';

/** What the activities need from the outside world; tests hand in local or real parts. */
export interface ActivityDependencies {
  api: PolarDbTaskApi;
  webhook?: WebhookOptions;
  listLag: ListLagOptions;
}

/** Builds the pipeline's activities over injected dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    validateRequest,
    checkDatasets: (request: Parameters<typeof checkDatasets>[1]) => checkDatasets(deps.api, request),
    createOrAdoptTask: (input: Parameters<typeof createOrAdoptTask>[1]) =>
      createOrAdoptTask(deps.api, input, deps.listLag),
    describeTask: (taskId: string) => describeTask(deps.api, taskId),
    notifyPipelineEvent: (event: Parameters<typeof notifyPipelineEvent>[1]) => notifyPipelineEvent(deps.webhook, event),
  };
}

/** The activity interface that workflow code proxies (types only cross into the sandbox). */
export type PipelineActivities = ReturnType<typeof createActivities>;
