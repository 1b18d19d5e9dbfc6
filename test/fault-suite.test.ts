import { formatReport } from './faults/report';
import type { ScenarioReport } from './faults/run-scenario';
import { faultScenarios } from './faults/scenarios';
import { runFaultSuite, suitePassed } from './faults/suite';
import type { FaultSuiteReport } from './faults/suite';

/** Generous bound for the whole scale-1 run (about two minutes on a 2-core machine). */
const suiteTimeoutMs = 15 * 60_000;

/**
 * The fault suite at scale 1 (one to four pipelines per fault) on its own Temporal dev server, emulator and
 * worker child: no fault may cost a duplicated task or a lost pipeline, and every pipeline must end as its
 * fault requires. `npm run faults` runs the same suite at the larger scale, with the ten-minute-task line.
 */
describe('the fault suite at scale 1', () => {
  let report: FaultSuiteReport;
  const progress: string[] = [];

  beforeAll(async () => {
    report = await runFaultSuite({
      scale: 1,
      tenMinuteTask: false,
      log: (message, meta) => progress.push(`${message} ${JSON.stringify(meta ?? {})}`),
    });
    console.log(formatReport(report));
    if (!suitePassed(report)) console.log(`Fault suite progress:\n${progress.join('\n')}`);
  }, suiteTimeoutMs);

  const lineOf = (title: string): ScenarioReport | undefined => report.faults.find((line) => line.title === title);

  it.each(faultScenarios.map((scenario) => [scenario.title]))('%s: no duplicate, none lost, all correct', (title) => {
    const line = lineOf(title);

    expect(line).toBeDefined();
    expect(line?.problems).toEqual([]);
    expect(line?.started).toBeGreaterThan(0);
    expect(line?.duplicatedTasks).toBe(0);
    expect(line?.lostPipelines).toBe(0);
    expect(line?.completedCorrectly).toBe(line?.started);
  });

  it('leaves no task that belongs to no pipeline', () => {
    expect(report.unaccountedTasks).toEqual([]);
  });
});
