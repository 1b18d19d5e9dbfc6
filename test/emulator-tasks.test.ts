process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import {
  DEMO_CLUSTER_ID,
  DEMO_EVAL_DATASET_ID,
  DEMO_SFT_DATASET_ID,
  DEMO_TRAIN_DATASET_ID,
  startEmulator,
} from '../emulator';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';
import type OpenApi from '@alicloud/openapi-client';

const runningParameter = JSON.stringify({
  split_dataset_ratio: 0.1,
  train_mode: 'grpo',
  train_type: 'lora',
  num_epochs: 1,
  learning_rate: '1e-6',
  data_file_list: 'test-00000-of-00001.jsonl#1000',
});

/** The documented example request on the demo cluster. */
function createParams(changes: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    DBClusterId: DEMO_CLUSTER_ID,
    RegionId: 'cn-beijing',
    ModelSource: 'public',
    ModelName: 'Qwen3-8B',
    KubeType: 'aitrain',
    DatasetPath: DEMO_TRAIN_DATASET_ID,
    RunningParameter: runningParameter,
    TaskName: 'nightly-grpo',
    ...changes,
  };
}

describe('task actions', () => {
  let clock = Date.now();
  let emulator: RunningEmulator;
  let client: OpenApi;

  const call = (action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> =>
    callAction(client, action, params);
  const create = async (changes: Record<string, string | undefined> = {}): Promise<string> =>
    String((await call('CreateAIDBClusterTask', createParams(changes))).DBClusterId);
  const detail = (taskId: string): Promise<Record<string, unknown>> =>
    call('DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId, DescribeType: 'RelatedAITask' });
  const list = (): Promise<Record<string, unknown>> =>
    call('DescribeAIDBClusterTasks', { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain' });
  const listed = async (taskId: string): Promise<Record<string, unknown> | undefined> =>
    ((await list()).Items as Record<string, unknown>[]).find((item) => item.DBNodeId === taskId);

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => clock, lifecycle: { creatingMs: 1_000, runningMs: 4_000 } });
    client = officialClient(emulator.endpoint);
  });

  afterAll(() => emulator.close());

  it('creates, lists, runs to COMPLETED and deletes a task', async () => {
    const created = await call('CreateAIDBClusterTask', createParams());
    expect(created.DBClusterId).toMatch(/^pm-[a-z0-9]{14}$/);
    expect(created.OrderId).toMatch(/^[1-9]\d+$/);
    const taskId = String(created.DBClusterId);

    const body = await list();
    expect(body).toMatchObject({
      RelativeDBClusterId: DEMO_CLUSTER_ID,
      Engine: 'polardb_ai',
      EngineVersion: '3.1',
      TaskType: 'train',
    });
    expect(Array.isArray(body.Items)).toBe(true);
    expect(await listed(taskId)).toMatchObject({
      DBNodeStatus: 'Creating',
      DBNodeDescription: 'nightly-grpo',
      ModelName: 'Qwen3-8B',
      TrainMode: 'grpo',
      TrainType: 'lora',
    });
    expect(await detail(taskId)).toMatchObject({
      DBClusterId: taskId,
      DBClusterDescription: 'nightly-grpo',
      DBClusterStatus: 'Creating',
      KindCode: 18,
      DBType: 'polardb_ai',
      DBVersion: '3.1',
    });

    clock += 1_500;
    expect(await detail(taskId)).toMatchObject({ DBClusterStatus: 'ACTIVATION', DBClusterStatusDesc: 'ACTIVATION' });
    expect(await listed(taskId)).toMatchObject({ DBNodeStatus: 'RUNNING' });
    expect((await detail(taskId)).ModelPath).toBeUndefined();

    clock += 4_000;
    const done = await detail(taskId);
    expect(done).toMatchObject({ DBClusterStatus: 'COMPLETED' });
    expect(String(done.ModelPath).split(',')).toEqual([
      `/models_train/${taskId}/merged_models_checkpoint-10`,
      `/models_train/${taskId}/merged_models_checkpoint-5`,
    ]);
    expect(done.DataSets).toEqual([
      {
        DatasetName: 'demo-grpo',
        Path: 'polardb_ai/datasets/train/grpo/demo-grpo/test-00000-of-00001.jsonl#1000',
        SplitDatasetRatio: '0.1',
        Type: 'train',
      },
    ]);
    expect(done.TaskInfo).toEqual([expect.objectContaining({ TrainMode: 'grpo', StartTime: expect.any(String) })]);

    const deleted = await call('DeleteAIDBClusterTask', { DBClusterId: taskId });
    expect(deleted).toMatchObject({ DBClusterId: taskId, RelativeDBClusterId: DEMO_CLUSTER_ID });
    expect(await failureOf(detail(taskId))).toMatchObject({ code: 'InvalidDBClusterId.NotFound', statusCode: 404 });
    expect(await failureOf(call('DeleteAIDBClusterTask', { DBClusterId: taskId }))).toMatchObject({
      code: 'InvalidDBClusterId.NotFound',
      statusCode: 404,
    });
    expect(await listed(taskId)).toBeUndefined();
  });

  it("keeps a TaskName with spaces and !*'() byte for byte", async () => {
    const name = "night run (v1)* it's done!";
    const taskId = await create({ TaskName: name });

    expect((await listed(taskId))?.DBNodeDescription).toBe(name);
    expect((await detail(taskId)).DBClusterDescription).toBe(name);
    expect(emulator.tasks().find((task) => task.taskId === taskId)?.taskName).toBe(name);
  });

  it('stores RunningParameter exactly as sent', async () => {
    const text = '{ "train_mode":"grpo",  "learning_rate":"1e-6", "custom_key": [1, 2] }';
    const taskId = await create({ RunningParameter: text });
    expect(emulator.tasks().find((task) => task.taskId === taskId)?.runningParameter).toBe(text);
    expect((await listed(taskId))?.RunningTimes).toBe(text);
  });

  it('allows two tasks with the same name', async () => {
    const first = await create({ TaskName: 'twin' });
    const second = await create({ TaskName: 'twin' });
    expect(first).not.toBe(second);
    expect(emulator.tasks().filter((task) => task.taskName === 'twin')).toHaveLength(2);
  });

  it.each(['DBClusterId', 'ModelSource', 'ModelName', 'KubeType', 'RunningParameter'])(
    'refuses a create without %s with MissingParameter naming it',
    async (name) => {
      const failure = await failureOf(call('CreateAIDBClusterTask', createParams({ [name]: undefined })));
      expect(failure).toMatchObject({ code: 'MissingParameter', statusCode: 400 });
      expect(failure.data?.Message).toBe(
        `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
      );
    },
  );

  it.each([
    ['an unknown ModelSource', { ModelSource: 'private' }, 'InvalidParameter', 400],
    ['a KubeType other than aitrain', { KubeType: 'aideploy' }, 'InvalidParameter', 400],
    ['RunningParameter that is not JSON', { RunningParameter: '{train_mode:grpo}' }, 'InvalidParameter', 400],
    ['RunningParameter that is a JSON array', { RunningParameter: '[1]' }, 'InvalidParameter', 400],
    ['a numeric learning_rate', { RunningParameter: '{"learning_rate":0.1}' }, 'InvalidParameter', 400],
    ['a train_mode unlike the dataset', { RunningParameter: '{"train_mode":"sft"}' }, 'InvalidParameter', 400],
    [
      'a file not in the dataset',
      { RunningParameter: '{"train_mode":"grpo","data_file_list":"x.jsonl#5"}' },
      'InvalidParameter',
      400,
    ],
    ['an unknown dataset', { DatasetPath: 'pds-2zenothere00001' }, 'InvalidParameter', 400],
    ['an eval set as DatasetPath', { DatasetPath: DEMO_EVAL_DATASET_ID }, 'InvalidParameter', 400],
    ['a train set as EvalDatasetPath', { EvalDatasetPath: DEMO_SFT_DATASET_ID }, 'InvalidParameter', 400],
    ['a TaskName over 64 characters', { TaskName: 'x'.repeat(65) }, 'InvalidParameter', 400],
    ['an unknown cluster', { DBClusterId: 'pc-2zenothere00001' }, 'InvalidDBClusterId.NotFound', 404],
    ['a cluster in another region', { RegionId: 'cn-hangzhou' }, 'InvalidDBClusterId.NotFound', 404],
  ])('refuses a create with %s', async (_case, changes, code, status) => {
    const before = emulator.tasks().length;
    const failure = await failureOf(call('CreateAIDBClusterTask', createParams(changes)));
    expect(failure).toMatchObject({ code, statusCode: status });
    expect(emulator.tasks()).toHaveLength(before);
  });

  it.each([
    ['a fine-tune (train_mode set)', 'DatasetPath', { DatasetPath: undefined }],
    ['an evaluation (no train_mode)', 'EvalDatasetPath', { RunningParameter: '{}' }],
  ])('refuses %s without its dataset, naming %s', async (_case, name, changes) => {
    const failure = await failureOf(call('CreateAIDBClusterTask', createParams(changes)));
    expect(failure).toMatchObject({ code: 'MissingParameter', statusCode: 400 });
    expect(failure.data?.Message).toContain(`"${name}"`);
  });

  it('accepts an evaluation-only task on the eval set', async () => {
    const taskId = await create({
      DatasetPath: undefined,
      EvalDatasetPath: DEMO_EVAL_DATASET_ID,
      RunningParameter: '{}',
    });
    clock += 10_000;
    const done = await detail(taskId);
    expect(done).toMatchObject({ DBClusterStatus: 'COMPLETED', DataSets: [expect.objectContaining({ Type: 'eval' })] });
    expect(done.ModelPath).toBeUndefined();
  });

  it('refuses a list without RelativeDBClusterId with InvalidDBClusterId.NotFound (404)', async () => {
    const failure = await failureOf(call('DescribeAIDBClusterTasks', { KubeType: 'aitrain' }));
    expect(failure).toMatchObject({ code: 'InvalidDBClusterId.NotFound', statusCode: 404 });
  });

  it('lists nothing for an unknown cluster or another KubeType', async () => {
    expect(await call('DescribeAIDBClusterTasks', { RelativeDBClusterId: 'pc-2zenothere00001' })).toMatchObject({
      Items: [],
    });
    expect(
      await call('DescribeAIDBClusterTasks', { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aieval' }),
    ).toMatchObject({ Items: [] });
  });

  it('lists newest first', async () => {
    const older = await create({ TaskName: 'older' });
    clock += 1;
    const newer = await create({ TaskName: 'newer' });
    const ids = ((await list()).Items as Record<string, unknown>[]).map((item) => item.DBNodeId);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
  });

  it('refuses a detail or delete without DBClusterId with MissingParameter', async () => {
    expect(await failureOf(call('DescribeAIDBClusterTaskAttribute', {}))).toMatchObject({ code: 'MissingParameter' });
    expect(await failureOf(call('DeleteAIDBClusterTask', {}))).toMatchObject({ code: 'MissingParameter' });
  });

  it('does not find a cluster id where a task id is expected', async () => {
    expect(await failureOf(detail(DEMO_CLUSTER_ID))).toMatchObject({ code: 'InvalidDBClusterId.NotFound' });
  });
});
