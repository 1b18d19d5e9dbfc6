import { datasetFolder } from '../datasets/paths';
import { apiError, invalidParameter } from '../errors/api-error';
import { newDatasetId } from '../ids';
import { requireCluster } from './lookup';
import { checkEnum, optionalEnum, requiredParam } from './params';

import type { DatasetRecord } from '../state/schema';
import type { ActionHandler } from './types';

/**
 * The name becomes a folder of the storage path, so it is kept to a safe set; the real limits are undocumented
 * and this is the stricter reading.
 */
const datasetNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * CreateAIDBClusterDataset (§7): registers an empty dataset under a `pc-` cluster and answers its `pds-` id and
 * storage folder. Uploading files is not part of the API (`ImportMode` is only `LocalImport`), so the new
 * dataset lists no files. A training set takes `sft` or `grpo`, an evaluation set `text`. A second dataset with the
 * same name on one cluster is refused, because both would share one storage folder.
 */
export const createDataset: ActionHandler = (context) => {
  const { params } = context;
  const clusterId = requiredParam(params, 'DBClusterId');
  const name = requiredParam(params, 'DatasetName');
  const type = checkEnum('DatasetType', requiredParam(params, 'DatasetType'), ['train', 'eval']);
  const trainMode = checkEnum('TrainMode', requiredParam(params, 'TrainMode'), ['sft', 'grpo', 'text']);
  optionalEnum(params, 'ImportMode', ['LocalImport']);
  if (!datasetNamePattern.test(name)) {
    throw invalidParameter('DatasetName', 'use 1 to 64 letters, digits, "_" or "-", starting with a letter or digit.');
  }
  if ((type === 'eval') !== (trainMode === 'text')) {
    throw invalidParameter('TrainMode', `a ${type} dataset cannot use ${trainMode}.`);
  }

  const cluster = requireCluster(context, clusterId);
  if (cluster.status !== 'Running') throw apiError('IncorrectDBClusterState');
  if (context.store.datasetsOf(cluster.id).some((dataset) => dataset.name === name)) {
    throw invalidParameter('DatasetName', `a dataset named ${name} already exists on cluster ${cluster.id}.`);
  }

  const dataset: DatasetRecord = {
    id: newDatasetId((id) => context.store.dataset(id) !== undefined),
    clusterId: cluster.id,
    name,
    type,
    trainMode,
    createdAt: context.nowMs,
    files: [],
  };
  context.store.addDataset(dataset);

  return {
    DBClusterId: cluster.id,
    DataServiceId: cluster.dataServiceId,
    DatasetId: dataset.id,
    DatasetName: dataset.name,
    Path: datasetFolder(dataset),
  };
};
