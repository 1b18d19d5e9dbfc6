import type { PolarDbApiClient } from './api-client';

/** One task as the pipeline needs it from the task list: small enough to live in workflow history. */
export interface ListedTask {
  taskId: string;
  taskName: string;
  creationTime?: string;
}

/** A task's state as the pipeline needs it from DescribeAIDBClusterTaskAttribute. */
export interface TaskState {
  taskId: string;
  taskName: string;
  /** Raw `DBClusterStatus`; empty while the service has not reported one yet. */
  status: string;
  modelPath?: string;
  requestId: string;
}

/** A created task: the id the service returned and the ids to quote to support. */
export interface CreatedTask {
  taskId: string;
  orderId?: string;
  requestId: string;
}

/** One file of a dataset, as listed by DescribeAIDBClusterDatasets. */
export interface DatasetFile {
  datasetId: string;
  datasetType: string;
  trainMode: string;
  fileName: string;
}

/**
 * The task and dataset actions the pipeline uses, reduced to the fields it needs. Each method is one
 * signed call; retries belong to the caller.
 */
export class PolarDbTaskApi {
  constructor(private readonly client: PolarDbApiClient) {}

  /** Creates a task from validated CreateAIDBClusterTask parameters. */
  async createTask(params: Record<string, string>): Promise<CreatedTask> {
    const { body, requestId } = await this.client.call('CreateAIDBClusterTask', params);
    return { taskId: text(body.DBClusterId), orderId: optionalText(body.OrderId), requestId };
  }

  /** Lists the tasks of a cluster (the API returns the whole list; it has no name filter). */
  async listTasks(clusterId: string, kubeType: string): Promise<ListedTask[]> {
    const { body } = await this.client.call('DescribeAIDBClusterTasks', {
      RelativeDBClusterId: clusterId,
      KubeType: kubeType,
    });
    const items = Array.isArray(body.Items) ? (body.Items as unknown[]) : [];
    return items.filter(isRecord).map((item) => ({
      taskId: text(item.DBNodeId),
      taskName: text(item.DBNodeDescription),
      creationTime: optionalText(item.CreationTime),
    }));
  }

  /** Reads one task's authoritative status. */
  async describeTask(taskId: string): Promise<TaskState> {
    const { body, requestId } = await this.client.call('DescribeAIDBClusterTaskAttribute', {
      DBClusterId: taskId,
      DescribeType: 'RelatedAITask',
    });
    return {
      taskId: text(body.DBClusterId) || taskId,
      taskName: text(body.DBClusterDescription),
      status: text(body.DBClusterStatus),
      modelPath: optionalText(body.ModelPath),
      requestId,
    };
  }

  /** Lists the files of one dataset on a cluster. */
  async describeDataset(clusterId: string, datasetId: string): Promise<DatasetFile[]> {
    const { body } = await this.client.call('DescribeAIDBClusterDatasets', {
      DBClusterId: clusterId,
      DatasetId: datasetId,
    });
    const files = Array.isArray(body.Datasets) ? (body.Datasets as unknown[]) : [];
    return files.filter(isRecord).map((file) => ({
      datasetId: text(file.DatasetId),
      datasetType: text(file.DatasetType),
      trainMode: text(file.TrainMode),
      fileName: text(file.FileName),
    }));
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  // Numbers and booleans appear where the API documents strings; objects never carry an id or status.
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function optionalText(value: unknown): string | undefined {
  const result = text(value);
  return result === '' ? undefined : result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
