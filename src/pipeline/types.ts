import type { CreateTaskRequestInput } from '../request';

/** How a pipeline waits for its task. Every field has a production default. */
export interface PollingOptions {
  /** First wait between two status reads. Default 30 s. */
  initialIntervalSeconds?: number;
  /** Ceiling the wait grows to while the task runs long. Default 300 s. */
  maxIntervalSeconds?: number;
  /** Stop waiting after this long and fail with `TaskDeadlineExceeded`. Default 7 days. */
  deadlineSeconds?: number;
}

/** What a caller hands to {@link fineTunePipeline}. Contains no secret: credentials live in the worker. */
export interface PipelineInput {
  /** The CreateAIDBClusterTask parameters, PascalCase as in the API reference. */
  request: CreateTaskRequestInput;
  polling?: PollingOptions;
  /** Post the result to the worker's webhook. Default true. */
  notify?: boolean;
}

/** Where a pipeline is; exposed by the `progress` query and the `PipelineStage` search attribute. */
export type PipelineStage =
  'validating' | 'checking-datasets' | 'creating-task' | 'waiting-for-task' | 'notifying' | 'completed' | 'failed';

/** Answer of the `progress` query. */
export interface PipelineProgress {
  stage: PipelineStage;
  taskName?: string;
  taskId?: string;
  taskStatus?: string;
  statusReads: number;
}

/** What a finished pipeline returns. */
export interface PipelineResult {
  workflowId: string;
  taskId: string;
  taskName: string;
  /** True when the task already existed (an earlier attempt created it) and was adopted. */
  adopted: boolean;
  status: 'COMPLETED';
  modelPath?: string;
  requestIds: { create?: string; lastStatus?: string };
  timings: { startedAt: string; taskCreatedAt: string; finishedAt: string; totalSeconds: number };
  notified: boolean;
}
