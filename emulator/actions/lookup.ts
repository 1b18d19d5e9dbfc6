import { apiError, clusterNotFound } from '../errors/api-error';
import { isGone } from '../tasks/lifecycle';
import { optionalParam } from './params';

import type { ClusterRecord, DatasetRecord, TaskRecord } from '../state/schema';
import type { ActionContext } from './types';

/**
 * The cluster with this id as the caller can see it: a `RegionId` that differs from the cluster's region hides
 * it, as a regional service would. Undefined when not visible.
 */
export function visibleCluster(context: ActionContext, clusterId: string): ClusterRecord | undefined {
  const cluster = context.store.cluster(clusterId);
  const region = optionalParam(context.params, 'RegionId');
  return cluster && (region === undefined || region === cluster.regionId) ? cluster : undefined;
}

/** Like {@link visibleCluster} but refuses with `InvalidDBClusterId.NotFound`. */
export function requireCluster(context: ActionContext, clusterId: string): ClusterRecord {
  const cluster = visibleCluster(context, clusterId);
  if (!cluster) throw clusterNotFound();
  return cluster;
}

/** A task visible to the caller; unknown, deleted, vanished or other-region tasks are `InvalidDBClusterId.NotFound`. */
export function requireTask(context: ActionContext, taskId: string): TaskRecord {
  const task = context.store.task(taskId);
  if (!task || isGone(task, context.nowMs) || !visibleCluster(context, task.clusterId)) throw clusterNotFound();
  return task;
}

/**
 * {@link requireTask} for the actions that document a `RelativeDBClusterId`: one that is not the task's parent is
 * treated as not found rather than ignored.
 */
export function requireTaskOfParent(context: ActionContext, taskId: string): TaskRecord {
  const task = requireTask(context, taskId);
  const parentId = optionalParam(context.params, 'RelativeDBClusterId');
  if (parentId !== undefined && parentId !== task.clusterId) throw clusterNotFound();
  return task;
}

/** A dataset visible to the caller, on `clusterId` when one is given; otherwise `InvalidDatasetId.NotFound`. */
export function requireDataset(context: ActionContext, datasetId: string, clusterId?: string): DatasetRecord {
  const dataset = context.store.dataset(datasetId);
  const visible = dataset && visibleCluster(context, dataset.clusterId);
  if (!dataset || !visible || (clusterId !== undefined && dataset.clusterId !== clusterId)) {
    throw apiError('InvalidDatasetId.NotFound');
  }
  return dataset;
}
