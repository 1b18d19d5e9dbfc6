process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { DEMO_CLUSTER_ID, DEMO_TRAIN_DATASET_ID, FaultSpecError, startEmulator } from '../emulator';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { FaultSpec, RunningEmulator } from '../emulator';

const createParams = {
  DBClusterId: DEMO_CLUSTER_ID,
  ModelSource: 'public',
  ModelName: 'Qwen3-8B',
  KubeType: 'aitrain',
  DatasetPath: DEMO_TRAIN_DATASET_ID,
  RunningParameter:
    '{"train_mode":"grpo","num_epochs":1,"batch_size":100,"data_file_list":"test-00000-of-00001.jsonl#1000"}',
};
/** One second creating, ten seconds running: ten steps, one a second. */
const lifecycle = { creatingMs: 1_000, runningMs: 10_000 };

function isoSecond(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

describe('faults that act on tasks', () => {
  let created = 0;
  let clock = 0;
  let emulator: RunningEmulator;

  const call = (action: string, params: Record<string, unknown>) =>
    callAction(officialClient(emulator.endpoint), action, params);
  const create = async (taskName: string) =>
    String((await call('CreateAIDBClusterTask', { ...createParams, TaskName: taskName })).DBClusterId);
  const status = async (taskId: string) =>
    (await call('DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId })).DBClusterStatus;
  const listedIds = async () =>
    (
      (await call('DescribeAIDBClusterTasks', { RelativeDBClusterId: DEMO_CLUSTER_ID })).Items as Record<
        string,
        unknown
      >[]
    ).map((item) => item.DBNodeId);
  const logLines = async (taskId: string) => {
    const body = await call('DescribeAIDBClusterTaskLogFiles', {
      DBClusterId: taskId,
      LogType: 'sls',
      StartTime: isoSecond(created),
      EndTime: isoSecond(created + 24 * 3_600_000),
    });
    return (body.Items as { SlsLogItems: Record<string, unknown>[] }).SlsLogItems;
  };

  beforeEach(async () => {
    created = Math.floor(Date.now() / 1000) * 1000;
    clock = created;
    emulator = await startEmulator({ now: () => clock, lifecycle });
  });

  afterEach(() => emulator.close());

  it('hang-task holds the next created task in ACTIVATION until the faults are cleared', async () => {
    emulator.faults.add({ kind: 'hang-task' });
    const hung = await create('hung');
    const healthy = await create('healthy');

    clock = created + 10 * 60_000;
    expect(await status(hung)).toBe('ACTIVATION');
    expect(await status(healthy)).toBe('COMPLETED');
    expect(emulator.tasks().find((task) => task.taskId === hung)).toMatchObject({ hang: 'ACTIVATION' });
    const stuck = await logLines(hung);
    expect(stuck.at(-1)?.Message).toMatch(/^Step 9\/10 /);

    emulator.faults.clear();
    expect(await status(hung)).toBe('COMPLETED');
    const finished = await logLines(hung);
    expect(finished.slice(0, stuck.length)).toEqual(stuck);
    expect(finished.at(-1)?.Message).toBe('Training completed.');
    expect(finished.at(-1)?.Timestamp).toBe(String(clock / 1000));
  });

  it('hang-task with a taskId holds a Creating task there; once cleared it runs its full time', async () => {
    const taskId = await create('slow-start');
    expect(emulator.faults.add({ kind: 'hang-task', taskId, state: 'Creating' }).remaining).toBe(0);

    clock = created + 60_000;
    expect(await status(taskId)).toBe('Creating');
    emulator.faults.clear();
    const detail = await call('DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId });
    expect(detail.DBClusterStatus).toBe('ACTIVATION');
    expect(detail.TaskInfo).toEqual([expect.objectContaining({ StartTime: isoSecond(clock) })]);

    clock += 9_999;
    expect(await status(taskId)).toBe('ACTIVATION');
    clock += 1;
    expect(await status(taskId)).toBe('COMPLETED');
  });

  it('hang-task refuses a task already past the state', async () => {
    const taskId = await create('already-running');
    clock = created + 2_000;
    expect(() => emulator.faults.add({ kind: 'hang-task', taskId, state: 'Creating' })).toThrow(FaultSpecError);
    clock = created + 20_000;
    expect(() => emulator.faults.add({ kind: 'hang-task', taskId })).toThrow(FaultSpecError);
  });

  it('vanish-task lets the create answer, then the task is gone everywhere', async () => {
    emulator.faults.add({ kind: 'vanish-task' });
    const taskId = await create('ghost');
    expect(taskId).toMatch(/^pm-/);

    for (const [action, params] of [
      ['DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId }],
      ['DeleteAIDBClusterTask', { DBClusterId: taskId }],
      [
        'DescribeAIDBClusterTaskMetrics',
        { DBClusterId: taskId, StartTime: isoSecond(created), EndTime: isoSecond(clock) },
      ],
    ] as const) {
      expect(await failureOf(call(action, params))).toMatchObject({
        code: 'InvalidDBClusterId.NotFound',
        statusCode: 404,
      });
    }
    expect(await listedIds()).not.toContain(taskId);
    expect(emulator.tasks().map((task) => task.taskId)).not.toContain(taskId);
    expect(emulator.requestLog({ action: 'CreateAIDBClusterTask' })).toEqual([
      expect.objectContaining({ outcome: 'ok', createdId: taskId }),
    ]);
  });

  it('vanish-task with a taskId and ms takes the task away later', async () => {
    const taskId = await create('fading');
    emulator.faults.add({ kind: 'vanish-task', taskId, ms: 5_000 });

    clock += 4_999;
    expect(await status(taskId)).toBe('ACTIVATION');
    clock += 1;
    expect(await failureOf(call('DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId }))).toMatchObject({
      statusCode: 404,
    });
    expect(() => emulator.faults.add({ kind: 'fail-task', taskId })).toThrow(FaultSpecError);
  });

  it('list-lag keeps a new task out of the list for ms while the detail already finds it', async () => {
    emulator.faults.add({ kind: 'list-lag', ms: 30_000 });
    const lagging = await create('lagging');
    const prompt = await create('prompt');

    expect(await listedIds()).toEqual([prompt]);
    expect(await status(lagging)).toBe('Creating');
    clock += 29_999;
    expect(await listedIds()).toEqual([prompt]);
    clock += 1;
    expect(await listedIds()).toEqual([prompt, lagging]);
  });

  it.each([
    { kind: 'server-error-html', action: 'CreateAIDBClusterTask', count: 2, httpStatus: 502 },
    { kind: 'server-error-empty', httpStatus: 503 },
    { kind: 'reset', action: 'DescribeAIDBClusterTaskAttribute', count: 'always' },
    { kind: 'hang-task', state: 'Creating' },
    { kind: 'hang-task', taskId: 'pm-REPLACED', state: 'ACTIVATION' },
    { kind: 'vanish-task', ms: 60_000 },
    { kind: 'list-lag', ms: 30_000, count: 1 },
    { kind: 'clock-shift', ms: -1_200_000 },
  ] as FaultSpec[])('arms %j over POST /__emulator/faults', async (spec) => {
    const taskId = await create('target');
    const body = 'taskId' in spec ? { ...spec, taskId } : spec;
    const answer = await fetch(`http://${emulator.endpoint}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ fault: { spec: body } });
  });
});
