import type { TaskRecord } from '../state/schema';

/** Where a task is in its life. */
export type TaskPhase = 'creating' | 'running' | 'completed' | 'failed';

/** A task's phase at one instant, with the start and end times that have been reached by then. */
export interface TaskTimeline {
  phase: TaskPhase;
  startedAt?: number;
  completedAt?: number;
}

/**
 * Derives the phase from the creation time and the durations stored with the task, never from timers, so an
 * emulator restarted on the same state file (or driven by a fake clock) tells the same story.
 */
export function taskTimeline(task: TaskRecord, nowMs: number): TaskTimeline {
  const startedAt = task.createdAt + task.creatingMs;
  const completedAt = startedAt + task.runningMs;

  if (nowMs < startedAt) return { phase: 'creating' };
  if (nowMs < completedAt) return { phase: 'running', startedAt };
  return { phase: task.failReason === undefined ? 'completed' : 'failed', startedAt, completedAt };
}

/**
 * `DBClusterStatus` of the detail answer. `Creating` is not in the documented enum; the spec asks for it so
 * that clients learn to treat unknown values as "still running".
 */
export function detailStatus(phase: TaskPhase): string {
  return { creating: 'Creating', running: 'ACTIVATION', completed: 'COMPLETED', failed: 'FAILED' }[phase];
}

/** `DBNodeStatus` of a list item: the list says `RUNNING` where the detail says `ACTIVATION`. */
export function listStatus(phase: TaskPhase): string {
  return { creating: 'Creating', running: 'RUNNING', completed: 'COMPLETED', failed: 'FAILED' }[phase];
}
