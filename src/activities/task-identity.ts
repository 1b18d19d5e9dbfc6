import { ApplicationFailure } from '@temporalio/activity';
import type { ListedTask } from '../polardb/task-api';

/** What the pipeline's request asks to run, in the terms the task list reports. */
export interface TaskIdentity {
  modelName?: string;
  modelSource?: string;
  trainMode?: string;
  trainType?: string;
}

const comparedFields: { key: keyof TaskIdentity; name: string }[] = [
  { key: 'modelName', name: 'ModelName' },
  { key: 'modelSource', name: 'ModelSource' },
  { key: 'trainMode', name: 'TrainMode' },
  { key: 'trainType', name: 'TrainType' },
];

/**
 * Refuses to adopt a task that carries the pipeline's name but runs something else: the name is the
 * idempotency key, so a match with another model means the name was reused (a caller-chosen TaskName,
 * or a workflow id started again with a different request), and adopting would report someone else's
 * result as this request's. A field the list leaves out cannot conflict.
 */
export function assertSameJob(task: ListedTask, expected: TaskIdentity | undefined): void {
  if (!expected) return;
  const differences = comparedFields.flatMap(({ key, name }) => {
    const listed = task[key];
    const wanted = expected[key];
    if (listed === undefined || wanted === undefined || listed.toLowerCase() === wanted.toLowerCase()) return [];
    return [`${name} is '${listed}' where this request asks for '${wanted}'`];
  });
  if (differences.length === 0) return;

  throw ApplicationFailure.create({
    message:
      `Task ${task.taskId} already carries the name '${task.taskName}' but runs another job (${differences.join('; ')}); ` +
      'not adopting it and not creating another. Give this request its own TaskName or workflow id.',
    type: 'TaskNameConflict',
    nonRetryable: true,
    details: [{ taskId: task.taskId, taskName: task.taskName, differences }],
  });
}
