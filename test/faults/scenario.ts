import type { PipelineProgress } from '../../src/pipeline/types';
import type { FaultEnvironment } from './environment';
import type { PipelineGroup, SuitePipeline } from './pipelines';

/** What a scenario may do while it runs: start pipelines, watch their progress, act on the environment. */
export interface ScenarioContext {
  env: FaultEnvironment;
  /** Starts a batch of pipelines; every pipeline started here is judged, even if the scenario throws later. */
  start(group: PipelineGroup): Promise<SuitePipeline[]>;
  /**
   * Waits until `ready` holds for every pipeline given (bounded; throws naming the pipelines that never got
   * there). `ready` sees the progress query's answer and whether the emulator holds a task of that name.
   */
  waitFor(
    pipelines: SuitePipeline[],
    what: string,
    ready: (progress: PipelineProgress, taskExists: boolean) => boolean,
  ): Promise<void>;
  /** Records something the operator should know that is not a failure (printed under the report). */
  note(text: string): void;
}

/** One fault of the suite: how it is set up, how many pipelines it runs, and what they must end with. */
export interface FaultScenario {
  /** Short id used in workflow ids (letters and digits). */
  key: string;
  /** The report's line label. */
  title: string;
  /** Pipelines per unit of `--scale`. */
  perScale: number;
  /**
   * Arms the faults, starts `count` pipelines (through `ctx.start`, each with its expectation) and drives
   * the fault (kills, restarts, cancels). The runner then waits for the outcomes, clears faults and judges.
   */
  run(ctx: ScenarioContext, count: number): Promise<void>;
  /** How long its pipelines may take from the scenario's start; default {@link defaultScenarioTimeoutMs}. */
  timeoutMs?: number;
}

/** Far beyond what any fault here costs a pipeline (the slowest: a 20 s heartbeat timeout plus retries). */
export const defaultScenarioTimeoutMs = 240_000;
