/**
 * `npm run histories:record`: runs pipelines into each stage (task created, polling, completed, failed,
 * cancelled, create answer lost, late duplicate removed) on a real Temporal server and the emulator, and
 * saves their histories as replay fixtures in test/fixtures/histories. Names given as arguments
 * (`npm run histories:record -- duplicate-removed`) record only those, so a new stage can be added while
 * the existing fixtures keep guarding the code they were recorded from.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { PipelineProgress } from '../src/pipeline/types';
import { progressQuery } from '../src/workflows/definitions';
import { exampleRequest } from '../test/support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from '../test/support/pipeline-harness';
import type { PipelineHarness } from '../test/support/pipeline-harness';
import { ensureTemporal } from './lib/temporal-dev-server';
import { terminalLog } from './lib/temporal-log';

const repoRoot = path.resolve(__dirname, '..');
const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'histories');

/** Every stage this script can record, as named on the command line and in test/fixtures/histories. */
const fixtureNames = [
  'task-created',
  'polling',
  'completed',
  'remote-failed',
  'cancelled',
  'create-answer-lost',
  'duplicate-removed',
];

type Handle = Awaited<ReturnType<PipelineHarness['start']>>;

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const unknown = [...wanted].filter((name) => !fixtureNames.includes(name));
  if (unknown.length > 0) throw new Error(`unknown fixture ${unknown.join(', ')}; known: ${fixtureNames.join(', ')}`);
  const log = terminalLog('record');
  const temporal = await ensureTemporal({ stateDir: path.join(repoRoot, '.local', 'record-temporal'), log });
  const bundlePath = path.join(repoRoot, '.local', 'record-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../src/workflows') });
  await writeFile(bundlePath, code);
  process.env.TEMPORAL_TEST_ADDRESS = temporal.address;
  process.env.WORKFLOW_BUNDLE_PATH = bundlePath;

  const records = (name: string) => wanted.size === 0 || wanted.has(name);
  const harness = await startPipelineHarness('record', {
    emulator: { lifecycle: { creatingMs: 300, runningMs: 12_000 } },
  });
  try {
    await mkdir(fixtureDir, { recursive: true });
    const start = (name: string) =>
      harness.start(uniqueWorkflowId(`fixture-${name}`), { request: exampleRequest(), polling: fastPolling });

    if (records('task-created')) {
      // Holding the first status read keeps the pipeline just past its create while the history is saved.
      harness.emulator.faults.add({ kind: 'delay', action: 'DescribeAIDBClusterTaskAttribute', ms: 2_000 });
      const created = await start('created');
      await until(created, (progress) => progress.taskId !== undefined && progress.statusReads === 0);
      await save('task-created', created);
    }

    if (records('polling')) {
      const polling = await start('polling');
      await until(polling, (progress) => progress.statusReads >= 4);
      await save('polling', polling);
    }

    if (records('completed')) {
      const completed = await start('completed');
      await completed.result();
      await save('completed', completed);
    }

    if (records('remote-failed')) {
      harness.emulator.faults.add({
        kind: 'fail-task',
        action: 'CreateAIDBClusterTask',
        message: 'CUDA out of memory',
      });
      const failed = await start('failed');
      await failed.result().catch(() => undefined);
      await save('remote-failed', failed);
    }

    if (records('cancelled')) {
      const cancelled = await start('cancelled');
      await until(cancelled, (progress) => progress.statusReads >= 2);
      await cancelled.cancel();
      await cancelled.result();
      await save('cancelled', cancelled);
    }

    if (records('create-answer-lost')) {
      harness.emulator.faults.add({ kind: 'drop-after-create', action: 'CreateAIDBClusterTask' });
      const lost = await start('lost-create');
      await lost.result();
      await save('create-answer-lost', lost);
    }

    if (records('duplicate-removed')) {
      // A lost create that the list shows only after the settle window: the second task is made, then the
      // late first one is found by the duplicate watch and deleted.
      harness.emulator.faults.add({ kind: 'drop-after-create', action: 'CreateAIDBClusterTask' });
      harness.emulator.faults.add({ kind: 'list-lag', action: 'CreateAIDBClusterTask', ms: 8_000 });
      const duplicated = await start('duplicate-removed');
      const result = await duplicated.result();
      if (!result.duplicateTasks?.length) throw new Error('the duplicate watch removed nothing');
      await save('duplicate-removed', duplicated);
    }
  } finally {
    await harness.close();
    await temporal.stop();
  }
}

async function until(handle: Handle, ready: (progress: PipelineProgress) => boolean): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (ready(await handle.query(progressQuery))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${handle.workflowId} never reached the stage to record`);
}

async function save(name: string, handle: Handle): Promise<void> {
  const history = await handle.fetchHistory();
  await writeFile(path.join(fixtureDir, `${name}.json`), `${historyToJSON(history)}\n`);
  console.log(`[record] ${name}: ${history.events?.length ?? 0} events`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[record] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
