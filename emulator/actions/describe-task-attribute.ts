import { ENGINE, ENGINE_VERSION, KIND_CODE } from '../constants';
import { datasetFilePath } from '../datasets/paths';
import { isoSeconds } from '../time';
import { detailStatus, taskTimeline } from '../tasks/lifecycle';
import { modelPathOf, taskSettings } from '../tasks/settings';
import { requireTask } from './lookup';
import { optionalEnum, requiredParam } from './params';

import type { DatasetRecord, TaskRecord } from '../state/schema';
import type { TaskSettings } from '../tasks/settings';
import type { ActionContext, ActionHandler } from './types';

/** `DataSets[]` entry of the training set: the files named by data_file_list (with their `#N`), else all files. */
function trainingSetEntry(dataset: DatasetRecord, settings: TaskSettings): Record<string, unknown> {
  const files = settings.dataFiles ?? dataset.files.map((file) => file.name);
  return {
    DatasetName: dataset.name,
    Path: files.map((file) => datasetFilePath(dataset, file)).join(','),
    ...(settings.splitDatasetRatio !== undefined && { SplitDatasetRatio: String(settings.splitDatasetRatio) }),
    Type: 'train',
  };
}

function evaluationSetEntry(dataset: DatasetRecord): Record<string, unknown> {
  return {
    DatasetName: dataset.name,
    Path: dataset.files.map((file) => datasetFilePath(dataset, file.name)).join(','),
    Type: 'eval',
  };
}

function dataSets(context: ActionContext, task: TaskRecord, settings: TaskSettings): Record<string, unknown>[] {
  const trainSet = task.datasetPath === undefined ? undefined : context.store.dataset(task.datasetPath);
  const evalSet = task.evalDatasetPath === undefined ? undefined : context.store.dataset(task.evalDatasetPath);
  return [
    ...(trainSet ? [trainingSetEntry(trainSet, settings)] : []),
    ...(evalSet ? [evaluationSetEntry(evalSet)] : []),
  ];
}

/**
 * DescribeAIDBClusterTaskAttribute (§5), the authoritative status source: `Creating` → `ACTIVATION` →
 * `COMPLETED` | `FAILED`. `ModelPath` appears once a fine-tune has completed. A failure reason has no documented
 * field, so it travels in `ExtraInfo` (whose shape is undocumented too).
 */
export const describeTaskAttribute: ActionHandler = (context) => {
  const taskId = requiredParam(context.params, 'DBClusterId');
  optionalEnum(context.params, 'DescribeType', ['RelatedAITask']);
  const task = requireTask(context, taskId);
  const cluster = context.store.cluster(task.clusterId);

  const timeline = taskTimeline(task, context.nowMs);
  const status = detailStatus(timeline.phase);
  const settings = taskSettings(task);
  const modelPath = modelPathOf(task, timeline.phase === 'completed');
  const extraInfo: Record<string, string>[] = [{ RunningParameter: task.runningParameter }];
  if (timeline.phase === 'failed' && task.failReason !== undefined) extraInfo.push({ FailedReason: task.failReason });

  return {
    DBClusterId: task.id,
    ...(task.taskName !== undefined && { DBClusterDescription: task.taskName }),
    DBClusterStatus: status,
    DBClusterStatusDesc: status,
    DBType: ENGINE,
    DBVersion: ENGINE_VERSION,
    KindCode: KIND_CODE,
    CreateTime: isoSeconds(task.createdAt),
    ClusterNetworkType: 'VPC',
    VPCId: task.echoed.VPCId ?? cluster?.vpcId ?? '',
    VSwitchId: task.echoed.VSwitchId ?? cluster?.vSwitchId ?? '',
    LockMode: '1',
    MaintainStartTime: '8:00Z',
    MaintainEndTime: '12:00Z',
    ...(modelPath !== undefined && { ModelPath: modelPath }),
    ...(task.echoed.TuneArch !== undefined && { TuneArch: task.echoed.TuneArch }),
    ExtraInfo: extraInfo,
    DataSets: dataSets(context, task, settings),
    TaskInfo: [
      {
        ModelName: task.modelName,
        ...(modelPath !== undefined && { ModelPath: modelPath }),
        ModelSource: task.modelSource,
        RunningTimes: task.runningParameter,
        ...(timeline.startedAt !== undefined && { StartTime: isoSeconds(timeline.startedAt) }),
        ...(timeline.completedAt !== undefined && { CompletedTime: isoSeconds(timeline.completedAt) }),
        ...(settings.trainMode !== undefined && { TrainMode: settings.trainMode }),
        ...(settings.trainType !== undefined && { TrainType: settings.trainType }),
      },
    ],
  };
};
