import { clusterNotFound } from '../errors/api-error';
import { optionalParam } from './params';

import type { ClusterRecord, TaskRecord } from '../state/schema';
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

/** A task visible to the caller; unknown, deleted or other-region tasks are `InvalidDBClusterId.NotFound`. */
export function requireTask(context: ActionContext, taskId: string): TaskRecord {
  const task = context.store.task(taskId);
  if (!task || !visibleCluster(context, task.clusterId)) throw clusterNotFound();
  return task;
}
