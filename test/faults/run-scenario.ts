import type { FaultEnvironment } from './environment';
import { callsByAction } from './emulator-ledger';
import { awaitOutcomes, progressOf, startPipelines } from './pipelines';
import type { SuitePipeline } from './pipelines';
import { defaultScenarioTimeoutMs } from './scenario';
import type { FaultScenario, ScenarioContext } from './scenario';
import { judge } from './verdict';
import type { PipelineVerdict, TaskEvidence } from './verdict';
import { waitUntil } from './wait';

/** Stage waits (a pipeline reaching creating-task...) take seconds; this bound only catches a stuck run. */
const stageTimeoutMs = 90_000;
/** Held answers are logged when they are finally given (the longest hold is 10 s); wait at most this long. */
const maxQuietWaitMs = 20_000;

/** One line of the report: how the pipelines of one scenario fared. */
export interface ScenarioReport {
  title: string;
  started: number;
  completedCorrectly: number;
  duplicatedTasks: number;
  lostPipelines: number;
  /** Calls the emulator answered during the scenario, per action (divide by `started` for a pipeline's share). */
  calls: Map<string, number>;
  /** Workflow ids of every pipeline started, to account for every task the emulator holds. */
  workflowIds: string[];
  seconds: number;
  /** The incorrect pipelines and any scenario step that failed, for the operator. */
  problems: string[];
  /** What the scenario observed that is worth knowing but not a failure. */
  notes: string[];
}

/**
 * Runs one scenario: its set-up and drive, then waits (bounded) for every pipeline it started, lets held
 * answers arrive, clears its faults and rate limits, and judges each pipeline against the emulator's record.
 */
export async function runScenario(
  env: FaultEnvironment,
  scenario: FaultScenario,
  count: number,
  runTag: string,
): Promise<ScenarioReport> {
  const startedAt = Date.now();
  const mark = env.emulator.ledger.mark();
  const pipelines: SuitePipeline[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  let batch = 0;

  const ctx: ScenarioContext = {
    env,
    start: (group) => startPipelines(env, `fs-${runTag}-${scenario.key}${++batch}`, group, pipelines),
    waitFor: (waited, what, ready) =>
      waitUntil(
        async () => {
          const names = new Set(env.emulator.tasks().map((task) => task.taskName));
          const checks = await Promise.all(
            waited.map(async (pipeline) => ready(await progressOf(pipeline), names.has(pipeline.workflowId))),
          );
          return checks.every(Boolean);
        },
        { what: `${waited.length} pipeline(s) of "${scenario.title}" to reach ${what}`, timeoutMs: stageTimeoutMs },
      ),
    note: (text) => {
      notes.push(text);
      env.log('Scenario note', { scenario: scenario.title, note: text });
    },
  };

  env.log('Scenario started', { scenario: scenario.title, pipelines: count });
  try {
    await scenario.run(ctx, count);
  } catch (error) {
    problems.push(`scenario step failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outcomes = await awaitOutcomes(pipelines, startedAt + (scenario.timeoutMs ?? defaultScenarioTimeoutMs));
  await waitUntil(() => env.emulator.lateAnswersPending(mark) === 0, {
    what: 'held and delayed answers to be given',
    timeoutMs: maxQuietWaitMs,
  }).catch((error: unknown) => problems.push(String(error)));
  const leftOver = env.emulator.faultsLeftOver();
  if (leftOver.length > 0) ctx.note(`faults armed but never met: ${leftOver.join('; ')}`);
  env.emulator.disarm();

  const evidence = taskEvidence(env);
  const verdicts: PipelineVerdict[] = pipelines.map((pipeline, index) =>
    judge(pipeline, outcomes[index] ?? { kind: 'unfinished', reason: 'no outcome' }, evidence(pipeline.workflowId)),
  );
  problems.push(
    ...verdicts.flatMap((verdict) => (verdict.problem ? [`${verdict.workflowId}: ${verdict.problem}`] : [])),
  );

  const calls = callsByAction(env.emulator.ledger.since(mark));
  const report: ScenarioReport = {
    title: scenario.title,
    started: pipelines.length,
    completedCorrectly: verdicts.filter((verdict) => verdict.correct).length,
    duplicatedTasks: verdicts.reduce((sum, verdict) => sum + verdict.duplicates, 0),
    lostPipelines: verdicts.filter((verdict) => verdict.lost).length,
    calls,
    workflowIds: pipelines.map((pipeline) => pipeline.workflowId),
    seconds: (Date.now() - startedAt) / 1000,
    problems,
    notes,
  };
  env.log('Scenario finished', {
    scenario: scenario.title,
    started: report.started,
    correct: report.completedCorrectly,
    duplicated: report.duplicatedTasks,
    lost: report.lostPipelines,
    seconds: Math.round(report.seconds),
  });
  return report;
}

/**
 * The tasks of each TaskName: every create the ledger saw, plus any live task it missed, and which of
 * them still exist. Read once, after the scenario's answers have all been given.
 */
function taskEvidence(env: FaultEnvironment): (taskName: string) => TaskEvidence {
  const createdByName = env.emulator.ledger.createdIdsByName();
  const tasks = env.emulator.tasks();
  return (taskName) => {
    const live = tasks.filter((task) => task.taskName === taskName).map((task) => task.taskId);
    const created = createdByName.get(taskName) ?? [];
    return { created: [...created, ...live.filter((id) => !created.includes(id))], live: new Set(live) };
  };
}
