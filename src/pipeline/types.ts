import type { CreateTaskRequestInput } from '../request';
import type { TrainingProgress } from '../polardb/task-api';

/** How a pipeline waits for its task. Every field has a production default. */
export interface PollingOptions {
  /** First wait between two status reads. Default 30 s. */
  initialIntervalSeconds?: number;
  /** Ceiling the wait grows to while the task runs long. Default 300 s. */
  maxIntervalSeconds?: number;
  /** Stop waiting after this long and fail with `TaskDeadlineExceeded` (the task keeps running). Default 7 days. */
  deadlineSeconds?: number;
}

/** What a caller hands to `fineTunePipeline`. Contains no secret: credentials live in the worker. */
export interface PipelineInput {
  /** The CreateAIDBClusterTask parameters, PascalCase as in the API reference. */
  request: CreateTaskRequestInput;
  polling?: PollingOptions;
  /** Post the outcome to the worker's webhook. Default true. */
  notify?: boolean;
  /** On cancel, leave the remote task running instead of deleting it. Default false. */
  keepTaskOnCancel?: boolean;
}

/** Where a pipeline is; exposed by the `progress` query and the `PipelineStage` search attribute. */
export type PipelineStage =
  | 'validating'
  | 'checking-datasets'
  | 'creating-task'
  | 'waiting-for-task'
  | 'notifying'
  | 'cleaning-up'
  | 'completed'
  | 'cancelled'
  | 'failed';

/** Answer of the `progress` query: small, so it is cheap to read and never bloats history. */
export interface PipelineProgress {
  stage: PipelineStage;
  taskName?: string;
  taskId?: string;
  taskStatus?: string;
  statusReads: number;
  /** CreateAIDBClusterTask calls sent so far (one unless an answer was lost or a create refused). */
  createsSent?: number;
  /** A create of this run was sent and never answered (lost, timed out, cancelled in flight). */
  createMayHaveSucceeded?: boolean;
  training?: TrainingProgress;
  /** The last log lines of a task that ended FAILED. */
  failureLogs?: string[];
  /** Other tasks found carrying the pipeline's name while it waited, and what was done with each. */
  duplicateTasks?: DuplicateTask[];
}

/** A task that a lost create answer made in addition to the pipeline's own, found while waiting. */
export interface DuplicateTask {
  taskId: string;
  /** `deleted` unless it had already finished or gone by the time the pipeline acted. */
  cleanup: 'deleted' | 'already-finished' | 'already-gone';
}

/**
 * What happened to the remote task when the pipeline was cancelled. `unknown`: a create was sent but its
 * answer never came and no task with the pipeline's name was listed within the settle window, so one may
 * still surface under that name.
 */
export type CancelCleanup = 'deleted' | 'kept' | 'already-finished' | 'already-gone' | 'not-created' | 'unknown';

/** What a finished pipeline returns. A failed pipeline fails the workflow instead, with a typed failure. */
export interface PipelineResult {
  workflowId: string;
  /** Empty when the pipeline was cancelled before any task existed. */
  taskId: string;
  taskName: string;
  /** True when the task already existed (an earlier attempt or run created it) and was adopted. */
  adopted: boolean;
  status: 'COMPLETED' | 'CANCELLED';
  /** Set when `status` is CANCELLED. */
  cleanup?: CancelCleanup;
  /** The status the task had when the pipeline stopped watching it. */
  taskStatus?: string;
  modelPath?: string;
  training?: TrainingProgress;
  /** Extra tasks with the pipeline's name that it found and removed; absent when there were none. */
  duplicateTasks?: DuplicateTask[];
  requestIds: { create?: string; lastStatus?: string };
  timings: { startedAt: string; taskCreatedAt?: string; finishedAt: string; totalSeconds: number };
  notified: boolean;
}
