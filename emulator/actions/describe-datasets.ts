import { datasetFilePath } from '../datasets/paths';
import { isoSeconds } from '../time';
import { requireCluster } from './lookup';
import { pageItems, pageOf } from './paging';
import { optionalEnum, optionalParam, requiredParam } from './params';

import type { ClusterRecord, DatasetFileRecord, DatasetRecord } from '../state/schema';
import type { ActionHandler } from './types';

/** One `Datasets[]` item per file; every number is a string, as in the SDK model (§7). */
function fileItem(cluster: ClusterRecord, dataset: DatasetRecord, file: DatasetFileRecord): Record<string, unknown> {
  return {
    DatasetId: dataset.id,
    DatasetType: dataset.type,
    TrainMode: dataset.trainMode,
    FileName: file.name,
    Path: datasetFilePath(dataset, file.name),
    Capacity: String(file.capacityBytes),
    BucketName: cluster.bucketName,
    StorageType: 'Standard',
    CreationTime: isoSeconds(dataset.createdAt),
    LastModified: isoSeconds(dataset.createdAt),
  };
}

/**
 * DescribeAIDBClusterDatasets (§7): the files of a cluster's datasets, filtered by DatasetId, DatasetType and
 * TrainMode and paged by PageNumber/PageSize. An unknown DatasetId is a filter that matches nothing (empty list),
 * not an error. ContinuationToken paging is not emulated: the token is echoed and NextContinuationToken is empty.
 */
export const describeDatasets: ActionHandler = (context) => {
  const cluster = requireCluster(context, requiredParam(context.params, 'DBClusterId'));
  const datasetId = optionalParam(context.params, 'DatasetId');
  const datasetType = optionalEnum(context.params, 'DatasetType', ['train', 'eval']);
  const trainMode = optionalEnum(context.params, 'TrainMode', ['sft', 'grpo', 'text']);
  const requested = pageOf(context, 30);

  const datasets = context.store
    .datasetsOf(cluster.id)
    .filter(
      (dataset) =>
        (datasetId === undefined || dataset.id === datasetId) &&
        (datasetType === undefined || dataset.type === datasetType) &&
        (trainMode === undefined || dataset.trainMode === trainMode),
    );
  const files = datasets.flatMap((dataset) => dataset.files.map((file) => ({ dataset, file })));
  const page = pageItems(files, requested);
  // With a DatasetId the answer describes that dataset; otherwise it echoes the filters.
  const single = datasetId !== undefined ? datasets[0] : undefined;
  const reportedType = single?.type ?? datasetType;
  const reportedMode = single?.trainMode ?? trainMode;

  return {
    RelativeDBClusterId: cluster.id,
    DataServiceId: cluster.dataServiceId,
    ...(datasetId !== undefined && { DatasetId: datasetId }),
    ...(reportedType !== undefined && { DatasetType: reportedType }),
    ...(reportedMode !== undefined && { DatasetMode: reportedMode }),
    FileCount: String(page.length),
    TotalCount: String(files.length),
    TotalRecords: String(files.reduce((sum, { file }) => sum + file.records, 0)),
    PageNumber: String(requested.number),
    PageSize: String(requested.size),
    IsTruncated: requested.number * requested.size < files.length,
    ContinuationToken: optionalParam(context.params, 'ContinuationToken') ?? '',
    NextContinuationToken: '',
    Datasets: page.map(({ dataset, file }) => fileItem(cluster, dataset, file)),
  };
};
