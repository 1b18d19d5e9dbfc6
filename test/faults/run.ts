import { parseArgs } from 'node:util';
import { terminalLog } from '../../scripts/lib/temporal-log';
import { formatReport } from './report';
import { faultScenarios } from './scenarios';
import { runFaultSuite, scaleFor, suitePassed } from './suite';

/** The issue asks for at least this many pipelines across the faults at the default scale. */
const defaultPipelines = 200;
/** Per fault: far beyond its slowest pipeline; the whole run is killed past (faults + 2) × this. */
const perFaultBudgetMs = 6 * 60_000;

const usage = `Usage: npm run faults -- [--scale N] [--only key,key] [--no-ten-minute]

Runs every fault of the suite against a worker child, the suite's own Temporal dev server and the
emulator, and prints per fault: pipelines started, completed correctly, duplicated tasks, lost
pipelines and API calls per pipeline. Exits 1 on any duplicate, lost or incorrect pipeline.
  --scale N         pipelines per fault = its share x N (default: ${scaleFor(defaultPipelines)}, >= ${defaultPipelines} pipelines)
  --only keys       only these faults (${faultScenarios.map((scenario) => scenario.key).join(', ')})
  --no-ten-minute   leave out the ten-minute-task line (saves about a minute)`;

/** `npm run faults`: the larger-scale run of the fault suite, bounded in time, exit code = verdict. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      only: { type: 'string' },
      'no-ten-minute': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const scale = values.scale === undefined ? scaleFor(defaultPipelines) : Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
    console.error(`--scale must be a whole number from 1 to 100, got ${values.scale}\n\n${usage}`);
    return 2;
  }

  const only = values.only?.split(',').map((key) => key.trim());
  const unknown = only?.filter((key) => !faultScenarios.some((scenario) => scenario.key === key)) ?? [];
  if (unknown.length > 0) {
    console.error(`Unknown fault key(s) in --only: ${unknown.join(', ')}\n\n${usage}`);
    return 2;
  }
  const faults = only?.length ?? faultScenarios.length;
  // Every child process dies with this one (their exit hooks), so the watchdog leaves nothing behind.
  const watchdogMs = (faults + 2) * perFaultBudgetMs;
  setTimeout(() => {
    console.error(`Fault suite still running after ${watchdogMs / 60_000} min; giving up.`);
    process.exit(3);
  }, watchdogMs).unref();

  const report = await runFaultSuite({
    scale,
    only,
    tenMinuteTask: !values['no-ten-minute'],
    log: terminalLog('fault suite'),
  });
  console.log(formatReport(report));
  return suitePassed(report) ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
