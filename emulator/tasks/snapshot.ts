import { isoSeconds } from '../time';
import { detailStatus, taskTimeline } from './lifecycle';

import type { TaskRecord } from '../state/schema';

/** Read-only view of a task for tests and the admin route; `status` uses the detail vocabulary. */
export interface EmulatedTask {
  taskId: string;
  clusterId: string;
  taskName?: string;
  orderId: string;
  kubeType: string;
  modelSource: string;
  modelName: string;
  datasetPath?: string;
  evalDatasetPath?: string;
  /** Exactly the text the client sent. */
  runningParameter: string;
  status: string;
  createdAt: string;
  startedAt?: string;
  completedAt?: string;
  failReason?: string;
  /** Set while a hang-task fault holds the task in this status. */
  hang?: 'Creating' | 'ACTIVATION';
}

/** Builds the view of `task` as it stands at `nowMs`. */
export function snapshotTask(task: TaskRecord, nowMs: number): EmulatedTask {
  const timeline = taskTimeline(task, nowMs);
  return {
    taskId: task.id,
    clusterId: task.clusterId,
    ...(task.taskName !== undefined && { taskName: task.taskName }),
    orderId: task.orderId,
    kubeType: task.kubeType,
    modelSource: task.modelSource,
    modelName: task.modelName,
    ...(task.datasetPath !== undefined && { datasetPath: task.datasetPath }),
    ...(task.evalDatasetPath !== undefined && { evalDatasetPath: task.evalDatasetPath }),
    runningParameter: task.runningParameter,
    status: detailStatus(timeline.phase),
    createdAt: isoSeconds(task.createdAt),
    ...(timeline.startedAt !== undefined && { startedAt: isoSeconds(timeline.startedAt) }),
    ...(timeline.completedAt !== undefined && { completedAt: isoSeconds(timeline.completedAt) }),
    ...(task.failReason !== undefined && { failReason: task.failReason }),
    ...(task.hang !== undefined && { hang: task.hang }),
  };
}
