import type { PolarDbApiClient } from './api-client';
import { isRecord, numberField, optionalTextField, recordsOf, textField } from './response-fields';

/** One task as the pipeline needs it from the task list: small enough to live in workflow history. */
export interface ListedTask {
  taskId: string;
  taskName: string;
  creationTime?: string;
  /** `DBNodeStatus`; documented as optional, so absent means unknown, not running. */
  status?: string;
  /** What the task runs, as the list reports it; compared with a request before the task is adopted. */
  modelName?: string;
  modelSource?: string;
  trainMode?: string;
  trainType?: string;
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

/** The latest training progress point of a task. */
export interface TrainingProgress {
  step?: number;
  totalSteps?: number;
  epoch?: number;
  loss?: number;
  at?: string;
}

/** A time window for the log and metric actions, `YYYY-MM-DDTHH:mm:ssZ` in UTC. */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/** Log lines kept for a failure report; each is cut to this length. */
const logLineLimit = 500;

/**
 * The task and dataset actions the pipeline uses, reduced to the fields it needs and bounded in size
 * before they can reach workflow history. Each method is one signed call; retries belong to the caller.
 */
export class PolarDbTaskApi {
  constructor(private readonly client: PolarDbApiClient) {}

  /** Creates a task from validated CreateAIDBClusterTask parameters. */
  async createTask(params: Record<string, string>): Promise<CreatedTask> {
    const action = 'CreateAIDBClusterTask';
    const { body, requestId } = await this.client.call(action, params);
    return {
      taskId: textField(action, 'DBClusterId', body.DBClusterId, 64),
      orderId: optionalTextField(action, 'OrderId', body.OrderId, 64),
      requestId,
    };
  }

  /** Lists the tasks of a cluster (the API returns the whole list; it has no name filter). */
  async listTasks(clusterId: string, kubeType: string): Promise<ListedTask[]> {
    const action = 'DescribeAIDBClusterTasks';
    const { body } = await this.client.call(action, { RelativeDBClusterId: clusterId, KubeType: kubeType });
    return recordsOf(body.Items).map((item) => ({
      taskId: textField(action, 'Items[].DBNodeId', item.DBNodeId, 64),
      // Names of other people's tasks are compared, never kept, so no bound applies to them.
      taskName: textField(action, 'Items[].DBNodeDescription', item.DBNodeDescription, Infinity),
      creationTime: optionalTextField(action, 'Items[].CreationTime', item.CreationTime, 64),
      status: optionalTextField(action, 'Items[].DBNodeStatus', item.DBNodeStatus, Infinity),
      modelName: optionalTextField(action, 'Items[].ModelName', item.ModelName, Infinity),
      modelSource: optionalTextField(action, 'Items[].ModelSource', item.ModelSource, Infinity),
      trainMode: optionalTextField(action, 'Items[].TrainMode', item.TrainMode, Infinity),
      trainType: optionalTextField(action, 'Items[].TrainType', item.TrainType, Infinity),
    }));
  }

  /** Reads one task's authoritative status. */
  async describeTask(taskId: string): Promise<TaskState> {
    const action = 'DescribeAIDBClusterTaskAttribute';
    const { body, requestId } = await this.client.call(action, { DBClusterId: taskId, DescribeType: 'RelatedAITask' });
    return {
      taskId: textField(action, 'DBClusterId', body.DBClusterId, 64) || taskId,
      taskName: textField(action, 'DBClusterDescription', body.DBClusterDescription, 256),
      status: textField(action, 'DBClusterStatus', body.DBClusterStatus, 64),
      modelPath: optionalTextField(action, 'ModelPath', body.ModelPath),
      requestId,
    };
  }

  /** Deletes a task (stops it if it runs). */
  async deleteTask(taskId: string, clusterId: string): Promise<{ requestId: string }> {
    const { requestId } = await this.client.call('DeleteAIDBClusterTask', {
      DBClusterId: taskId,
      RelativeDBClusterId: clusterId,
    });
    return { requestId };
  }

  /** Lists the files of one dataset on a cluster. */
  async describeDataset(clusterId: string, datasetId: string): Promise<DatasetFile[]> {
    const action = 'DescribeAIDBClusterDatasets';
    const { body } = await this.client.call(action, { DBClusterId: clusterId, DatasetId: datasetId, PageSize: 100 });
    return recordsOf(body.Datasets).map((file) => ({
      datasetId: textField(action, 'Datasets[].DatasetId', file.DatasetId, 64),
      datasetType: textField(action, 'Datasets[].DatasetType', file.DatasetType, 64),
      trainMode: textField(action, 'Datasets[].TrainMode', file.TrainMode, 64),
      fileName: textField(action, 'Datasets[].FileName', file.FileName, 1_024),
    }));
  }

  /** The newest training metric point in the window, or undefined when there is none yet. */
  async latestProgress(taskId: string, window: TimeWindow): Promise<TrainingProgress | undefined> {
    const { body } = await this.client.call('DescribeAIDBClusterTaskMetrics', {
      DBClusterId: taskId,
      MetricType: 'train',
      StartTime: apiTime(window.start),
      EndTime: apiTime(window.end),
      PageSize: 30,
      Reverse: true,
    });
    const items = recordsOf(isRecord(body.Items) ? body.Items.SlsMetricsItems : undefined);
    const newest = items.reduce<Record<string, unknown> | undefined>(
      (best, item) => (best && (numberField(best.Timestamp) ?? 0) >= (numberField(item.Timestamp) ?? 0) ? best : item),
      undefined,
    );
    if (!newest) return undefined;
    const metric = isRecord(newest.Metric) ? newest.Metric : {};
    return {
      step: numberField(newest.CurrentStep),
      totalSteps: numberField(newest.GlobalStep),
      epoch: numberField(newest.Epoch),
      loss: numberField(metric.loss),
      at: typeof newest.LogTime === 'string' ? newest.LogTime.slice(0, 64) : undefined,
    };
  }

  /** The last `count` log lines in the window, oldest first, each cut to a readable length. */
  async lastLogLines(taskId: string, window: TimeWindow, count: number): Promise<string[]> {
    const { body } = await this.client.call('DescribeAIDBClusterTaskLogFiles', {
      DBClusterId: taskId,
      LogType: 'sls',
      StartTime: apiTime(window.start),
      EndTime: apiTime(window.end),
      PageSize: 100,
      Reverse: true,
    });
    const items = recordsOf(isRecord(body.Items) ? body.Items.SlsLogItems : undefined);
    return items
      .map((item) => ({ time: typeof item.LogTime === 'string' ? item.LogTime : '', message: item.Message }))
      .sort((a, b) => a.time.localeCompare(b.time))
      .slice(-count)
      .map(({ message }) => {
        const line = typeof message === 'string' ? message : '';
        return line.length > logLineLimit ? `${line.slice(0, logLineLimit)}…` : line;
      });
  }
}

/** The API's time format: UTC, second precision. */
function apiTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
