import { DEFAULT_FAILURE_REASON } from '../faults/book';
import { FaultSpecError } from '../faults/types';
import { isGone, releaseHang, taskTimeline } from './lifecycle';

import type { TaskFaultTarget } from '../faults/book';
import type { TaskAimedFault } from '../faults/types';
import type { StateStore } from '../state/store';
import type { TaskRecord } from '../state/schema';

/** The record fields a create-time task fault sets on a new task (see `createTimeFaults`). */
export type TaskFaultFields = Pick<TaskRecord, 'failReason' | 'hang' | 'listedFrom' | 'vanishAt'>;

/** Refuses to hang a task that is already past the state it should hang in, or finished. */
function checkCanHang(task: TaskRecord, state: 'Creating' | 'ACTIVATION', nowMs: number): void {
  const { phase } = taskTimeline(task, nowMs);
  if (phase === 'completed' || phase === 'failed' || (state === 'Creating' && phase !== 'creating')) {
    throw new FaultSpecError(`Invalid fault: task ${task.id} is already past ${state}.`);
  }
}

/**
 * Applies task faults to stored tasks. Their effects are written into the task records, so a restarted emulator
 * keeps telling the same story: a failed task stays failed, a hung one stays hung until the faults are cleared.
 */
export class StoredTaskFaults implements TaskFaultTarget {
  constructor(
    private readonly store: StateStore,
    private readonly now: () => number,
  ) {}

  applyToTask(spec: TaskAimedFault & { taskId: string }): void {
    const nowMs = this.now();
    const task = this.store.task(spec.taskId);
    if (!task || isGone(task, nowMs)) throw new FaultSpecError(`Invalid fault: task ${spec.taskId} does not exist.`);

    if (spec.kind === 'hang-task') checkCanHang(task, spec.state ?? 'ACTIVATION', nowMs);
    this.store.updateTask(task.id, (stored) => {
      if (spec.kind === 'fail-task') stored.failReason = spec.message ?? DEFAULT_FAILURE_REASON;
      if (spec.kind === 'hang-task') stored.hang = spec.state ?? 'ACTIVATION';
      if (spec.kind === 'vanish-task') stored.vanishAt = nowMs + (spec.ms ?? 0);
    });
  }

  releaseHungTasks(): void {
    const nowMs = this.now();
    for (const task of this.store.tasks()) {
      if (task.hang !== undefined) this.store.updateTask(task.id, (stored) => releaseHang(stored, nowMs));
    }
  }
}
