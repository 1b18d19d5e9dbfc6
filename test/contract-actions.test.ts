import { DEMO_CLUSTER_ID, DEMO_EVAL_DATASET_ID, DEMO_TRAIN_DATASET_ID, startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { exampleRequest } from './support/example-request';
import { failureOf, productClient } from './support/product-client';
import { validateCreateTaskRequest } from '../src/request';

/** Every action the product uses, through the product's client, the official library and HTTP. */
describe('contract: PolarDB actions through the official client', () => {
  let emulator: RunningEmulator;
  // The emulator checks signature dates against this clock too, so a test moves it less than 15 minutes.
  let clock = Date.now();

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      now: () => clock,
      lifecycle: { creatingMs: 60_000, runningMs: 300_000 },
    });
  });

  afterAll(() => emulator.close());

  it('creates, lists, describes, reads progress and logs of, and deletes a task', async () => {
    const { api } = productClient(emulator);
    const request = validateCreateTaskRequest({ ...exampleRequest(), TaskName: 'contract-task-1' });

    const created = await api.createTask(request.params);
    expect(created.taskId).toMatch(/^pm-[a-z0-9]{14}$/);
    expect(created.orderId).toMatch(/^\d+$/);
    expect(created.requestId).toMatch(/^[0-9A-F-]{36}$/);

    const listed = await api.listTasks(DEMO_CLUSTER_ID, 'aitrain');
    expect(listed).toContainEqual(expect.objectContaining({ taskId: created.taskId, taskName: 'contract-task-1' }));

    expect(await api.describeTask(created.taskId)).toMatchObject({ taskName: 'contract-task-1', status: 'Creating' });
    clock += 2 * 60_000;
    expect(await api.describeTask(created.taskId)).toMatchObject({ status: 'ACTIVATION' });

    const window = { start: new Date(clock - 3_600_000), end: new Date(clock + 60_000) };
    const progress = await api.latestProgress(created.taskId, window);
    expect(progress?.step).toBeGreaterThan(0);
    expect(progress?.epoch).toBeGreaterThan(0);
    expect(typeof progress?.loss).toBe('number');
    const lines = await api.lastLogLines(created.taskId, window, 5);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(5);

    clock += 5 * 60_000;
    const done = await api.describeTask(created.taskId);
    expect(done.status).toBe('COMPLETED');
    expect(done.modelPath).toContain(created.taskId);

    await api.deleteTask(created.taskId, DEMO_CLUSTER_ID);
    const gone = await failureOf(() => api.describeTask(created.taskId));
    expect(gone.verdict).toEqual({ kind: 'NotFound', retryable: false, ambiguous: false });
    expect(gone.code).toBe('InvalidDBClusterId.NotFound');
  });

  it('reads dataset files with their type and training mode', async () => {
    const { api } = productClient(emulator);

    const train = await api.describeDataset(DEMO_CLUSTER_ID, DEMO_TRAIN_DATASET_ID);
    expect(train).toContainEqual({
      datasetId: DEMO_TRAIN_DATASET_ID,
      datasetType: 'train',
      trainMode: 'grpo',
      fileName: 'test-00000-of-00001.jsonl',
    });
    const evaluation = await api.describeDataset(DEMO_CLUSTER_ID, DEMO_EVAL_DATASET_ID);
    expect(evaluation.every((file) => file.datasetType === 'eval')).toBe(true);
  });

  it('creates and deletes a dataset', async () => {
    const { client, api } = productClient(emulator);
    const created = await client.call('CreateAIDBClusterDataset', {
      DBClusterId: DEMO_CLUSTER_ID,
      DatasetName: 'contract-dataset',
      DatasetType: 'train',
      ImportMode: 'LocalImport',
      TrainMode: 'sft',
    });
    const datasetId = String(created.body.DatasetId);
    expect(datasetId).toMatch(/^pds-/);

    await client.call('DeleteAIDBClusterDataset', { DatasetId: datasetId, DBClusterId: DEMO_CLUSTER_ID });
    expect(await api.describeDataset(DEMO_CLUSTER_ID, datasetId).catch(() => [])).toEqual([]);
  });
});
