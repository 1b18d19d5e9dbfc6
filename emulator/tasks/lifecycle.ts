import type { TaskRecord } from '../state/schema';

/** Where a task is in its life. */
export type TaskPhase = 'creating' | 'running' | 'completed' | 'failed';

/** A task's phase at one instant, with the start and end times that have been reached by then. */
export interface TaskTimeline {
  phase: TaskPhase;
  startedAt?: number;
  completedAt?: number;
}

/** When the task leaves `Creating` and when it ends, as the record stands (hangs not yet released included). */
export function scheduleOf(task: TaskRecord): { startsAt: number; endsAt: number } {
  const startsAt = task.createdAt + task.creatingMs;
  return { startsAt, endsAt: startsAt + task.runningMs + (task.heldMs ?? 0) };
}

/**
 * Derives the phase from the creation time and the durations stored with the task, never from timers, so an
 * emulator restarted on the same state file (or driven by a fake clock) tells the same story. A hung task stays
 * in its phase however late it is; releasing the hang (see `releaseHang`) moves its schedule instead.
 */
export function taskTimeline(task: TaskRecord, nowMs: number): TaskTimeline {
  const { startsAt, endsAt } = scheduleOf(task);

  if (nowMs < startsAt || task.hang === 'Creating') return { phase: 'creating' };
  if (nowMs < endsAt || task.hang === 'ACTIVATION') return { phase: 'running', startedAt: startsAt };
  return { phase: task.failReason === undefined ? 'completed' : 'failed', startedAt: startsAt, completedAt: endsAt };
}

/**
 * Ends a hang at `nowMs`. The time the task waited past the natural end of its phase is added to that phase, so
 * it carries on from where it stopped (a released `Creating` task then runs its full time) instead of jumping
 * ahead, and nothing it already reported changes.
 */
export function releaseHang(task: TaskRecord, nowMs: number): void {
  const { startsAt, endsAt } = scheduleOf(task);
  if (task.hang === 'Creating') task.creatingMs += Math.max(0, nowMs - startsAt);
  if (task.hang === 'ACTIVATION') task.heldMs = (task.heldMs ?? 0) + Math.max(0, nowMs - endsAt);
  delete task.hang;
}

/** True once a vanish-task fault has taken effect: the task answers 404 everywhere, as if deleted. */
export function isGone(task: TaskRecord, nowMs: number): boolean {
  return task.vanishAt !== undefined && nowMs >= task.vanishAt;
}

/** True when the task list shows the task: it exists and any list-lag has passed. */
export function isListed(task: TaskRecord, nowMs: number): boolean {
  return !isGone(task, nowMs) && (task.listedFrom === undefined || nowMs >= task.listedFrom);
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
