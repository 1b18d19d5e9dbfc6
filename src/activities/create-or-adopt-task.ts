import { Context, log } from '@temporalio/activity';
import type { ListedTask, PolarDbTaskApi } from '../polardb/task-api';
import { PolarDbApiError } from '../polardb/errors';
import { asActivity } from './failures';
import { withHeartbeats } from './heartbeat';
import { assertSameJob } from './task-identity';
import type { TaskIdentity } from './task-identity';

/** Which task a pipeline looks for: its name on its cluster. */
export interface TaskLookup {
  clusterId: string;
  kubeType: string;
  taskName: string;
  /**
   * A create may already have been sent (an earlier attempt lost its answer, or an earlier run of this
   * pipeline created it): keep re-reading the list for the settle window before answering "none".
   */
  mayExist: boolean;
  /** What the request runs: a task with the name that runs something else is a conflict, never adopted. */
  expected?: TaskIdentity;
}

/** A task found by name, with when the service created it. */
export interface FoundTask {
  taskId: string;
  createdAt?: string;
}

/** A task this pipeline just created. */
export interface CreatedTaskHandle {
  taskId: string;
  requestId: string;
}

/** How long to keep looking for a task that may have been created but does not show in the list yet. */
export interface ListLagOptions {
  /** Total time to keep re-reading the list. */
  settleMs: number;
  /** Pause between two reads. */
  pollMs: number;
}

/**
 * Finds the pipeline's task by name. CreateAIDBClusterTask has no ClientToken, so the TaskName is the
 * idempotency key, and the workflow looks before every create. A new task can show in the list some
 * time after its create returned, so when a create may already have been sent the list is re-read for
 * `lag.settleMs` before the answer "none" is given.
 */
export async function findTask(
  api: PolarDbTaskApi,
  lookup: TaskLookup,
  lag: ListLagOptions,
): Promise<FoundTask | null> {
  return withHeartbeats(() =>
    asActivity(async () => {
      const found = await findTaskByName(api, lookup, lookup.mayExist ? lag : undefined);
      if (found) assertSameJob(found, lookup.expected);
      if (found) log.info('Found the pipeline’s task', { taskName: lookup.taskName, taskId: found.taskId });
      return found ? { taskId: found.taskId, createdAt: found.creationTime } : null;
    }),
  );
}

/**
 * Sends one CreateAIDBClusterTask. The workflow runs this with a single attempt: it decides itself
 * whether a failure may have created the task (ambiguous) and looks again before any new create.
 */
export async function createTask(api: PolarDbTaskApi, params: Record<string, string>): Promise<CreatedTaskHandle> {
  return withHeartbeats(() =>
    asActivity(async () => {
      const created = await api.createTask(params);
      log.info('Created task', {
        taskName: params.TaskName,
        taskId: created.taskId,
        requestId: created.requestId,
        orderId: created.orderId,
      });
      return { taskId: created.taskId, requestId: created.requestId };
    }),
  );
}

/**
 * Looks the name up in the list, confirmed on the task itself; with `lag`, keeps re-reading the list
 * for the settle window, for a create that may have happened but does not show yet.
 */
export async function findTaskByName(
  api: PolarDbTaskApi,
  lookup: Omit<TaskLookup, 'mayExist' | 'expected'>,
  lag: ListLagOptions | undefined,
): Promise<ListedTask | undefined> {
  const deadline = Date.now() + (lag?.settleMs ?? 0);
  for (;;) {
    const found = await findConfirmed(api, lookup);
    if (found || !lag || Date.now() >= deadline) return found;

    Context.current().heartbeat({ waitingForList: lookup.taskName });
    await Context.current().sleep(Math.min(lag.pollMs, Math.max(0, deadline - Date.now())));
  }
}

/** Looks for the name in the list and confirms it on the task itself (the list description is inferred). */
async function findConfirmed(
  api: PolarDbTaskApi,
  lookup: Omit<TaskLookup, 'mayExist' | 'expected'>,
): Promise<ListedTask | undefined> {
  const tasks = await api.listTasks(lookup.clusterId, lookup.kubeType);
  const candidates = tasks
    .filter((task) => task.taskName === lookup.taskName)
    .sort((a, b) => (a.creationTime ?? '').localeCompare(b.creationTime ?? ''));
  if (candidates.length > 1) {
    log.warn('Several tasks carry this pipeline name; adopting the oldest', {
      taskName: lookup.taskName,
      taskIds: candidates.map((task) => task.taskId),
    });
  }

  for (const candidate of candidates) {
    try {
      const state = await api.describeTask(candidate.taskId);
      if (state.taskName === lookup.taskName) return candidate;
    } catch (error) {
      // Deleted between the list and the read: not ours to adopt.
      if (error instanceof PolarDbApiError && error.verdict.kind === 'NotFound') continue;
      throw error;
    }
  }
  return undefined;
}
