import { ActivityFailure, ApplicationFailure, TimeoutFailure, log, sleep } from '@temporalio/workflow';
import { msToNumber } from '@temporalio/common/lib/time';
import type { TaskLookup } from '../activities/create-or-adopt-task';
import type { PipelineProgress } from '../pipeline/types';
import type { PipelineActivityStubs } from './activity-proxies';

/** The pipeline's task, whether this run created it or found it. */
export interface PipelineTask {
  taskId: string;
  adopted: boolean;
  requestId?: string;
  /** When the service created an adopted task; unknown for one created now. */
  createdAt?: string;
  /**
   * A create of this pipeline may have reached the service without its answer (or an earlier run's may
   * have): another task with the name can still surface in the list, so the wait watches for one.
   */
  mayHaveDuplicates: boolean;
}

/** How long the pipeline keeps trying to create its task before it gives up. */
const createBudgetMs = 60 * 60 * 1000;
const firstPauseMs = 5_000;
const maxPauseMs = 120_000;

/**
 * Creates the pipeline's task unless it exists, so that no failure can ever make a second one. The
 * list is read before every create. The workflow, not a retry policy, repeats the create, because only
 * here is it known whether a failed attempt may have created the task: a timeout, a reset connection, a
 * 5xx or a dead worker may have (the next look waits out the list's lag), a throttled or refused call
 * did not (the next look is immediate). `mayExist` starts true for a run that follows another run.
 */
export async function createOrAdoptTask(
  stubs: PipelineActivityStubs,
  lookup: Omit<TaskLookup, 'mayExist'>,
  params: Record<string, string>,
  mayExistAtStart: boolean,
  progress: PipelineProgress,
): Promise<PipelineTask> {
  const giveUpAt = Date.now() + createBudgetMs;
  let mayExist = mayExistAtStart;
  // True while some create of this run may have made a task that no look has shown yet.
  let unanswered = false;

  for (let attempt = 1; ; attempt++) {
    const found = await stubs.creates.findTask({ ...lookup, mayExist });
    if (found) return { taskId: found.taskId, adopted: true, createdAt: found.createdAt, mayHaveDuplicates: mayExist };

    try {
      progress.createsSent = (progress.createsSent ?? 0) + 1;
      progress.createMayHaveSucceeded = true;
      const created = await stubs.createOnce.createTask(params);
      progress.createMayHaveSucceeded = unanswered;
      return { taskId: created.taskId, adopted: false, requestId: created.requestId, mayHaveDuplicates: mayExist };
    } catch (error) {
      const failure = createFailure(error);
      // A cancel while the create was in flight leaves it unanswered, as does any ambiguous failure.
      unanswered = unanswered || failure.ambiguous;
      progress.createMayHaveSucceeded = unanswered;
      if (!failure.retryable || Date.now() >= giveUpAt) throw error;
      mayExist = mayExist || failure.ambiguous;
      const pauseMs = Math.max(Math.min(firstPauseMs * 2 ** (attempt - 1), maxPauseMs), failure.nextRetryDelayMs);
      log.warn('Create failed; looking for the task again before any new create', {
        taskName: lookup.taskName,
        attempt,
        failureType: failure.type,
        mayExist,
        pauseMs,
      });
      await sleep(pauseMs);
    }
  }
}

/** What a failed create attempt means for the next one. */
function createFailure(error: unknown): {
  type: string;
  retryable: boolean;
  ambiguous: boolean;
  nextRetryDelayMs: number;
} {
  const cause = error instanceof ActivityFailure ? error.cause : undefined;
  if (cause instanceof ApplicationFailure) {
    const details = cause.details?.[0] as { ambiguous?: boolean } | undefined;
    return {
      type: cause.type ?? 'ApplicationFailure',
      retryable: !cause.nonRetryable,
      // A failure without the client's verdict (an unexpected error) is treated as "maybe created".
      ambiguous: details?.ambiguous ?? true,
      nextRetryDelayMs: cause.nextRetryDelay != null ? msToNumber(cause.nextRetryDelay) : 0,
    };
  }
  // A timeout (a dead worker or a hung call) may have come after the create reached the service.
  if (cause instanceof TimeoutFailure)
    return { type: 'Timeout', retryable: true, ambiguous: true, nextRetryDelayMs: 0 };
  return { type: 'Unknown', retryable: false, ambiguous: true, nextRetryDelayMs: 0 };
}
