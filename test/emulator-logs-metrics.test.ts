process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_CLUSTER_ID, DEMO_EVAL_DATASET_ID, DEMO_TRAIN_DATASET_ID, startEmulator } from '../emulator';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { EmulatorOptions, RunningEmulator } from '../emulator';

/** 100 samples, 20 % held out, batch 4: 20 steps an epoch, 2 epochs, a training point every 2 steps. */
const fineTune = JSON.stringify({
  train_mode: 'grpo',
  train_type: 'lora',
  num_epochs: 2,
  batch_size: 4,
  split_dataset_ratio: 0.2,
  learning_rate: '1e-6',
  data_file_list: 'test-00000-of-00001.jsonl#100',
});
const createParams = {
  DBClusterId: DEMO_CLUSTER_ID,
  ModelSource: 'public',
  ModelName: 'Qwen3-8B',
  KubeType: 'aitrain',
  DatasetPath: DEMO_TRAIN_DATASET_ID,
  RunningParameter: fineTune,
  TaskName: 'logged',
};
/** One second to start, then one step a second: step k is reported 1 + k seconds after creation. */
const lifecycle = { creatingMs: 1_000, runningMs: 40_000 };

type Item = Record<string, unknown>;

function isoSecond(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

describe('task logs and metrics', () => {
  let created = 0;
  let clock = 0;
  let emulator: RunningEmulator;
  let taskId: string;

  const call = (action: string, params: Record<string, unknown>) =>
    callAction(officialClient(emulator.endpoint), action, params);
  /** A window from an hour before the task to an hour after the clock. */
  const window = () => ({ StartTime: isoSecond(created - 3_600_000), EndTime: isoSecond(clock + 3_600_000) });
  const logs = (params: Record<string, unknown> = {}) =>
    call('DescribeAIDBClusterTaskLogFiles', { DBClusterId: taskId, LogType: 'sls', ...window(), ...params });
  const metrics = (params: Record<string, unknown> = {}) =>
    call('DescribeAIDBClusterTaskMetrics', { DBClusterId: taskId, ...window(), ...params });
  const logItems = async (params: Record<string, unknown> = {}) =>
    ((await logs(params)).Items as { SlsLogItems: Item[] }).SlsLogItems;
  const metricItems = async (params: Record<string, unknown> = {}) =>
    ((await metrics(params)).Items as { SlsMetricsItems: Item[] }).SlsMetricsItems;

  const start = async (options: EmulatorOptions = {}, params: Record<string, string> = {}) => {
    emulator = await startEmulator({ now: () => clock, lifecycle, ...options });
    taskId = String((await call('CreateAIDBClusterTask', { ...createParams, ...params })).DBClusterId);
  };

  beforeEach(() => {
    // Whole seconds keep the window arithmetic exact; the real clock stays within the signature window.
    created = Math.floor(Date.now() / 1000) * 1000;
    clock = created;
  });

  afterEach(() => emulator.close());

  it('answers log lines in an Items object wrapping SlsLogItems, with numbers as numbers', async () => {
    await start();
    const body = await logs({ PageSize: 30 });

    expect(body).toMatchObject({ ...window(), PageNumber: 1, PageSize: 30, PageRecordCount: 2 });
    const items = (body.Items as { SlsLogItems: Item[] }).SlsLogItems;
    expect(items.map((item) => item.Message)).toEqual([
      `Task ${taskId} submitted: fine-tune (grpo) of public model Qwen3-8B.`,
      `Waiting for aitrain resources on cluster ${DEMO_CLUSTER_ID}.`,
    ]);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(['LogTime', 'Message', 'Timestamp']);
      expect(item.LogTime).toMatch(new RegExp(`^${isoSecond(created).slice(0, -1)}\\.\\d{9}Z$`));
      expect(item.Timestamp).toBe(String(created / 1000));
    }
    expect(String(items[0]?.LogTime) < String(items[1]?.LogTime)).toBe(true);
    expect((await logs()).PageSize).toBe(100);
  });

  it('reports training progress as the clock moves: steps, epochs and a falling loss', async () => {
    await start();
    expect(await metricItems()).toEqual([]);

    clock = created + 11_500;
    const points = await metricItems();
    expect(points.map((point) => point.CurrentStep)).toEqual([2, 4, 6, 8, 10]);
    expect(points.at(-1)).toEqual({
      CurrentStep: 10,
      GlobalStep: 40,
      Epoch: 0.5,
      LogTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/),
      MetricType: 'train',
      Timestamp: String((created + 11_000) / 1000),
      Metric: {
        loss: expect.stringMatching(/^\d+\.\d{4}$/),
        grad_norm: expect.any(String),
        learning_rate: '1e-6',
        'memory(GiB)': expect.any(String),
        'train_speed(iter/s)': expect.any(String),
        reward: expect.any(String),
      },
    });
    const losses = points.map((point) => Number((point.Metric as Record<string, string>).loss));
    expect(losses.at(-1)).toBeLessThan(losses[0] ?? 0);
    expect((await logItems()).at(-1)?.Message).toMatch(/^Step 10\/40 epoch=0\.5 loss=/);
  });

  it('filters metrics by MetricType and echoes the parent as RelativeDbClusterId', async () => {
    await start();
    clock = created + 60_000;

    const all = await metrics();
    expect(all).toMatchObject({ DBClusterId: taskId, RelativeDbClusterId: DEMO_CLUSTER_ID, MetricType: 'all' });
    expect(all).not.toHaveProperty('RelativeDBClusterId');
    expect(all.PageRecordCount).toBe(22);
    const evals = await metricItems({ MetricType: 'eval' });
    expect(evals.map((point) => [point.CurrentStep, point.Epoch, point.MetricType])).toEqual([
      [20, 1, 'eval'],
      [40, 2, 'eval'],
    ]);
    expect(Object.keys(evals[0]?.Metric as object)).toEqual(['eval_loss', 'eval_token_acc']);
    expect(await metricItems({ MetricType: 'train' })).toHaveLength(20);
  });

  it('pages oldest first, or newest first with Reverse', async () => {
    // Ten epochs: an evaluation point each, so the log outgrows the smallest page.
    await start({}, { RunningParameter: JSON.stringify({ ...JSON.parse(fineTune), num_epochs: 10 }) });
    clock = created + 60_000;
    const everything = await logItems();
    expect(everything).toHaveLength(36);

    const first = await logItems({ PageSize: 30 });
    const second = await logItems({ PageSize: 30, PageNumber: 2 });
    expect([...first, ...second]).toEqual(everything);
    const newest = await logItems({ PageSize: 30, Reverse: true });
    expect(newest[0]).toEqual(everything.at(-1));

    const beyond = await logs({ PageSize: 30, PageNumber: 3 });
    expect(beyond.Items).toEqual({ SlsLogItems: [] });
    expect(beyond).not.toHaveProperty('PageRecordCount');
  });

  it('keeps to the StartTime–EndTime window, both ends included at whole seconds', async () => {
    await start();
    clock = created + 60_000;
    const points = await metricItems({ StartTime: isoSecond(created + 5_000), EndTime: isoSecond(created + 9_000) });
    expect(points.map((point) => point.CurrentStep)).toEqual([4, 6, 8]);
  });

  it('ends a completed fine-tune with its checkpoints, the ModelPath entries', async () => {
    await start();
    clock = created + 41_000;
    const detail = await call('DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId });
    expect(detail.DBClusterStatus).toBe('COMPLETED');

    const tail = (await logItems()).slice(-3).map((item) => item.Message);
    const checkpoints = String(detail.ModelPath).split(',');
    expect(tail).toEqual([
      ...checkpoints.reverse().map((path) => `Saving checkpoint to ${path}`),
      'Training completed.',
    ]);
    expect((await metricItems({ Reverse: true }))[0]).toMatchObject({ CurrentStep: 40, GlobalStep: 40 });
  });

  it("ends a failed task's log with its failure reason", async () => {
    emulator = await startEmulator({ now: () => clock, lifecycle });
    emulator.faults.add({ kind: 'fail-task', message: 'CUDA out of memory while loading the reward model' });
    taskId = String((await call('CreateAIDBClusterTask', createParams)).DBClusterId);

    clock = created + 30_000;
    const running = await logItems();
    clock = created + 45_000;
    const finished = await logItems();
    expect(finished.slice(0, running.length)).toEqual(running);
    expect(finished.slice(-2).map((item) => item.Message)).toEqual([
      'ERROR CUDA out of memory while loading the reward model',
      `Task ${taskId} failed: CUDA out of memory while loading the reward model`,
    ]);
    expect((await metricItems()).map((point) => point.CurrentStep)).not.toContain(40);
  });

  it('gives an evaluation task evaluation points only', async () => {
    await start(
      {},
      { RunningParameter: '{"eval_batch_size":4}', DatasetPath: '', EvalDatasetPath: DEMO_EVAL_DATASET_ID },
    );
    clock = created + 60_000;
    const points = await metricItems();
    expect(points.length).toBeGreaterThan(0);
    expect(new Set(points.map((point) => point.MetricType))).toEqual(new Set(['eval']));
    expect((await logItems()).at(-1)?.Message).toBe('Evaluation completed.');
  });

  it('tells the same story to every request', async () => {
    await start();
    clock = created + 25_000;
    expect(await logItems()).toEqual(await logItems());
    expect(await metricItems()).toEqual(await metricItems());
  });

  it.each([
    ['no StartTime', { StartTime: undefined }, 'MissingParameter', 400],
    ['no LogType', { LogType: undefined }, 'MissingParameter', 400],
    ['LogType file', { LogType: 'file' }, 'InvalidParameter', 400],
    ['a StartTime with milliseconds', { StartTime: '2026-01-15T08:00:00.000Z' }, 'InvalidStartTime.Malformed', 400],
    ['an EndTime that is not a time', { EndTime: 'tomorrow' }, 'InvalidEndTime.Malformed', 400],
    [
      'an EndTime before StartTime',
      { StartTime: '2026-01-15T09:00:00Z', EndTime: '2026-01-15T08:00:00Z' },
      'InvalidParameter',
      400,
    ],
    ['PageSize 10', { PageSize: 10 }, 'InvalidPageSize.Malformed', 400],
    ['PageNumber 0', { PageNumber: 0 }, 'InvalidPageNumber.Malformed', 400],
    ['Reverse yes', { Reverse: 'yes' }, 'InvalidParameter', 400],
    ['an unknown task', { DBClusterId: 'pm-2zenothere0000' }, 'InvalidDBClusterId.NotFound', 404],
    ['another parent cluster', { RelativeDBClusterId: 'pc-2zeother000001' }, 'InvalidDBClusterId.NotFound', 404],
  ])('refuses a log query with %s', async (_case, changes, code, status) => {
    await start();
    expect(await failureOf(logs(changes))).toMatchObject({ code, statusCode: status });
  });

  it.each([
    ['no EndTime', { EndTime: undefined }, 'MissingParameter'],
    ['MetricType loss', { MetricType: 'loss' }, 'InvalidParameter'],
    ['no DBClusterId', { DBClusterId: undefined }, 'MissingParameter'],
  ])('refuses a metric query with %s', async (_case, changes, code) => {
    await start();
    expect(await failureOf(metrics(changes))).toMatchObject({ code, statusCode: 400 });
  });
});

