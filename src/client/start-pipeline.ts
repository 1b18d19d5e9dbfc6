import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { validatePipelineInput } from '../pipeline/pipeline-input';
import type { PipelineInput, PipelineResult } from '../pipeline/types';
import { defaultTaskQueue } from '../task-queue';

/** How another service starts a pipeline. */
export interface StartPipelineOptions {
  /** Business key of the job, e.g. `nightly-grpo-2026-12-04`. Starting the same id twice returns the running one. */
  workflowId: string;
  input: PipelineInput;
  taskQueue?: string;
}

/**
 * Starts a fine-tune pipeline after validating its input locally, so a caller hears about bad input at
 * once and no workflow is started for it. A second start with the same workflow id while the first runs
 * attaches to it instead of starting another.
 */
export async function startFineTunePipeline(
  client: Client,
  options: StartPipelineOptions,
): Promise<WorkflowHandleWithFirstExecutionRunId<(input: PipelineInput) => Promise<PipelineResult>>> {
  validatePipelineInput(options.input);
  return client.workflow.start<(input: PipelineInput) => Promise<PipelineResult>>('fineTunePipeline', {
    workflowId: options.workflowId,
    taskQueue: options.taskQueue ?? defaultTaskQueue,
    args: [options.input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
