import { MockActivityEnvironment } from '@temporalio/testing';
import { startEmulator } from '../emulator';
import { demoCreateParams } from '../emulator/testing/demo-params';
import type { RunningEmulator } from '../emulator';
import { findUnfinishedNamesakes } from '../src/activities/duplicate-watch';
import type { DuplicateWatch } from '../src/activities/duplicate-watch';
import type { PolarDbTaskApi } from '../src/polardb/task-api';
import { productClient } from './support/product-client';

/** What the watch may delete, through the product client and the emulator over HTTP. */
describe('looking for a second task with the pipeline’s name', () => {
  let emulator: RunningEmulator;
  let api: PolarDbTaskApi;
  // The emulator's clock, moved by hand to let a task finish (within the 15 minutes a signature tolerates).
  let clock: number;

  beforeEach(async () => {
    clock = Date.now();
    emulator = await startEmulator({ port: 0, now: () => clock, lifecycle: { creatingMs: 100, runningMs: 60_000 } });
    ({ api } = productClient(emulator));
  });

  afterEach(() => emulator.close());

  const create = async (taskName: string, params: Record<string, string> = {}) =>
    (await api.createTask({ ...demoCreateParams, TaskName: taskName, ...params })).taskId;
  const watchFor = (taskName: string): DuplicateWatch => ({
    clusterId: demoCreateParams.DBClusterId,
    kubeType: 'aitrain',
    taskName,
    expected: { modelName: demoCreateParams.ModelName, modelSource: demoCreateParams.ModelSource },
  });
  const look = (watch: DuplicateWatch, ourTaskId: string) =>
    new MockActivityEnvironment().run(() => findUnfinishedNamesakes(api, watch, ourTaskId));

  it('names an unfinished namesake running the same job', async () => {
    const ours = await create('wf-a');
    const second = await create('wf-a');

    expect(await look(watchFor('wf-a'), ours)).toEqual([second]);
  });

  it('leaves alone a namesake that runs another model, and tasks with other names', async () => {
    const ours = await create('wf-b');
    await create('wf-b', { ModelName: 'Qwen3-32B' });
    await create('wf-b-other');

    expect(await look(watchFor('wf-b'), ours)).toEqual([]);
    // Ruled out from the list alone: no task was read.
    expect(emulator.requestLog({ action: 'DescribeAIDBClusterTaskAttribute' })).toHaveLength(0);
  });

  it('leaves alone a namesake that has already finished', async () => {
    await create('wf-c');
    clock += 120_000;
    const ours = await create('wf-c');

    expect(await look(watchFor('wf-c'), ours)).toEqual([]);
    expect(emulator.requestLog({ action: 'DescribeAIDBClusterTaskAttribute' })).toHaveLength(0);
  });
});
