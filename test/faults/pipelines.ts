import { WorkflowFailedError } from '@temporalio/client';
import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, TerminatedFailure } from '@temporalio/common';
import { startFineTunePipeline } from '../../src/client/start-pipeline';
import type { PipelineInput, PipelineProgress, PipelineResult, PollingOptions } from '../../src/pipeline/types';
import type { CancelCleanup } from '../../src/pipeline/types';
import { progressQuery } from '../../src/workflows/definitions';
import { exampleRequest } from '../support/example-request';
import type { FaultEnvironment } from './environment';
import { sleep } from './wait';

/** What a pipeline must end with for its fault to count as handled. */
export type Expectation =
  | { outcome: 'completed'; adopted?: boolean }
  | { outcome: 'failed'; failureType: string }
  | { outcome: 'cancelled'; cleanup: CancelCleanup };

/** One pipeline the suite started, and what it must end with. */
export interface SuitePipeline {
  workflowId: string;
  handle: WorkflowHandle<(input: PipelineInput) => Promise<PipelineResult>>;
  expect: Expectation;
}

/** How a pipeline ended, as far as the suite could see within its time bound. */
export type PipelineOutcome =
  | { kind: 'returned'; result: PipelineResult }
  | { kind: 'failed'; failureType: string; message: string; taskId: string }
  | { kind: 'unfinished'; reason: string };

/** Fast polling for tasks that run about two seconds, with a deadline far beyond any fault's delay. */
export const suitePolling: PollingOptions = {
  initialIntervalSeconds: 0.2,
  maxIntervalSeconds: 0.5,
  deadlineSeconds: 60,
};

/** A batch of pipelines with the same input options and expectation. */
export interface PipelineGroup {
  count: number;
  expect: Expectation;
  polling?: PollingOptions;
  keepTaskOnCancel?: boolean;
}

/**
 * Starts pipelines through the product's client helper, as another service would. Workflow ids are
 * unique per suite run (`fs-<run>-<scenario>-<n>`); the TaskName defaults to the workflow id, which is
 * how each task is traced back to its pipeline. Each one is pushed onto `started` as soon as it runs, so a
 * start that fails half-way still leaves the caller every pipeline it has to judge.
 */
export async function startPipelines(
  env: FaultEnvironment,
  idPrefix: string,
  group: PipelineGroup,
  started: SuitePipeline[] = [],
): Promise<SuitePipeline[]> {
  for (let index = 1; index <= group.count; index++) {
    const workflowId = `${idPrefix}-${index}`;
    const input: PipelineInput = {
      request: exampleRequest(),
      polling: group.polling ?? suitePolling,
      ...(group.keepTaskOnCancel && { keepTaskOnCancel: true }),
    };
    const handle = await startFineTunePipeline(env.client, { workflowId, input, taskQueue: env.taskQueue });
    started.push({ workflowId, handle, expect: group.expect });
  }
  return started.slice(started.length - group.count);
}

/** The pipeline's progress query answer. */
export function progressOf(pipeline: SuitePipeline): Promise<PipelineProgress> {
  return pipeline.handle.query(progressQuery);
}

/**
 * Waits for every pipeline to close, asking the server once a second (so a restarting server only costs a
 * few failed asks), until `deadline`. Pipelines still open then are terminated, so they cannot use up the
 * faults armed for the next scenario, and reported as unfinished.
 */
export async function awaitOutcomes(pipelines: SuitePipeline[], deadline: number): Promise<PipelineOutcome[]> {
  const outcomes = new Map<SuitePipeline, PipelineOutcome>();
  const maxRounds = Math.ceil(Math.max(0, deadline - Date.now()) / 1000) + 1;

  for (let round = 0; round < maxRounds && outcomes.size < pipelines.length && Date.now() < deadline; round++) {
    const open = pipelines.filter((candidate) => !outcomes.has(candidate));
    await Promise.all(
      open.map(async (pipeline) => {
        const closed = await pipeline.handle.describe().then(
          (description) => description.status.name !== 'RUNNING',
          () => false,
        );
        const outcome = closed ? await outcomeOf(pipeline) : undefined;
        if (outcome) outcomes.set(pipeline, outcome);
      }),
    );
    if (outcomes.size < pipelines.length) await sleep(1000);
  }

  for (const pipeline of pipelines.filter((candidate) => !outcomes.has(candidate))) {
    await pipeline.handle.terminate('Fault suite: the pipeline did not finish in time').catch(() => undefined);
    outcomes.set(pipeline, { kind: 'unfinished', reason: 'still running at the scenario deadline (terminated)' });
  }
  return pipelines.map((pipeline) => outcomes.get(pipeline) as PipelineOutcome);
}

/** The closed pipeline's outcome; undefined when the server could not be asked (asked again next round). */
async function outcomeOf(pipeline: SuitePipeline): Promise<PipelineOutcome | undefined> {
  try {
    return { kind: 'returned', result: await pipeline.handle.result() };
  } catch (error) {
    if (!(error instanceof WorkflowFailedError)) return undefined;
    const cause = error.cause;
    if (cause instanceof TerminatedFailure) return { kind: 'unfinished', reason: 'terminated' };
    const failureType = cause instanceof ApplicationFailure ? (cause.type ?? 'ApplicationFailure') : cause?.name;
    const message = cause?.message ?? error.message;
    return { kind: 'failed', failureType: failureType ?? 'Unknown', message, taskId: await failedTaskId(pipeline) };
  }
}

/** The task a failed pipeline was watching, from its progress query (answered from history once closed). */
async function failedTaskId(pipeline: SuitePipeline): Promise<string> {
  try {
    return (await progressOf(pipeline)).taskId ?? '';
  } catch {
    return '';
  }
}
