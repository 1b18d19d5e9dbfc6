import { ENGINE, ENGINE_VERSION } from '../constants';
import { clusterNotFound } from '../errors/api-error';
import { isoSeconds } from '../time';
import { isListed, listStatus, taskTimeline } from '../tasks/lifecycle';
import { modelPathOf, taskSettings } from '../tasks/settings';
import { visibleCluster } from './lookup';
import { optionalEnum, optionalParam } from './params';

import type { TaskRecord } from '../state/schema';
import type { ActionHandler } from './types';

/** One `Items[]` entry (§4). Absent facts are left out rather than sent empty, so clients learn to cope. */
function listItem(task: TaskRecord, nowMs: number, zoneId: string, withStatus: boolean): Record<string, unknown> {
  const timeline = taskTimeline(task, nowMs);
  const settings = taskSettings(task);
  const status = listStatus(timeline.phase);
  const modelPath = modelPathOf(task, timeline.phase === 'completed');

  return {
    DBNodeId: task.id,
    ...(withStatus && { DBNodeStatus: status }),
    DBNodeStatusDesc: status,
    ...(task.taskName !== undefined && { DBNodeDescription: task.taskName }),
    CreationTime: isoSeconds(task.createdAt),
    ...(timeline.startedAt !== undefined && { StartTime: isoSeconds(timeline.startedAt) }),
    ...(timeline.completedAt !== undefined && { CompletedTime: isoSeconds(timeline.completedAt) }),
    ModelName: task.modelName,
    ModelSource: task.modelSource,
    ...(modelPath !== undefined && { ModelPath: modelPath }),
    ...(settings.trainMode !== undefined && { TrainMode: settings.trainMode }),
    ...(settings.trainType !== undefined && { TrainType: settings.trainType }),
    RunningTimes: task.runningParameter,
    DataZoneId: task.echoed.ZoneId ?? zoneId,
    Engine: ENGINE,
    EngineVersion: ENGINE_VERSION,
    ...(task.echoed.TuneArch !== undefined && { TuneArch: task.echoed.TuneArch }),
  };
}

/**
 * DescribeAIDBClusterTasks (§4): every task of one parent cluster, newest first, as one plain array with no
 * paging fields. A missing RelativeDBClusterId is refused the way one page variant documents; an unknown one
 * matches nothing and yields an empty list. PageNumber/PageSize are accepted and ignored. A task held back by a
 * list-lag fault, or gone by a vanish-task fault, is not listed.
 */
export const describeTasks: ActionHandler = (context) => {
  const clusterId = optionalParam(context.params, 'RelativeDBClusterId');
  if (clusterId === undefined) throw clusterNotFound();
  const kubeType = optionalEnum(context.params, 'KubeType', ['aitrain', 'aideploy', 'aieval']);

  const cluster = visibleCluster(context, clusterId);
  const withStatus = !context.faults.take(['omit-list-status'], 'DescribeAIDBClusterTasks');
  const tasks = cluster
    ? context.store
        .tasks()
        .filter(
          (task) =>
            task.clusterId === cluster.id &&
            (kubeType === undefined || task.kubeType === kubeType) &&
            isListed(task, context.nowMs),
        )
    : [];
  const items = tasks
    .map((task, order) => ({ task, order }))
    .sort((a, b) => b.task.createdAt - a.task.createdAt || b.order - a.order)
    .map(({ task }) => listItem(task, context.nowMs, cluster?.zoneId ?? '', withStatus));

  return {
    RelativeDBClusterId: clusterId,
    Engine: ENGINE,
    EngineVersion: ENGINE_VERSION,
    TaskType: 'train',
    Items: items,
  };
};
