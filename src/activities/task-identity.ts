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
  const differences = jobDifferences(task, expected);
  if (differences.length === 0) return;

  throw ApplicationFailure.create({
    message:
      `Task ${task.taskId} already carries the name '${task.taskName.slice(0, 100)}' but runs another job (${differences.join('; ')}); ` +
      'not adopting it and not creating another. Give this request its own TaskName or workflow id.',
    type: 'TaskNameConflict',
    nonRetryable: true,
    details: [{ taskId: task.taskId, taskName: task.taskName.slice(0, 100), differences }],
  });
}

/** True when the listed task runs the job `expected` describes, as far as the list shows. */
export function isSameJob(task: ListedTask, expected: TaskIdentity | undefined): boolean {
  return jobDifferences(task, expected).length === 0;
}

/** Each field where the list and the request disagree, worded for an operator (values cut to 100 characters). */
function jobDifferences(task: ListedTask, expected: TaskIdentity | undefined): string[] {
  if (!expected) return [];
  return comparedFields.flatMap(({ key, name }) => {
    const listed = task[key];
    const wanted = expected[key];
    if (listed === undefined || wanted === undefined || listed.toLowerCase() === wanted.toLowerCase()) return [];
    return [`${name} is '${listed.slice(0, 100)}' where this request asks for '${wanted.slice(0, 100)}'`];
  });
}
