import type { TemporalLog } from '../../scripts/lib/temporal-log';
import { startFaultEnvironment } from './environment';
import { runScenario } from './run-scenario';
import type { ScenarioReport } from './run-scenario';
import { faultScenarios } from './scenarios';
import { tenMinuteTask } from './ten-minute-task';

/** How to run the suite. */
export interface FaultSuiteOptions {
  /** Pipelines per fault = the fault's `perScale` × `scale`. */
  scale: number;
  log: TemporalLog;
  /** Adds the "ten-minute task" line: one more minute or so of wall time. */
  tenMinuteTask: boolean;
  /** Only the faults with these keys (for working on one fault); all when absent. */
  only?: string[];
}

/** Everything the report prints, and what decides whether the suite passed. */
export interface FaultSuiteReport {
  scale: number;
  faults: ScenarioReport[];
  tenMinute?: ScenarioReport;
  /** Tasks in the emulator whose TaskName belongs to no pipeline the suite started. */
  unaccountedTasks: string[];
  workerStarts: number;
  temporalRestarts: number;
  seconds: number;
  /** Where the dev-server database, emulator state and worker logs are (kept when the suite fails). */
  stateDir: string;
}

/** The scale at which the faults together run at least `pipelines` pipelines. */
export function scaleFor(pipelines: number): number {
  const perScale = faultScenarios.reduce((sum, scenario) => sum + scenario.perScale, 0);
  return Math.ceil(pipelines / perScale);
}

/** True when no task was duplicated, no pipeline lost, and every pipeline ended as its fault requires. */
export function suitePassed(report: FaultSuiteReport): boolean {
  const lines = [...report.faults, ...(report.tenMinute ? [report.tenMinute] : [])];
  return (
    report.faults.length > 0 &&
    report.unaccountedTasks.length === 0 &&
    lines.every(
      (line) =>
        line.started > 0 &&
        line.completedCorrectly === line.started &&
        line.duplicatedTasks === 0 &&
        line.lostPipelines === 0 &&
        line.problems.length === 0,
    )
  );
}

/**
 * Runs every fault, one after another, against a worker child on the suite's own Temporal dev server and
 * emulator, then the ten-minute task if asked, and stops everything it started. The state folder is removed
 * when the suite passed and kept (with the worker logs) when it did not.
 */
export async function runFaultSuite(options: FaultSuiteOptions): Promise<FaultSuiteReport> {
  const startedAt = Date.now();
  const runTag = startedAt.toString(36);
  const env = await startFaultEnvironment(options.log);
  const scenarios = faultScenarios.filter((scenario) => !options.only || options.only.includes(scenario.key));
  const report: FaultSuiteReport = {
    scale: options.scale,
    faults: [],
    unaccountedTasks: [],
    workerStarts: 0,
    temporalRestarts: 0,
    seconds: 0,
    stateDir: env.stateDir,
  };

  let finished = false;
  try {
    for (const scenario of scenarios) {
      report.faults.push(await runScenario(env, scenario, scenario.perScale * options.scale, runTag));
    }
    if (options.tenMinuteTask) report.tenMinute = await runScenario(env, tenMinuteTask, 1, runTag);

    const known = new Set(
      [...report.faults, ...(report.tenMinute ? [report.tenMinute] : [])].flatMap((line) => line.workflowIds),
    );
    const names = [
      ...env.emulator.ledger.createdIdsByName().keys(),
      ...env.emulator.tasks().map((task) => task.taskName ?? ''),
    ];
    report.unaccountedTasks = [...new Set(names)].filter((name) => !known.has(name));
    finished = true;
  } finally {
    Object.assign(report, {
      workerStarts: env.worker.starts,
      temporalRestarts: env.temporal.restarts,
      seconds: (Date.now() - startedAt) / 1000,
    });
    await env.close(!finished || !suitePassed(report));
  }
  return report;
}
