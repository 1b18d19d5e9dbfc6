import { apiError } from '../errors/api-error';
import { isGone, taskTimeline } from '../tasks/lifecycle';
import { requireCluster, requireDataset } from './lookup';
import { optionalParam, requiredParam } from './params';

import type { ActionContext, ActionHandler } from './types';

/** True when a task that has not finished reads the dataset. */
function inUse(context: ActionContext, datasetId: string): boolean {
  return context.store.tasks().some((task) => {
    if (isGone(task, context.nowMs)) return false;
    if (task.datasetPath !== datasetId && task.evalDatasetPath !== datasetId) return false;
    const { phase } = taskTimeline(task, context.nowMs);
    return phase === 'creating' || phase === 'running';
  });
}

/**
 * DeleteAIDBClusterDataset (§7): removes a dataset. An unknown or already deleted dataset, or one on another
 * cluster than `DBClusterId`, is `InvalidDatasetId.NotFound` (404), so a repeated cleanup reads as "already gone".
 * A dataset that a running task still reads is refused (`OperationDenied.DatasetInUse`), the stricter reading of
 * an undocumented case.
 */
export const deleteDataset: ActionHandler = (context) => {
  const datasetId = requiredParam(context.params, 'DatasetId');
  const clusterId = optionalParam(context.params, 'DBClusterId');
  if (clusterId !== undefined) requireCluster(context, clusterId);
  const dataset = requireDataset(context, datasetId, clusterId);
  if (inUse(context, dataset.id)) throw apiError('OperationDenied.DatasetInUse');

  context.store.removeDataset(dataset.id);
  return { DataServiceId: context.store.cluster(dataset.clusterId)?.dataServiceId ?? '', DatasetId: dataset.id };
};
