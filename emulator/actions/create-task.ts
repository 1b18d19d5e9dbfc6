import { apiError, invalidParameter, missingParameter } from '../errors/api-error';
import { newOrderId, newTaskId } from '../ids';
import { createTimeFaults } from './create-task-faults';
import { requireCluster } from './lookup';
import { checkEnum, optionalParam, requiredParam } from './params';
import { parseRunningParameter } from './running-parameter';

import type { DatasetRecord, TaskRecord } from '../state/schema';
import type { RunningParameter } from './running-parameter';
import type { ActionContext, ActionHandler } from './types';

/** Optional create parameters that are stored and echoed back by the list and detail answers. */
const echoedParams = ['RegionId', 'ZoneId', 'VPCId', 'VSwitchId', 'SecurityGroupId', 'DBInstanceClass', 'TuneArch'];

/**
 * Longest TaskName accepted, in characters (code points). The spec infers a 64-character limit and suggests
 * `[A-Za-z0-9_-]`; the emulator keeps the limit but accepts any printable text, so that names with spaces, quotes
 * or non-ASCII text reach the server and exercise the client's encoding instead of being refused up front.
 */
const maxTaskNameLength = 64;

function checkTaskName(name: string | undefined): void {
  if (name === undefined) return;
  if ([...name].length > maxTaskNameLength) {
    throw invalidParameter('TaskName', `it is longer than ${maxTaskNameLength} characters.`);
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalidParameter('TaskName', 'it contains control characters.');
}

/** A dataset of the task's cluster of the expected type, or InvalidParameter naming the parameter. */
function taskDataset(
  context: ActionContext,
  param: string,
  clusterId: string,
  type: DatasetRecord['type'],
): DatasetRecord | undefined {
  const id = optionalParam(context.params, param);
  if (id === undefined) return undefined;

  const dataset = context.store.dataset(id);
  if (!dataset || dataset.clusterId !== clusterId) {
    throw invalidParameter(param, `dataset ${id} does not exist on cluster ${clusterId}.`);
  }
  if (dataset.type !== type) throw invalidParameter(param, `dataset ${id} is a ${dataset.type} dataset, not ${type}.`);
  return dataset;
}

/** The training set must suit the run: same train mode, and every listed file present in the dataset. */
function checkTrainingData(dataset: DatasetRecord, settings: RunningParameter): void {
  if (settings.train_mode !== undefined && settings.train_mode !== dataset.trainMode) {
    throw invalidParameter(
      'RunningParameter',
      `train_mode ${settings.train_mode} does not match dataset ${dataset.id} (${dataset.trainMode}).`,
    );
  }

  const missing = settings.data_file_list?.find((entry) => !dataset.files.some((file) => file.name === entry.file));
  if (missing) {
    throw invalidParameter('RunningParameter', `data_file_list file ${missing.file} is not in dataset ${dataset.id}.`);
  }
}

/**
 * CreateAIDBClusterTask (§3): validates like the real service is documented or inferred to, stores TaskName and
 * RunningParameter byte for byte, and starts the timestamp-driven lifecycle. Duplicate TaskNames are allowed
 * because the real API is not known to refuse them (there is no ClientToken either).
 */
export const createTask: ActionHandler = (context) => {
  const { params } = context;
  const clusterId = requiredParam(params, 'DBClusterId');
  const modelSource = checkEnum('ModelSource', requiredParam(params, 'ModelSource'), ['public', 'custom']);
  const modelName = requiredParam(params, 'ModelName');
  const kubeType = checkEnum('KubeType', requiredParam(params, 'KubeType'), ['aitrain']);
  const runningParameter = requiredParam(params, 'RunningParameter');
  const taskName = optionalParam(params, 'TaskName');
  const modelType = optionalParam(params, 'ModelType');
  checkTaskName(taskName);
  const settings = parseRunningParameter(runningParameter);

  const cluster = requireCluster(context, clusterId);
  if (cluster.status !== 'Running') throw apiError('IncorrectDBClusterState');

  const trainSet = taskDataset(context, 'DatasetPath', clusterId, 'train');
  const evalSet = taskDataset(context, 'EvalDatasetPath', clusterId, 'eval');
  // §3: a fine-tune (train_mode set) needs DatasetPath, an evaluation (no train_mode) needs EvalDatasetPath.
  if (settings.train_mode !== undefined && !trainSet) throw missingParameter('DatasetPath');
  if (settings.train_mode === undefined && !evalSet) throw missingParameter('EvalDatasetPath');
  if (trainSet) checkTrainingData(trainSet, settings);

  const echoed = Object.fromEntries(
    echoedParams.flatMap((name) => {
      const value = optionalParam(params, name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const task: TaskRecord = {
    id: newTaskId((id) => context.store.task(id) !== undefined),
    clusterId,
    orderId: newOrderId(),
    ...(taskName !== undefined && { taskName }),
    kubeType,
    modelSource,
    modelName,
    ...(modelType !== undefined && { modelType }),
    ...(trainSet && { datasetPath: trainSet.id }),
    ...(evalSet && { evalDatasetPath: evalSet.id }),
    runningParameter,
    echoed,
    createdAt: context.nowMs,
    creatingMs: context.lifecycle.creatingMs,
    runningMs: context.lifecycle.runningMs,
    ...createTimeFaults(context.faults, context.nowMs),
  };
  context.store.addTask(task);

  return { DBClusterId: task.id, OrderId: task.orderId };
};
