import path from 'node:path';
import { repoRoot } from '../../scripts/lib/temporal-paths';
import type { ScenarioReport } from './run-scenario';
import { suitePassed } from './suite';
import type { FaultSuiteReport } from './suite';

const titleWidth = 50;
const columns = ['started', 'correct', 'duplicated', 'lost'] as const;

/**
 * The report as printed: one line per fault (pipelines started, completed correctly, duplicated tasks,
 * lost pipelines, API calls per pipeline by action), the ten-minute task, totals over the faults, then
 * the notes and every problem, and a verdict line an operator can act on.
 */
export function formatReport(report: FaultSuiteReport): string {
  const started = report.faults.reduce((sum, line) => sum + line.started, 0);
  const lines = [
    `Fault suite at scale ${report.scale}: ${started} pipelines across ${report.faults.length} faults in ` +
      `${Math.round(report.seconds)} s (worker started ${report.workerStarts} times, ` +
      `Temporal dev server restarted ${report.temporalRestarts} times)`,
    '',
    row('fault', columns, 'API calls per pipeline by action'),
    ...report.faults.map(formatLine),
    ...(report.tenMinute ? [formatLine(report.tenMinute)] : []),
    formatLine(totalOf(report.faults)),
  ];

  const notes = report.faults.flatMap((line) => line.notes.map((note) => `  ${line.title}: ${note}`));
  if (notes.length > 0) lines.push('', 'Notes:', ...notes);

  const problems = [...report.faults, ...(report.tenMinute ? [report.tenMinute] : [])].flatMap((line) =>
    line.problems.map((problem) => `  ${line.title}: ${problem}`),
  );
  problems.push(...report.unaccountedTasks.map((name) => `  task name ${name} belongs to no pipeline of the suite`));
  if (problems.length > 0) lines.push('', 'Problems:', ...problems);

  lines.push(
    '',
    suitePassed(report)
      ? 'PASS: no duplicated task, no lost pipeline, every pipeline ended as its fault requires.'
      : `FAIL: see the problems above; worker logs, emulator state and the Temporal database are in ${path.relative(repoRoot, report.stateDir)}`,
  );
  return lines.join('\n');
}

function formatLine(line: ScenarioReport): string {
  const perPipeline = [...line.calls]
    .map(([action, calls]) => `${action} ${(calls / Math.max(1, line.started)).toFixed(1)}`)
    .join(', ');
  const counts = [line.started, line.completedCorrectly, line.duplicatedTasks, line.lostPipelines].map(String);
  return row(line.title, counts, perPipeline);
}

function row(title: string, counts: readonly string[], calls: string): string {
  const cells = counts.map((cell, index) => cell.padStart(columns[index]?.length ?? 0));
  return [title.padEnd(titleWidth), ...cells, calls].join('  ');
}

function totalOf(faults: ScenarioReport[]): ScenarioReport {
  const calls = new Map<string, number>();
  for (const line of faults) {
    for (const [action, count] of line.calls) calls.set(action, (calls.get(action) ?? 0) + count);
  }
  const sum = (pick: (line: ScenarioReport) => number): number => faults.reduce((total, line) => total + pick(line), 0);
  return {
    title: 'total (faults)',
    started: sum((line) => line.started),
    completedCorrectly: sum((line) => line.completedCorrectly),
    duplicatedTasks: sum((line) => line.duplicatedTasks),
    lostPipelines: sum((line) => line.lostPipelines),
    calls,
    workflowIds: [],
    seconds: sum((line) => line.seconds),
    problems: [],
    notes: [],
  };
}
