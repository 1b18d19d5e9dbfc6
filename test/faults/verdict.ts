import type { PipelineOutcome, SuitePipeline } from './pipelines';

/** What the emulator shows for one pipeline's TaskName. */
export interface TaskEvidence {
  /** Every task a create made under this name, in order, deleted or vanished ones included. */
  created: string[];
  /** Those that still exist (and have not vanished). */
  live: Set<string>;
}

/** How one pipeline fared under its fault. */
export interface PipelineVerdict {
  workflowId: string;
  /** Ended as its expectation says, with exactly the task it names (or none, when none was due). */
  correct: boolean;
  /** Did not end within the bound, or left a task running that its outcome does not name. */
  lost: boolean;
  /** Tasks beyond the first created under its TaskName. */
  duplicates: number;
  /** Why it is not correct, for the report. */
  problem?: string;
}

/** Judges one pipeline's outcome against its expectation and the tasks created under its name. */
export function judge(pipeline: SuitePipeline, outcome: PipelineOutcome, tasks: TaskEvidence): PipelineVerdict {
  const named = namedTask(outcome);
  const orphans = [...tasks.live].filter((taskId) => taskId !== named);
  const lost = outcome.kind === 'unfinished' || orphans.length > 0;
  const duplicates = Math.max(0, tasks.created.length - 1);

  const problem =
    (outcome.kind === 'unfinished' && `did not finish: ${outcome.reason}`) ||
    (orphans.length > 0 && `task ${orphans.join(', ')} is still there but the outcome does not name it`) ||
    (duplicates > 0 && `${tasks.created.length} tasks created: ${tasks.created.join(', ')}`) ||
    mismatch(pipeline, outcome, tasks);
  return { workflowId: pipeline.workflowId, correct: !problem, lost, duplicates, ...(problem && { problem }) };
}

function namedTask(outcome: PipelineOutcome): string {
  if (outcome.kind === 'returned') return outcome.result.taskId;
  if (outcome.kind === 'failed') return outcome.taskId;
  return '';
}

/** The first way the outcome differs from the expectation, or undefined when it matches. */
function mismatch(pipeline: SuitePipeline, outcome: PipelineOutcome, tasks: TaskEvidence): string | undefined {
  const expect = pipeline.expect;
  const only = tasks.created.length === 1 ? tasks.created[0] : undefined;
  const got = describeOutcome(outcome);

  if (expect.outcome === 'failed') {
    if (outcome.kind !== 'failed' || outcome.failureType !== expect.failureType) {
      return `expected failure ${expect.failureType}, got ${got}`;
    }
    return outcome.taskId === only ? undefined : `failure names task ${outcome.taskId || '(none)'}, created ${only}`;
  }
  if (outcome.kind !== 'returned') return `expected ${expect.outcome}, got ${got}`;

  const result = outcome.result;
  if (expect.outcome === 'completed') {
    if (result.status !== 'COMPLETED' || result.taskStatus !== 'COMPLETED') return `expected COMPLETED, got ${got}`;
    if (result.taskId !== only || !tasks.live.has(result.taskId))
      return `result names ${result.taskId}, created ${only}`;
    if (expect.adopted !== undefined && result.adopted !== expect.adopted) return `adopted is ${result.adopted}`;
    return undefined;
  }

  if (result.status !== 'CANCELLED' || result.cleanup !== expect.cleanup) {
    return `expected CANCELLED with cleanup ${expect.cleanup}, got ${got}`;
  }
  if (expect.cleanup === 'not-created') return tasks.created.length === 0 ? undefined : 'a task was created';
  if (result.taskId !== only) return `result names ${result.taskId || '(none)'}, created ${only}`;
  const kept = tasks.live.has(result.taskId);
  if (expect.cleanup === 'kept') return kept ? undefined : 'the kept task is gone';
  return kept ? 'the task was not deleted' : undefined;
}

function describeOutcome(outcome: PipelineOutcome): string {
  if (outcome.kind === 'failed') return `failure ${outcome.failureType} (${outcome.message})`;
  if (outcome.kind === 'unfinished') return `no outcome (${outcome.reason})`;
  const { status, cleanup, taskStatus } = outcome.result;
  return [status, cleanup && `cleanup ${cleanup}`, taskStatus && `task ${taskStatus}`].filter(Boolean).join(', ');
}
