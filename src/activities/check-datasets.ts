import { ApplicationFailure, log } from '@temporalio/activity';
import type { DatasetFile, PolarDbTaskApi } from '../polardb/task-api';
import type { ValidatedCreateTaskRequest } from '../request';
import { asActivity } from './failures';

/** What the dataset check found, kept small for history. */
export interface DatasetCheckSummary {
  checked: { datasetId: string; role: 'train' | 'eval'; files: number }[];
}

/**
 * Checks, before any money is spent, that the datasets a request names exist on its cluster with
 * files of the right type and training mode, and that every file named in `data_file_list` is there.
 * A failed check is non-retryable: nothing will change by asking again.
 */
export async function checkDatasets(
  api: PolarDbTaskApi,
  request: ValidatedCreateTaskRequest,
): Promise<DatasetCheckSummary> {
  const clusterId = request.params.DBClusterId ?? '';
  const wanted: { datasetId: string; role: 'train' | 'eval' }[] = [];
  if (request.params.DatasetPath) wanted.push({ datasetId: request.params.DatasetPath, role: 'train' });
  if (request.params.EvalDatasetPath) wanted.push({ datasetId: request.params.EvalDatasetPath, role: 'eval' });

  const checked: DatasetCheckSummary['checked'] = [];
  for (const { datasetId, role } of wanted) {
    const files = await asActivity(() => api.describeDataset(clusterId, datasetId));
    const problem = datasetProblem(files, role, request);
    if (problem) {
      throw ApplicationFailure.create({
        message: `Dataset ${datasetId} (${role === 'train' ? 'DatasetPath' : 'EvalDatasetPath'}) on ${clusterId}: ${problem}`,
        type: 'DatasetCheckFailed',
        nonRetryable: true,
      });
    }
    checked.push({ datasetId, role, files: files.length });
  }

  log.info('Datasets checked', { clusterId, datasets: checked });
  return { checked };
}

function datasetProblem(
  files: DatasetFile[],
  role: 'train' | 'eval',
  request: ValidatedCreateTaskRequest,
): string | undefined {
  if (files.length === 0) return 'not found or has no files';

  const wrongType = files.find((file) => file.datasetType !== role);
  if (wrongType) return `is of type ${wrongType.datasetType || '(none)'}, expected ${role}`;

  const trainMode = request.runningParameter.trainMode;
  if (role === 'train' && trainMode) {
    const wrongMode = files.find((file) => file.trainMode !== trainMode);
    if (wrongMode) return `has training mode ${wrongMode.trainMode || '(none)'}, but train_mode is ${trainMode}`;
  }

  if (role === 'train') {
    const present = new Set(files.map((file) => file.fileName));
    const missing = request.runningParameter.dataFiles.map((file) => file.name).filter((name) => !present.has(name));
    if (missing.length > 0) return `has no file ${missing.join(', ')} named in RunningParameter.data_file_list`;
  }
  return undefined;
}
