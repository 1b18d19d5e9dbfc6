import { Context, log } from '@temporalio/activity';
import type { ListedTask, PolarDbTaskApi } from '../polardb/task-api';
import { PolarDbApiError } from '../polardb/errors';
import { asActivity } from './failures';
import { withHeartbeats } from './heartbeat';

/** Input of {@link createOrAdoptTask}: everything needed to create, and the name that identifies the task. */
export interface CreateOrAdoptInput {
  clusterId: string;
  kubeType: string;
  taskName: string;
  /** Validated CreateAIDBClusterTask parameters, TaskName included. */
  params: Record<string, string>;
  /**
   * An earlier run of this pipeline (a reset, or a workflow retry) may have sent the create: wait out the
   * list lag before creating even on the first attempt of this activity.
   */
  earlierRunMayHaveCreated?: boolean;
}

/** The pipeline's task, whether this call created it or found it. */
export interface TaskHandle {
  taskId: string;
  taskName: string;
  adopted: boolean;
  requestId?: string;
  /** When the service created an adopted task (its list CreationTime); unknown for one created now. */
  createdAt?: string;
}

/** How long to keep looking for a task that an earlier attempt may have created but the list does not show. */
export interface ListLagOptions {
  /** Total time to keep re-reading the list after an earlier attempt. */
  settleMs: number;
  /** Pause between two reads. */
  pollMs: number;
}

/**
 * Creates the pipeline's task, unless it exists already. CreateAIDBClusterTask has no ClientToken, so
 * the TaskName is the idempotency key: the list is read before every create, and when an earlier attempt
 * of this activity may have created the task (any attempt after the first), the list is re-read for
 * `lag.settleMs` first, because a new task can show in the list some time after its create returned.
 */
export async function createOrAdoptTask(
  api: PolarDbTaskApi,
  input: CreateOrAdoptInput,
  lag: ListLagOptions,
): Promise<TaskHandle> {
  return withHeartbeats(() =>
    asActivity(async () => {
      const attempt = Context.current().info.attempt;
      // TODO(create-retries): an attempt that failed before its create (throttled list, 5xx) also makes the next
      // one wait out the settle window; telling the two apart needs the create outcome outside this activity.
      const mayExist = attempt > 1 || input.earlierRunMayHaveCreated === true;
      const existing = await findTaskByName(api, input, mayExist ? lag : undefined);
      if (existing) {
        log.info('Adopted existing task', { taskName: input.taskName, taskId: existing.taskId, attempt });
        return { taskId: existing.taskId, taskName: input.taskName, adopted: true, createdAt: existing.creationTime };
      }

      const created = await api.createTask(input.params);
      log.info('Created task', {
        taskName: input.taskName,
        taskId: created.taskId,
        requestId: created.requestId,
        orderId: created.orderId,
      });
      return { taskId: created.taskId, taskName: input.taskName, adopted: false, requestId: created.requestId };
    }),
  );
}

/**
 * Finds the pipeline's task by name without creating anything; with `lag`, keeps re-reading the list
 * for the settle window, for a create that may have happened but does not show yet.
 */
export async function findTaskByName(
  api: PolarDbTaskApi,
  input: Pick<CreateOrAdoptInput, 'clusterId' | 'kubeType' | 'taskName'>,
  lag: ListLagOptions | undefined,
): Promise<ListedTask | undefined> {
  const deadline = Date.now() + (lag?.settleMs ?? 0);
  for (;;) {
    const found = await findConfirmed(api, input);
    if (found || !lag || Date.now() >= deadline) return found;

    Context.current().heartbeat({ waitingForList: input.taskName });
    await Context.current().sleep(Math.min(lag.pollMs, Math.max(0, deadline - Date.now())));
  }
}

/** Looks for the name in the list and confirms it on the task itself (the list description is inferred). */
async function findConfirmed(
  api: PolarDbTaskApi,
  input: Pick<CreateOrAdoptInput, 'clusterId' | 'kubeType' | 'taskName'>,
): Promise<ListedTask | undefined> {
  const tasks = await api.listTasks(input.clusterId, input.kubeType);
  const candidates = tasks
    .filter((task) => task.taskName === input.taskName)
    .sort((a, b) => (a.creationTime ?? '').localeCompare(b.creationTime ?? ''));
  if (candidates.length > 1) {
    log.warn('Several tasks carry this pipeline name; adopting the oldest', {
      taskName: input.taskName,
      taskIds: candidates.map((task) => task.taskId),
    });
  }

  for (const candidate of candidates) {
    try {
      const state = await api.describeTask(candidate.taskId);
      if (state.taskName === input.taskName) return candidate;
    } catch (error) {
      // Deleted between the list and the read: not ours to adopt.
      if (error instanceof PolarDbApiError && error.verdict.kind === 'NotFound') continue;
      throw error;
    }
  }
  return undefined;
}
