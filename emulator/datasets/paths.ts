import type { DatasetRecord } from '../state/schema';

/** Storage folder of a dataset, in the documented layout `polardb_ai/datasets/<type>/<mode>/<name>`. */
export function datasetFolder(dataset: DatasetRecord): string {
  return `polardb_ai/datasets/${dataset.type}/${dataset.trainMode}/${dataset.name}`;
}

/** Storage path of one file of a dataset. */
export function datasetFilePath(dataset: DatasetRecord, fileName: string): string {
  return `${datasetFolder(dataset)}/${fileName}`;
}
