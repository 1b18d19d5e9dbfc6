import { DEFAULT_FAILURE_REASON } from '../faults/book';
import { CREATE_TASK_ACTION } from './names';

import type { FaultBook } from '../faults/book';
import type { TaskFaultFields } from '../tasks/task-faults';

/**
 * Takes the armed faults that shape a task being created (fail-task, hang-task, vanish-task, list-lag) and
 * turns them into record fields. Each kind is taken on its own, so one create can meet several; only creates
 * that passed validation take them.
 */
export function createTimeFaults(faults: FaultBook, nowMs: number): TaskFaultFields {
  const failure = faults.take(['fail-task'], CREATE_TASK_ACTION);
  const hang = faults.take(['hang-task'], CREATE_TASK_ACTION);
  const vanish = faults.take(['vanish-task'], CREATE_TASK_ACTION);
  const lag = faults.take(['list-lag'], CREATE_TASK_ACTION);

  return {
    ...(failure && { failReason: failure.message ?? DEFAULT_FAILURE_REASON }),
    ...(hang && { hang: hang.state ?? 'ACTIVATION' }),
    ...(vanish && { vanishAt: nowMs + (vanish.ms ?? 0) }),
    ...(lag && { listedFrom: nowMs + lag.ms }),
  };
}