describe('task logs across a restart', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'polardb-emulator-logs-'));
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('are the same lines and points, computed from the stored task alone', async () => {
    const created = Math.floor(Date.now() / 1000) * 1000;
    let clock = created;
    const options = { stateFile: join(directory, 'state.json'), now: () => clock, lifecycle };
    const query = (emulator: RunningEmulator, action: string, taskId: string) =>
      callAction(officialClient(emulator.endpoint), action, {
        DBClusterId: taskId,
        LogType: 'sls',
        StartTime: isoSecond(created),
        EndTime: isoSecond(created + 3_600_000),
      });

    const first = await startEmulator(options);
    const taskId = String(
      (await callAction(officialClient(first.endpoint), 'CreateAIDBClusterTask', createParams)).DBClusterId,
    );
    clock = created + 20_000;
    const before = [
      await query(first, 'DescribeAIDBClusterTaskLogFiles', taskId),
      await query(first, 'DescribeAIDBClusterTaskMetrics', taskId),
    ];
    await first.close();

    const second = await startEmulator(options);
    try {
      const after = [
        await query(second, 'DescribeAIDBClusterTaskLogFiles', taskId),
        await query(second, 'DescribeAIDBClusterTaskMetrics', taskId),
      ];
      expect(after.map(({ Items }) => Items)).toEqual(before.map(({ Items }) => Items));
    } finally {
      await second.close();
    }
  });
});
